// The volume example: a 6×6×C input (C ≤ 4; R, G, B and a 4th channel) and F filters of
// 3×3×C with a bias each, as fixed small integers so the arithmetic can be followed by hand.
// Packed for the engine: x NHWC [1, 6, 6, C], w HWIO [3, 3, C, F], b [F].
import { tensor, type Tensor } from '../../engine/tensor';

export const N = 6;
export const F = 3;

/** Channel ch of the input, row-major 6×6. */
export function inputChannel(ch: number): number[] {
  const v: number[] = [];
  for (let r = 0; r < N; r++)
    for (let c = 0; c < N; c++) {
      if (ch === 0) v.push(c < 2 ? 3 : 0); // R: bright left third (a vertical edge)
      else if (ch === 1) v.push(r < 2 ? 2 : 0); // G: bright top third (a horizontal edge)
      else if (ch === 2) v.push((r + c) % 3); // B: diagonal stripes
      else v.push(r === c || r + c === N - 1 ? 1 : 0); // 4th: an X
    }
  return v;
}

const BASES: readonly (readonly number[])[] = [
  [1, 0, -1, 1, 0, -1, 1, 0, -1], // vertical edge
  [1, 1, 1, 0, 0, 0, -1, -1, -1], // horizontal edge
  [0, 1, 0, 1, -4, 1, 0, 1, 0], // Laplacian
  [1, 0, 0, 0, 1, 0, 0, 0, 1], // diagonal
  [-1, 0, 1, -1, 0, 1, -1, 0, 1], // vertical edge, dark → bright
];
const BIASES = [1, -2, 0, -1, 2];

/** Filter k's 3×3 slice for input channel ch, row-major. */
export function filterSlice(k: number, ch: number): number[] {
  return BASES[(k + 2 * ch) % BASES.length].slice();
}

export function bias(k: number): number {
  return BIASES[k % BIASES.length];
}

export function packVolume(channels: number, filters: number): { x: Tensor; w: Tensor; b: Tensor } {
  const x = new Float32Array(N * N * channels);
  for (let ch = 0; ch < channels; ch++) inputChannel(ch).forEach((v, i) => (x[i * channels + ch] = v));
  const w = new Float32Array(F * F * channels * filters);
  for (let k = 0; k < filters; k++)
    for (let ch = 0; ch < channels; ch++) filterSlice(k, ch).forEach((v, i) => (w[(i * channels + ch) * filters + k] = v));
  const b = Float32Array.from({ length: filters }, (_, k) => bias(k));
  return { x: tensor(x, [1, N, N, channels]), w: tensor(w, [F, F, channels, filters]), b: tensor(b, [filters]) };
}
