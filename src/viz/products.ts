// The "nine products" of one window: the f×f input values under the window (0 for padding),
// the filter weights, and their element-wise products. This is presentation of ONE window;
// the output values themselves come from the engine's conv2d (and tests check they agree).
import type { WindowGeometry } from './window';
import { windowAt } from './window';

export interface WindowProducts {
  inputs: number[];
  weights: number[];
  products: number[];
  sum: number;
}

/** Products under step k's window; `kernel` is f×f row-major, `input` h×w row-major. */
export function windowProducts(g: WindowGeometry, input: ArrayLike<number>, kernel: ArrayLike<number>, k: number): WindowProducts {
  const { padded } = windowAt(g, k);
  const inputs: number[] = [];
  const weights: number[] = [];
  const products: number[] = [];
  let sum = 0;
  for (let dr = 0; dr < g.f; dr++) {
    for (let dc = 0; dc < g.f; dc++) {
      const r = padded.row + dr - g.pad.top;
      const c = padded.col + dc - g.pad.left;
      const x = r < 0 || c < 0 || r >= g.h || c >= g.w ? 0 : input[r * g.w + c];
      const w = kernel[dr * g.f + dc];
      inputs.push(x);
      weights.push(w);
      products.push(x * w);
      sum += x * w;
    }
  }
  return { inputs, weights, products, sum };
}

/** The kernel rotated by 180° (true convolution flips both axes before sliding). */
export function flipKernel(kernel: ArrayLike<number>, f: number): number[] {
  const out: number[] = [];
  for (let i = f * f - 1; i >= 0; i--) out.push(kernel[i]);
  return out;
}

/** True when flipping changes nothing (then convolution equals cross-correlation). */
export function isFlipSymmetric(kernel: ArrayLike<number>, f: number): boolean {
  const flipped = flipKernel(kernel, f);
  return flipped.every((v, i) => v === kernel[i]);
}
