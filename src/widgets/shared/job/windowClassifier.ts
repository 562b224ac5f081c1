// The lecture's sliding-windows classifier (course §25–26), trained on 14×14 crops of the
// detection scenes with four outputs: car, pedestrian, motorcycle, background.
//
//   14×14×3 → CONV 5×5 ×16 → ReLU → MAX-POOL 2×2 s2 (5×5×16) → FC 400 → ReLU → FC 400 → ReLU → FC 4 → softmax
//
// One set of numbers, two ways to run it:
//   - as a classifier on one crop: the pool output is flattened (NHWC order) and the FC layers
//     are matrix products;
//   - as convolutions over a whole image: FC 400 on a 5×5×16 volume IS a 5×5 convolution with
//     400 filters (its weight [400, 400] is the filter bank [5, 5, 16, 400] read row by row, the
//     same Float32Array), and the next FCs are 1×1 convolutions. On an n×n image one pass gives
//     every 14×14 window at stride 2 (the pool's stride) at once.
// Both are used by the sliding-windows widget and the region-proposals widget.
import { rng } from '../../../engine/random';
import { initWeights } from '../../../engine/nn/init';
import { variable, backward, type Variable } from '../../../engine/nn/variable';
import { conv2d as convV, dense as denseV, flatten, maxPool2d as poolV, relu as reluV, softmaxCrossEntropy, workspace, type Workspace } from '../../../engine/nn/autograd';
import { createOptimiser, type Optimiser } from '../../../engine/nn/optimisers';
import { conv2d, dense, maxPool2d, relu, softmax } from '../../../engine/ops/index';
import type { Tensor } from '../../../engine/tensor';

export const WINDOW = 14;
/** Effective stride of the convolutional version (the 2×2 max-pool). */
export const WINDOW_STRIDE = 2;
export const WINDOW_CLASSES = 4;
export const WINDOW_BACKGROUND = 3;
const HIDDEN = 400;

export interface WindowClassifier {
  w1: Variable; b1: Variable;
  /** FC 400 weights as the conv filter bank [5, 5, 16, 400]. */
  w2: Variable; b2: Variable;
  w3: Variable; b3: Variable;
  w4: Variable; b4: Variable;
  /** The FC view of w2, w3, w4 for training on crops: [in, out] tensors over the same Float32Arrays. */
  m2: Variable; m3: Variable; m4: Variable;
  opt: Optimiser;
  ws: Workspace[];
}

/** A filter bank [f, f, c, k] viewed as an FC matrix [f·f·c, k]: the same numbers, no copy. */
const asMatrix = (w: Tensor): Tensor => ({ shape: [w.shape[0] * w.shape[1] * w.shape[2], w.shape[3]], data: w.data });

function param(shape: number[], fanIn: number, fanOut: number, r: ReturnType<typeof rng>, name: string): Variable {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  initWeights(data, 'he', fanIn, fanOut, r);
  return variable({ shape, data }, true, name);
}
const bias = (k: number, name: string) => variable({ shape: [k], data: new Float32Array(k) }, true, name);

export function buildWindowClassifier(seed: number, lr: number): WindowClassifier {
  const r = rng(seed);
  const c = {
    w1: param([5, 5, 3, 16], 75, 400, r, 'conv1.w'), b1: bias(16, 'conv1.b'),
    w2: param([5, 5, 16, HIDDEN], 400, HIDDEN, r, 'fc1.w'), b2: bias(HIDDEN, 'fc1.b'),
    w3: param([1, 1, HIDDEN, HIDDEN], HIDDEN, HIDDEN, r, 'fc2.w'), b3: bias(HIDDEN, 'fc2.b'),
    w4: param([1, 1, HIDDEN, WINDOW_CLASSES], HIDDEN, WINDOW_CLASSES, r, 'fc3.w'), b4: bias(WINDOW_CLASSES, 'fc3.b'),
  };
  const view = (w: Variable) => variable(asMatrix(w.value), true, w.name);
  return { ...c, m2: view(c.w2), m3: view(c.w3), m4: view(c.w4), opt: createOptimiser({ kind: 'adam', lr }), ws: Array.from({ length: 9 }, () => workspace()) };
}


