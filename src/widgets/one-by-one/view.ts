// §16 "network in network": a 6×6×32 volume and n filters of 1×1×32, as small whole numbers so
// the sum of 32 products can be followed by hand. Packed for the engine (worker job
// 'conv-layer' with f = 1): x NHWC [1, 6, 6, 32], w HWIO [1, 1, 32, n], b [n].
// One filter = one neuron with 32 inputs applied at every pixel: z = Σ_c x[r,c,ch]·w[ch] + b.
import { tensor, type Tensor } from '../../engine/tensor';

export const OBO_N = 6;
export const OBO_C = 32;
export const OBO_MAX_FILTERS = 32;

/** A fixed integer hash (xorshift-multiply mixer): varied but reproducible small numbers. */
function hash(i: number): number {
  let x = (i + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The input value at pixel (r, c), channel ch: 0…3 (activations after a ReLU are ≥ 0). */
export function oboInput(r: number, c: number, ch: number): number {
  return (hash((r * OBO_N + c) * OBO_C + ch) >>> 29) % 4;
}

/**
 * Weight of filter k for channel ch: −1, 0 or 1, nearly balanced (11 × −1, 11 × 0, 10 × +1 in a
 * shuffled order per filter), so z is sometimes positive and sometimes cut by the ReLU.
 */
export function oboWeight(ch: number, k: number): number {
  const key = (c: number) => hash(100_000 + k * OBO_C + c);
  const mine = key(ch);
  let rank = 0;
  for (let c = 0; c < OBO_C; c++) if (key(c) < mine || (key(c) === mine && c < ch)) rank++;
  return (rank % 3) - 1;
}

const BIASES = [1, -2, 0, -1, 2, -3, 1, 0];
export function oboBias(k: number): number {
  return BIASES[k % BIASES.length];
}

/** The fibre of 32 channel values through pixel (r, c). */
export function oboFibre(r: number, c: number): number[] {
  return Array.from({ length: OBO_C }, (_, ch) => oboInput(r, c, ch));
}

export function oboFilter(k: number): number[] {
  return Array.from({ length: OBO_C }, (_, ch) => oboWeight(ch, k));
}

export function packOneByOne(filters: number): { x: Tensor; w: Tensor; b: Tensor } {
  const x = new Float32Array(OBO_N * OBO_N * OBO_C);
  for (let r = 0; r < OBO_N; r++)
    for (let c = 0; c < OBO_N; c++) for (let ch = 0; ch < OBO_C; ch++) x[(r * OBO_N + c) * OBO_C + ch] = oboInput(r, c, ch);
  const w = new Float32Array(OBO_C * filters);
  for (let ch = 0; ch < OBO_C; ch++) for (let k = 0; k < filters; k++) w[ch * filters + k] = oboWeight(ch, k);
  return {
    x: tensor(x, [1, OBO_N, OBO_N, OBO_C]),
    w: tensor(w, [1, 1, OBO_C, filters]),
    b: tensor(Array.from({ length: filters }, (_, k) => oboBias(k)), [filters]),
  };
}

/** Map k of an NHWC result [1, h, w, n] as a row-major h·w array. */
export function channelMap(data: ArrayLike<number>, hw: number, n: number, k: number): Float32Array {
  return Float32Array.from({ length: hw }, (_, i) => data[i * n + k]);
}
