// Lesson 45 (§42): 1-D and 3-D convolution examples, packed for the engine (worker jobs
// 'conv1d', 'conv3d'). 1-D: a length-14 EKG-like trace, 16 filters of length f (default 5)
// → (14 − f + 1)×16. 3-D: a 14×14×14×1 volume (a bright ball and a small dense blob, like a
// CT scan), 16 filters of 5×5×5 → 10×10×10×16. Sizes come from engine/shape.ts.
import { tensor, type Tensor } from '../../engine/tensor';

export const SIGNAL_LEN = 14;
export const FILTERS = 16;
export const VOL_N = 14;
export const VOL_F = 5;

/** One heartbeat: flat, a small P wave, the sharp QRS spike, a T wave, flat. */
export const EKG: readonly number[] = [0, 0.1, 0.2, 0.1, 0, -0.3, 1.6, -0.6, 0, 0.1, 0.3, 0.4, 0.2, 0];

function pseudo(k: number, i: number): number {
  const v = Math.sin(12.9898 * (i + 1) + 78.233 * (k + 1)) * 43758.5453;
  return Math.round(((v - Math.floor(v)) * 2 - 1) * 10) / 10;
}

/** Filter k of length f: 1 spike detector, 2 smoother, 3 slope detector, the rest fixed pseudo-random taps. */
export function filter1d(k: number, f: number): number[] {
  const mid = (f - 1) / 2;
  if (k === 0) return Array.from({ length: f }, (_, i) => (f === 1 ? 1 : Math.abs(i - mid) < 0.6 ? 1 : -1 / (f - 1)));
  if (k === 1) return Array.from({ length: f }, () => Math.round((1 / f) * 1000) / 1000);
  if (k === 2) return Array.from({ length: f }, (_, i) => (f === 1 ? 0 : Math.round(((i - mid) / mid) * 100) / 100));
  return Array.from({ length: f }, (_, i) => pseudo(k, i));
}

export function pack1d(f: number): { x: Tensor; w: Tensor; b: Tensor } {
  const w = new Float32Array(f * FILTERS);
  for (let k = 0; k < FILTERS; k++) filter1d(k, f).forEach((v, u) => (w[u * FILTERS + k] = v)); // [f, cIn = 1, cOut]
  return { x: tensor(EKG, [1, SIGNAL_LEN, 1]), w: tensor(w, [f, 1, FILTERS]), b: tensor(new Float32Array(FILTERS), [FILTERS]) };
}

/** The scan: a ball of radius 4 centred at (6, 7, 7) and a small dense blob at (10, 3, 10). */
export function scanValue(z: number, y: number, x: number): number {
  const d1 = Math.hypot(z - 6, y - 7, x - 7);
  const d2 = Math.hypot(z - 10, y - 3, x - 10);
  return (d1 <= 4 ? 0.6 : 0) + (d2 <= 1.6 ? 1 : 0);
}

/** Voxels of a 5×5×5 cube within distance 1.5 of its centre (1 + 6 + 12). */
const BLOB_IN = 19;

/** 3-D filter k (5×5×5): 1 small-blob detector (centre +, rest −, summing to 0), 2 depth edge (front + / back −), 3 left–right edge, others pseudo-random. */
export function filter3d(k: number): Float32Array {
  const f = VOL_F, c = (f - 1) / 2;
  const w = new Float32Array(f * f * f);
  for (let a = 0; a < f; a++)
    for (let u = 0; u < f; u++)
      for (let v = 0; v < f; v++) {
        const i = (a * f + u) * f + v;
        if (k === 0) w[i] = Math.hypot(a - c, u - c, v - c) <= 1.5 ? 1 : -BLOB_IN / (f * f * f - BLOB_IN); // zero sum: flat regions give 0
        else if (k === 1) w[i] = a < c ? 0.2 : a > c ? -0.2 : 0;
        else if (k === 2) w[i] = v < c ? 0.2 : v > c ? -0.2 : 0;
        else w[i] = pseudo(k, i) / 4;
      }
  return w;
}

export function pack3d(): { x: Tensor; w: Tensor; b: Tensor } {
  const n = VOL_N, f = VOL_F;
  const x = new Float32Array(n * n * n);
  for (let z = 0; z < n; z++) for (let y = 0; y < n; y++) for (let xx = 0; xx < n; xx++) x[(z * n + y) * n + xx] = scanValue(z, y, xx);
  const w = new Float32Array(f * f * f * FILTERS); // [f, f, f, cIn = 1, cOut]
  for (let k = 0; k < FILTERS; k++) filter3d(k).forEach((v, i) => (w[i * FILTERS + k] = v));
  return { x: tensor(x, [1, n, n, n, 1]), w: tensor(w, [f, f, f, 1, FILTERS]), b: tensor(new Float32Array(FILTERS), [FILTERS]) };
}

/** Slice z of a [1, d, h, w, c] tensor, channel k, as a row-major h·w array. */
export function volumeSlice(t: Tensor, z: number, k: number): Float32Array {
  const [, , h, w, c] = t.shape;
  const out = new Float32Array(h * w);
  const base = z * h * w;
  for (let p = 0; p < h * w; p++) out[p] = t.data[(base + p) * c + k];
  return out;
}

/** Channel k of a [1, len, c] tensor. */
export function sequenceChannel(t: Tensor, k: number): Float32Array {
  const [, len, c] = t.shape;
  return Float32Array.from({ length: len }, (_, i) => t.data[i * c + k]);
}
