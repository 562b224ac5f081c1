// Classification with localization (course §23): one image, at most one object, and the
// target y = [p_c, b_x, b_y, b_h, b_w, c_1, …, c_C], the box as its centre and size relative to
// the image (top-left (0, 0), bottom-right (1, 1)).
//
// The network's raw output z has the same 1 + 4 + C entries. The loss is the lecture's, in the
// form it recommends for practice:
//   p_c:    logistic loss on σ(z_1)                        −[y₁ log σ(z₁) + (1 − y₁) log(1 − σ(z₁))]
//   box:    squared error, λ Σ_{k=2..5} (z_k − y_k)²        only when y₁ = 1
//   class:  softmax cross-entropy on z_6 … z_{5+C}          only when y₁ = 1
// With no object (y₁ = 0) only the p_c term counts: the box and the class are "don't care".
// The loss is averaged over the batch; its gradient ∂L/∂z is exact (σ − y for the logistic
// term, 2λ(z − y) for the box, p − onehot for the classes), each divided by the batch size.
import type { Box } from './box';
import { iou } from './iou';

/** Entries of y for C classes. */
export const localizationSize = (classes: number) => 5 + classes;

/** y for an image of side `size` pixels holding `box` of class `classId`, or no object (null). */
export function localizationTargetVector(box: Box | null, classId: number, size: number, classes: number): Float32Array {
  const y = new Float32Array(localizationSize(classes));
  if (!box) return y;
  y[0] = 1;
  y[1] = (box.x1 + box.x2) / 2 / size;
  y[2] = (box.y1 + box.y2) / 2 / size;
  y[3] = (box.y2 - box.y1) / size;
  y[4] = (box.x2 - box.x1) / size;
  y[5 + classId] = 1;
  return y;
}

export interface LocalizationLoss {
  /** Mean over the batch of the three terms together. */
  loss: number;
  /** The batch means of each term (they add up to loss). */
  pc: number;
  box: number;
  cls: number;
  /** ∂loss/∂z, the same layout as z. */
  dz: Float32Array;
}

const softplus = (v: number) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));

/** The loss above for raw outputs z [n × (5 + C)] and targets y of the same layout; λ weights the box. */
export function localizationLoss(z: Float32Array, y: Float32Array, n: number, classes: number, lambdaBox: number): LocalizationLoss {
  const d = localizationSize(classes);
  if (z.length !== n * d || y.length !== n * d) throw new RangeError(`localizationLoss: expected ${n}×${d} outputs and targets, got ${z.length} and ${y.length}`);
  const dz = new Float32Array(z.length);
  let pc = 0, box = 0, cls = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    const t = y[o];
    // −[t log σ(v) + (1 − t) log(1 − σ(v))] = t·softplus(−v) + (1 − t)·softplus(v), stable for any v
    pc += t * softplus(-z[o]) + (1 - t) * softplus(z[o]);
    dz[o] = (1 / (1 + Math.exp(-z[o])) - t) / n;
    if (t !== 1) continue;
    for (let k = 1; k <= 4; k++) {
      const e = z[o + k] - y[o + k];
      box += lambdaBox * e * e;
      dz[o + k] = (2 * lambdaBox * e) / n;
    }
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, z[o + 5 + c]);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(z[o + 5 + c] - max);
    for (let c = 0; c < classes; c++) {
      const p = Math.exp(z[o + 5 + c] - max) / sum;
      if (y[o + 5 + c] === 1) cls -= Math.log(p);
      dz[o + 5 + c] = (p - y[o + 5 + c]) / n;
    }
  }
  return { loss: (pc + box + cls) / n, pc: pc / n, box: box / n, cls: cls / n, dz };
}

export interface LocalizationPrediction {
  /** σ(z₁): how sure the network is that there is an object. */
  pc: number;
  /** The box in pixels (corners), clipped to the image. */
  box: Box;
  classId: number;
  /** softmax probabilities of the classes. */
  probs: number[];
}

/** Read one example's raw output z (at offset `at`) as a prediction on an image of side `size`. */
export function decodeLocalization(z: ArrayLike<number>, at: number, size: number, classes: number): LocalizationPrediction {
  const clip = (v: number) => Math.min(size, Math.max(0, v));
  const bx = z[at + 1] * size, by = z[at + 2] * size, bh = Math.max(0, z[at + 3]) * size, bw = Math.max(0, z[at + 4]) * size;
  const box = { x1: clip(bx - bw / 2), y1: clip(by - bh / 2), x2: clip(bx + bw / 2), y2: clip(by + bh / 2) };
  let max = -Infinity;
  for (let c = 0; c < classes; c++) max = Math.max(max, z[at + 5 + c]);
  const e = Array.from({ length: classes }, (_, c) => Math.exp(z[at + 5 + c] - max));
  const s = e.reduce((a, b) => a + b, 0);
  const probs = e.map((v) => v / s);
  return { pc: 1 / (1 + Math.exp(-z[at])), box, classId: probs.indexOf(Math.max(...probs)), probs };
}

/** Mean IoU of predicted and true boxes (pairs in order); NaN for no pairs. */
export function meanBoxIou(predicted: readonly Box[], truth: readonly Box[]): number {
  if (predicted.length !== truth.length) throw new RangeError(`meanBoxIou: ${predicted.length} predictions for ${truth.length} boxes`);
  if (!predicted.length) return NaN;
  return predicted.reduce((s, b, i) => s + iou(b, truth[i]), 0) / predicted.length;
}
