// One training step: forward, softmax cross-entropy (per example, or per pixel), backward, CHECK, update.
// The check comes before the update: a NaN or infinite loss (or gradient) throws
// NonFiniteLossError and leaves the weights exactly as they were, so the caller keeps the
// last good model and can suggest a smaller learning rate. An update that itself
// overflows (α·g beyond Float32) is rolled back from a copy made just before it.
import type { Tensor } from '../tensor';
import type { Labels } from '../ops/softmaxCrossEntropy';
import { softmaxCrossEntropy as sceOp } from '../ops/softmaxCrossEntropy';
import type { Model } from './model';
import type { Optimiser, ParamSlot } from './optimisers';
import { backward } from './variable';
import { reshape, softmaxCrossEntropy } from './autograd';

export class NonFiniteLossError extends Error {
  readonly loss: number;
  readonly where: 'loss' | 'gradient' | 'update';
  constructor(loss: number, where: 'loss' | 'gradient' | 'update', param?: string) {
    super(
      where === 'loss'
        ? `the loss became ${loss} (not a finite number); the weights were not updated — try a smaller learning rate`
        : where === 'gradient'
          ? `a gradient${param ? ` of ${param}` : ''} became infinite or NaN (loss ${loss}); the weights were not updated — try a smaller learning rate`
          : `the update made weights${param ? ` of ${param}` : ''} infinite (loss ${loss}); the previous weights were kept — try a smaller learning rate`,
    );
    this.name = 'NonFiniteLossError';
    this.loss = loss;
    this.where = where;
  }
}

export interface TrainStepInfo {
  loss: number;
  /** How many examples (pixels, for a segmentation net) of the batch the model classified correctly (before the update). */
  correct: number;
}

const zeroGrads = new WeakMap<Float32Array, Float32Array>();
/** One backup buffer per weight array, reused every step (no allocation in the loop). */
const backups = new WeakMap<Float32Array, Float32Array>();

/** Train on one batch; returns the mean loss before the update. Throws NonFiniteLossError. */
export function trainStep(model: Model, x: Tensor, labels: Labels, optimiser: Optimiser): number {
  return trainStepInfo(model, x, labels, optimiser).loss;
}

export function trainStepInfo(model: Model, x: Tensor, labels: Labels, optimiser: Optimiser): TrainStepInfo {
  const params = model.parameters();
  for (const p of params) p.zeroGrad();
  const out = model.forward(x, { training: true, reuseBuffers: true });
  // A segmentation net's scores [N, H, W, K] are N·H·W rows of K (the same numbers, no copy):
  // the cross-entropy is then per pixel, averaged over every pixel of the batch.
  const k = out.value.shape[out.value.shape.length - 1];
  const logits = out.value.shape.length > 2 ? reshape(out, [out.value.data.length / k, k]) : out;
  const lossV = softmaxCrossEntropy(logits, labels, model.lossWorkspace);
  const loss = lossV.value.data[0];
  if (!Number.isFinite(loss)) throw new NonFiniteLossError(loss, 'loss');
  const correct = countCorrect(lossV.probs, labels);
  backward(lossV);
  const slots: ParamSlot[] = [];
  for (const p of params) {
    let g = p.grad?.data;
    if (!g) {
      // A parameter that did not take part (e.g. an unused branch) gets a zero gradient.
      g = zeroGrads.get(p.value.data) ?? new Float32Array(p.value.data.length);
      zeroGrads.set(p.value.data, g);
    }
    // Σ g is NaN/±∞ iff some entry is (or the sum overflows, which is as bad).
    let s = 0;
    for (let i = 0; i < g.length; i++) s += g[i];
    if (!Number.isFinite(s)) throw new NonFiniteLossError(loss, 'gradient', p.name);
    slots.push({ data: p.value.data, grad: g });
  }
  for (const sl of slots) {
    let b = backups.get(sl.data);
    if (!b) backups.set(sl.data, (b = new Float32Array(sl.data.length)));
    b.set(sl.data);
  }
  optimiser.step(slots);
  for (let k = 0; k < slots.length; k++) {
    const w = slots[k].data;
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i] * 0;
    if (s !== 0) {
      // some w[i]·0 is NaN ⇔ w[i] is ±∞ or NaN: put every weight back
      for (const sl of slots) sl.data.set(backups.get(sl.data)!);
      throw new NonFiniteLossError(loss, 'update', params[k].name);
    }
  }
  return { loss, correct };
}

/** Index of the largest entry of each row. */
export function argmaxRows(t: Tensor): Int32Array {
  const [n, k] = t.shape;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (t.data[i * k + j] > t.data[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

function countCorrect(probs: Tensor, labels: Labels): number {
  const pred = argmaxRows(probs);
  let c = 0;
  if ((labels as Tensor).shape !== undefined) {
    const lt = labels as Tensor;
    const truth = argmaxRows(lt);
    for (let i = 0; i < pred.length; i++) if (pred[i] === truth[i]) c++;
  } else {
    const l = labels as ArrayLike<number>;
    for (let i = 0; i < pred.length; i++) if (pred[i] === l[i]) c++;
  }
  return c;
}

/**
 * Loss and accuracy over a whole set, in batches (inference mode, no tape kept).
 * `images` is [N, ...inputShape]; labels are class indices.
 */
export function evaluate(model: Model, images: Tensor, labels: ArrayLike<number>, batchSize = 250): { loss: number; accuracy: number } {
  const n = images.shape[0];
  const per = images.data.length / n;
  let lossSum = 0;
  let correct = 0;
  for (let s = 0; s < n; s += batchSize) {
    const m = Math.min(batchSize, n - s);
    const xb: Tensor = { shape: [m, ...images.shape.slice(1)], data: images.data.subarray(s * per, (s + m) * per) };
    const lb = Array.from({ length: m }, (_, i) => labels[s + i]);
    const logits = model.forward(xb, { reuseBuffers: 'eval' }).value;
    const r = sceOp(logits, lb);
    lossSum += r.loss * m;
    correct += countCorrect(r.probs, lb);
  }
  return { loss: lossSum / n, accuracy: correct / n };
}