/** One Adam step on crops x [n, 14, 14, 3] with labels 0…3; returns the loss and the correct count. */
export function trainWindowClassifier(c: WindowClassifier, x: Tensor, labels: Int32Array): { loss: number; correct: number } {
  const ws = c.ws;
  const { m2, m3, m4 } = c;
  let a = reluV(convV(variable(x), c.w1, c.b1, { stride: 1, pad: 'valid' }, ws[0]), ws[1]);
  a = flatten(poolV(a, { size: 2, stride: 2 }, ws[2]), ws[3]);
  a = reluV(denseV(a, m2, c.b2, ws[4]), ws[5]);
  a = reluV(denseV(a, m3, c.b3, ws[6]), ws[7]);
  const logits = denseV(a, m4, c.b4, ws[8]);
  const loss = softmaxCrossEntropy(logits, labels);
  const params = [c.w1, c.b1, m2, c.b2, m3, c.b3, m4, c.b4];
  for (const p of params) p.zeroGrad();
  backward(loss);
  const value = loss.value.data[0];
  if (Number.isFinite(value)) c.opt.step(params.map((p) => ({ data: p.value.data, grad: p.grad!.data })));
  let correct = 0;
  const p = loss.probs.data;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < WINDOW_CLASSES; k++) if (p[i * WINDOW_CLASSES + k] > p[i * WINDOW_CLASSES + best]) best = k;
    if (best === labels[i]) correct++;
  }
  return { loss: value, correct };
}

/** CONV 5×5 + ReLU + MAX-POOL 2: the shared convolutional part, on crops or on a whole image. */
export function windowFeatures(c: WindowClassifier, x: Tensor): Tensor {
  return maxPool2d(relu(conv2d(x, c.w1.value, c.b1.value, { stride: 1, pad: 'valid' })), { size: 2, stride: 2 });
}

/** The FC head on flattened 5×5×16 feature windows [n, 400]: probabilities [n, 4]. */
export function classifyFeatures(c: WindowClassifier, f: Tensor): Tensor {
  let a = relu(dense(f, asMatrix(c.w2.value), c.b2.value));
  a = relu(dense(a, asMatrix(c.w3.value), c.b3.value));
  return softmax(dense(a, asMatrix(c.w4.value), c.b4.value));
}

/** The classifier on a batch of crops [n, 14, 14, 3]: probabilities [n, 4] (FC layers as matrix products). */
export function classifyCrops(c: WindowClassifier, x: Tensor): Tensor {
  const f = windowFeatures(c, x);
  return classifyFeatures(c, { shape: [f.shape[0], f.data.length / f.shape[0]], data: f.data });
}

/**
 * The FC head for windows read out of a feature map [1, h, w, 16] (Fast R-CNN's idea: convolve
 * once, then classify each region from the shared map). Window (row, col) is the 5×5 block of
 * the map at (row, col), which is the 14×14 input window at (2·col, 2·row).
 */
export function classifyFeatureWindows(c: WindowClassifier, map: Tensor, cells: readonly { row: number; col: number }[]): Tensor {
  const [, , w, ch] = map.shape;
  const f = new Float32Array(cells.length * 25 * ch);
  cells.forEach(({ row, col }, i) => {
    for (let r = 0; r < 5; r++) f.set(map.data.subarray(((row + r) * w + col) * ch, ((row + r) * w + col + 5) * ch), (i * 25 + r * 5) * ch);
  });
  return classifyFeatures(c, { shape: [cells.length, 25 * ch], data: f });
}

/** The same numbers as convolutions over a whole image x [1, n, n, 3]: probabilities [1, m, m, 4], m = (n − 14)/2 + 1. */
export function classifyOnePass(c: WindowClassifier, x: Tensor): Tensor {
  let a = relu(conv2d(x, c.w1.value, c.b1.value, { stride: 1, pad: 'valid' }));
  a = maxPool2d(a, { size: 2, stride: 2 });
  a = relu(conv2d(a, c.w2.value, c.b2.value, { stride: 1, pad: 'valid' })); // FC 400 as a 5×5 conv
  a = relu(conv2d(a, c.w3.value, c.b3.value, { stride: 1, pad: 'valid' })); // FC 400 as a 1×1 conv
  return softmax(conv2d(a, c.w4.value, c.b4.value, { stride: 1, pad: 'valid' })); // FC 4 as a 1×1 conv; softmax over channels
}

/** Multiplications of one crop through the classifier, and of one pass over an n×n image. */
export function windowMultiplies(n: number): { perCrop: number; onePass: number; windows: number } {
  const conv1 = (s: number) => (s - 4) * (s - 4) * 5 * 5 * 3 * 16;
  const m = (n - WINDOW) / WINDOW_STRIDE + 1;
  const fc = 5 * 5 * 16 * HIDDEN + HIDDEN * HIDDEN + HIDDEN * WINDOW_CLASSES;
  return { perCrop: conv1(WINDOW) + fc, onePass: conv1(n) + m * m * fc, windows: m * m };
}
