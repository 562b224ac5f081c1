// What the lab's canvases draw, packed as fresh typed arrays (they are transferred to the
// page): the curves, the first layer's filters, every layer's feature maps for one test digit,
// and the latest evaluation's confusion matrix and mistakes.
import type { Model } from '../../../engine/nn/model';
import { MNIST_PIXELS, digitToFloat, type DigitSet } from '../../../data/mnist';
import type { History } from '../../shared/job/mnist/history';
import type { EvalResult } from '../../shared/job/mnist/evaluate';
import { softmaxRow } from '../../shared/job/mnist/evaluate';
import { CLASSES } from '../../../data/mnistPresets';

export interface CurveArrays {
  trainImages: Float64Array;
  trainLoss: Float32Array;
  trainAcc: Float32Array;
  testImages: Float64Array;
  testAcc: Float32Array;
  testLoss: Float32Array;
}

export interface FeatureLayer {
  /** Node id in the model, e.g. "relu_1". */
  id: string;
  /** What produced it: 'conv2d' | 'dense' (after ReLU), 'maxPool2d', 'probs'. */
  kind: string;
  /** Per example: [H, W, C] or [n]. */
  shape: number[];
  data: Float32Array;
}

export interface DigitView {
  index: number;
  label: number;
  image: Float32Array;
  layers: FeatureLayer[];
  probs: Float32Array;
}

export interface EvalView {
  version: number;
  confusion: Int32Array;
  mistakes: { index: number; label: number; predicted: number; confidence: number }[];
  /** The mistakes' digits, 784 bytes each, in the same order. */
  images: Uint8Array;
}

export const MAX_MISTAKES = 40;

export function curveArrays(h: History): CurveArrays {
  return {
    trainImages: Float64Array.from(h.trainImages),
    trainLoss: Float32Array.from(h.trainLoss),
    trainAcc: Float32Array.from(h.trainAcc),
    testImages: Float64Array.from(h.testImages),
    testAcc: Float32Array.from(h.testAcc),
    testLoss: Float32Array.from(h.testLoss),
  };
}

/** The first layer's weights: conv [f, f, 1, k] as k little f×f images, or dense [784, n] as n 28×28. */
export function firstFilters(model: Model): { shape: number[]; data: Float32Array } | null {
  const first = model.layers.find((l) => l.params.length > 0);
  if (!first) return null;
  const w = first.params[0].v.value;
  return { shape: w.shape.slice(), data: w.data.slice() };
}

/** Probabilities (softmax of the logits) for one 28×28 image. */
export function predictDigit(model: Model, pixels: Float32Array): Float32Array {
  if (pixels.length !== MNIST_PIXELS) throw new RangeError(`a digit is 28×28 = 784 pixels, got ${pixels.length}`);
  const logits = model.predict({ shape: [1, 28, 28, 1], data: pixels }).data;
  const p = new Float32Array(CLASSES);
  softmaxRow(logits, 0, p);
  return p;
}

/**
 * Every layer's output for one test digit. Convolutions and dense layers are shown after
 * their ReLU (what the next layer reads); flatten is skipped (same numbers as before it);
 * the last layer's logits are shown as probabilities.
 */
export function digitView(model: Model, test: DigitSet, index: number): DigitView {
  const i = Math.max(0, Math.min(test.count - 1, Math.floor(index)));
  const image = new Float32Array(MNIST_PIXELS);
  digitToFloat(test, i, image);
  const acts = model.activations({ shape: [1, 28, 28, 1], data: image.slice() });
  const layers: FeatureLayer[] = [];
  let probs = new Float32Array(CLASSES);
  acts.forEach((a, k) => {
    const shape = a.value.shape.slice(1);
    if (k === acts.length - 1) {
      softmaxRow(a.value.data, 0, probs);
      layers.push({ id: a.id, kind: 'probs', shape: [CLASSES], data: probs.slice() });
    } else if (a.type === 'relu') {
      layers.push({ id: a.id, kind: acts[k - 1]?.type ?? 'relu', shape, data: a.value.data.slice() });
    } else if (a.type === 'maxPool2d' || a.type === 'avgPool2d') {
      layers.push({ id: a.id, kind: a.type, shape, data: a.value.data.slice() });
    }
  });
  probs = probs.slice();
  return { index: i, label: test.labels[i], image, layers, probs };
}

export function evalView(e: EvalResult, version: number, test: DigitSet): EvalView {
  const mistakes = e.mistakes.slice(0, MAX_MISTAKES);
  const images = new Uint8Array(mistakes.length * MNIST_PIXELS);
  mistakes.forEach((m, k) => images.set(test.images.subarray(m.index * MNIST_PIXELS, (m.index + 1) * MNIST_PIXELS), k * MNIST_PIXELS));
  return { version, confusion: e.confusion.slice(), mistakes: mistakes.map((m) => ({ ...m })), images };
}
