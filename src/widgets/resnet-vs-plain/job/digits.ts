// MNIST digits at 14×14: each output pixel is the mean of a 2×2 block of the 28×28 digit
// standardised, which keeps the strokes and quarters the work of every conv layer.
import { MNIST_PIXELS, MNIST_SIDE, type DigitSet } from '../../../data/mnist';
import type { Tensor } from '../../../engine/tensor';
/** Side of the half-size digits. */
export const SIDE = 14;

// The usual MNIST standardisation (mean and std of the 28×28 training pixels), so the first
// layer sees inputs of mean ≈ 0 and variance ≈ 1.
const MEAN = 0.1307;
const STD = 0.3081;

/** Digits `indices` of `set` as x [n, 14, 14, 1] and their labels. */
export function halfSizeBatch(set: DigitSet, indices: ArrayLike<number>): { x: Tensor; labels: Int32Array } {
  const n = indices.length;
  const data = new Float32Array(n * SIDE * SIDE);
  const labels = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const src = indices[b] * MNIST_PIXELS;
    labels[b] = set.labels[indices[b]];
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const i = src + 2 * r * MNIST_SIDE + 2 * c;
        const s = set.images[i] + set.images[i + 1] + set.images[i + MNIST_SIDE] + set.images[i + MNIST_SIDE + 1];
        data[b * SIDE * SIDE + r * SIDE + c] = (s / (4 * 255) - MEAN) / STD;
      }
    }
  }
  return { x: { shape: [n, SIDE, SIDE, 1], data }, labels };
}
