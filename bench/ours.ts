// Our engine's side of every bench case, written as closures that reuse their buffers
// (the out-params the ops offer), as the training loop does.
import type { Tensor } from '../src/engine/tensor';
import { conv2d, conv2dBackward } from '../src/engine/ops/conv2d';
import { maxPool2d } from '../src/engine/ops/maxPool2d';
import { sequential, sgd, trainStep, type LayerSpec } from '../src/engine/nn';

export interface ConvShape {
  n: number; h: number; w: number; c: number; f: number; k: number; pad: 'valid' | 'same'; stride: number;
}

export function oursConv2d(x: Float32Array, w: Float32Array, s: ConvShape): () => void {
  const xt: Tensor = { shape: [s.n, s.h, s.w, s.c], data: x };
  const wt: Tensor = { shape: [s.f, s.f, s.c, s.k], data: w };
  const opts = { pad: s.pad, stride: s.stride };
  const out = conv2d(xt, wt, null, opts);
  return () => {
    conv2d(xt, wt, null, { ...opts, out });
  };
}

/** The backward pass: both gradients, or only dx ('dx': skipDw) or only dw and db ('dw': skipDx). */
export function oursConv2dBackward(x: Float32Array, w: Float32Array, dy: Float32Array, s: ConvShape, only?: 'dx' | 'dw'): () => void {
  const xt: Tensor = { shape: [s.n, s.h, s.w, s.c], data: x };
  const wt: Tensor = { shape: [s.f, s.f, s.c, s.k], data: w };
  const opts = { pad: s.pad, stride: s.stride, skipDx: only === 'dw', skipDw: only === 'dx' };
  const y = conv2d(xt, wt, null, opts);
  const dyt: Tensor = { shape: y.shape, data: dy };
  const grads = conv2dBackward(dyt, xt, wt, opts);
  return () => {
    conv2dBackward(dyt, xt, wt, { ...opts, grads });
  };
}

export function oursMaxPool(x: Float32Array, shape: number[]): () => void {
  const xt: Tensor = { shape, data: x };
  const out = maxPool2d(xt, { size: 2, stride: 2 });
  return () => {
    maxPool2d(xt, { size: 2, stride: 2, out });
  };
}

export const LENET_STEP_LAYERS: LayerSpec[] = [
  { type: 'conv2d', filters: 8, size: 5, stride: 1, pad: 'valid' },
  { type: 'relu' },
  { type: 'maxPool2d', size: 2, stride: 2 },
  { type: 'conv2d', filters: 16, size: 5, stride: 1, pad: 'valid' },
  { type: 'relu' },
  { type: 'maxPool2d', size: 2, stride: 2 },
  { type: 'flatten' },
  { type: 'dense', units: 10 },
];

/** The LeNet-style step through the public API: Sequential + trainStep + SGD. */
export function oursTrainer(x: Float32Array, labels: Int32Array, lr: number): { step: () => void; loss: () => number } {
  const model = sequential(LENET_STEP_LAYERS, [28, 28, 1], { seed: 1 });
  const opt = sgd(lr);
  const xt: Tensor = { shape: [labels.length, 28, 28, 1], data: x };
  let last = NaN;
  return {
    step: () => {
      last = trainStep(model, xt, labels, opt);
    },
    loss: () => last,
  };
}
