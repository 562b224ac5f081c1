// sliding-windows-net: the lecture's small classifier with its FC layers turned into
// convolutions (CONV 5×5 ×16 → MAX-POOL 2 → CONV 5×5 ×400 → CONV 1×1 ×400 → CONV 1×1 ×4 →
// softmax), run ONCE on the whole n×n×3 image, and, for comparison, once per 14×14 crop at
// stride 2 (plain sliding windows). The two must agree cell by cell: the convolutional version
// does the same classification of every window, sharing the overlapping work. Weights are
// seeded (untrained): the point is the equality, not the predictions.
import { conv2d, maxPool2d, relu, rng, softmax, type Tensor } from '../../../engine/index';
import { drawPicture } from '../../../data/pictures';
import { defineRequest } from '../../../worker/job';

export interface SlidingWindowsArgs {
  n: number;
  seed?: number;
}

export interface SlidingWindowsResult {
  n: number;
  /** the picture, gray in [0, 1], n·n */
  image: Float32Array;
  /** one pass of the convolutional net: [1, m, m, 4] */
  output: Tensor;
  /** the same net run on each 14×14 crop (stride 2), m·m·4 row-major */
  crops: Float32Array;
  maxDiff: number;
}

const WINDOW = 14, STRIDE = 2;

function weights(seed: number) {
  const r = rng(seed);
  const he = (shape: number[], fanIn: number): Tensor => {
    const size = shape.reduce((a, b) => a * b, 1);
    const std = Math.sqrt(2 / fanIn);
    return { shape, data: Float32Array.from({ length: size }, () => r.normal(0, std)) };
  };
  const bias = (k: number): Tensor => ({ shape: [k], data: Float32Array.from({ length: k }, () => r.uniform(-0.05, 0.05)) });
  return {
    w1: he([5, 5, 3, 16], 75), b1: bias(16),
    w2: he([5, 5, 16, 400], 400), b2: bias(400),
    w3: he([1, 1, 400, 400], 400), b3: bias(400),
    w4: he([1, 1, 400, 4], 400), b4: bias(4),
  };
}

type Weights = ReturnType<typeof weights>;

function net(x: Tensor, w: Weights): Tensor {
  let a = relu(conv2d(x, w.w1, w.b1, { stride: 1, pad: 'valid' }));
  a = maxPool2d(a, { size: 2, stride: 2 });
  a = relu(conv2d(a, w.w2, w.b2, { stride: 1, pad: 'valid' })); // the first FC layer as a 5×5 conv
  a = relu(conv2d(a, w.w3, w.b3, { stride: 1, pad: 'valid' })); // FC 400 as a 1×1 conv
  return softmax(conv2d(a, w.w4, w.b4, { stride: 1, pad: 'valid' })); // FC 4 as a 1×1 conv, softmax over channels
}

/** The n×n×3 picture: the built-in shapes drawing, tinted per channel. */
function picture(n: number): { gray: Float32Array; x: Tensor } {
  const gray = drawPicture('shapes', n).data;
  const x = new Float32Array(n * n * 3);
  for (let i = 0; i < n * n; i++) for (let c = 0; c < 3; c++) x[i * 3 + c] = gray[i] * (1 - 0.25 * c) + 0.1 * c;
  return { gray, x: { shape: [1, n, n, 3], data: x } };
}

export function slidingWindowsNet({ n, seed = 7 }: SlidingWindowsArgs): SlidingWindowsResult {
  if (!Number.isInteger(n) || n < WINDOW) throw new RangeError(`the input must be at least ${WINDOW}×${WINDOW}, got ${n}`);
  const w = weights(seed);
  const { gray, x } = picture(n);
  const output = net(x, w);
  const m = output.shape[1];
  const crops = new Float32Array(m * m * 4);
  const crop: Tensor = { shape: [1, WINDOW, WINDOW, 3], data: new Float32Array(WINDOW * WINDOW * 3) };
  let maxDiff = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    for (let r = 0; r < WINDOW; r++) {
      const from = ((i * STRIDE + r) * n + j * STRIDE) * 3;
      crop.data.set(x.data.subarray(from, from + WINDOW * 3), r * WINDOW * 3);
    }
    const y = net(crop, w).data; // 1×1×4
    for (let k = 0; k < 4; k++) {
      crops[(i * m + j) * 4 + k] = y[k];
      maxDiff = Math.max(maxDiff, Math.abs(y[k] - output.data[(i * m + j) * 4 + k]));
    }
  }
  return { n, image: gray, output, crops, maxDiff };
}

export const slidingWindows = defineRequest<SlidingWindowsArgs, SlidingWindowsResult>(slidingWindowsNet);
