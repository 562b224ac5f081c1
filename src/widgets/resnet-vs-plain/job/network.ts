// Two networks that differ only in their skip connections (He et al.'s plain vs residual
// comparison, made small enough to train in the page):
//
//   digit 14×14×1 → conv 3×3 stride 2 (C channels, 7×7) → ReLU          (conv layer 1)
//     → B blocks:  h = ReLU(conv(a));  z = conv(h)                      (2 conv layers each)
//                  plain:    a ← ReLU(z)
//                  residual: a ← ReLU(z + a)        (the shortcut: a[l+2] = g(z[l+2] + a[l]))
//     → conv 3×3 stride 2 (4×4) → ReLU                                   (conv layer D)
//     → dense 16·C → 10 → softmax
//
// so D = 2B + 2 conv layers (and one dense classifier). Both start from the same weights (same seed), see the same
// batches and take the same optimiser steps (SGD with momentum, no batch norm).
//
// Initialisation: Glorot (Xavier) normal, Var(w) = 2/(fan_in + fan_out), Keras's family of
// defaults. For a 3×3 conv C → C that is 1/fan_in, and a ReLU keeps half the second moment,
// so each plain layer halves the signal: after 30 layers it is ~2⁻³⁰ of the input, and so is
// the gradient flowing back — the vanishing gradient. The residual network carries a[l]
// past each block unchanged (∂a[l+2]/∂a[l] = I + ∂z/∂a[l]), so its signal and gradients
// keep their size at any depth. Batch norm or He's init would rescue the plain network;
// leaving both out is what makes the difference visible within a minute.
import { rng, type Rng } from '../../../engine/random';
import { initWeights } from '../../../engine/nn/init';
import { variable, backward, type Variable } from '../../../engine/nn/variable';
import { conv2d, relu, add, dense, flatten, softmaxCrossEntropy, workspace, type Workspace } from '../../../engine/nn/autograd';
import { createOptimiser, type Optimiser } from '../../../engine/nn/optimisers';
import type { Tensor } from '../../../engine/tensor';

export const DEPTHS = [8, 20, 32] as const;
export const WIDTHS = [8, 16] as const;
export type Depth = (typeof DEPTHS)[number];
export type Width = (typeof WIDTHS)[number];


export interface ConvLayer {
  w: Variable;
  b: Variable;
  stride: number;
  ws: Workspace;
}

export interface Net {
  residual: boolean;
  layers: ConvLayer[]; // D conv layers, input to output
  /** The classifier [16·C, 10] and its bias. */
  dense: { w: Variable; b: Variable; ws: Workspace };
  opt: Optimiser;
  /** Workspaces for the non-conv nodes of the training pass (ReLU, add, pool, loss). */
  ws: Workspace[];
  lossWs: Workspace;
}

function convLayer(k: number, cin: number, cout: number, stride: number, r: Rng, name: string): ConvLayer {
  const w = new Float32Array(k * k * cin * cout);
  initWeights(w, 'glorot', k * k * cin, k * k * cout, r);
  return {
    w: variable({ shape: [k, k, cin, cout], data: w }, true, `${name}.w`),
    b: variable({ shape: [cout], data: new Float32Array(cout) }, true, `${name}.b`),
    stride,
    ws: workspace(),
  };
}

/** The conv layers of depth D and width C from a seed (the same numbers for both networks). */
function buildLayers(depth: number, width: number, seed: number): ConvLayer[] {
  const r = rng(seed);
  const layers = [convLayer(3, 1, width, 2, r, 'stem')];
  for (let l = 1; l < depth - 1; l++) layers.push(convLayer(3, width, width, 1, r, `conv${l + 1}`));
  layers.push(convLayer(3, width, width, 2, r, `conv${depth}`));
  return layers;
}

export function buildNet(residual: boolean, depth: number, width: number, seed: number, lr: number): Net {
  if (!(DEPTHS as readonly number[]).includes(depth)) throw new RangeError(`depth must be one of ${DEPTHS.join(', ')} conv layers, got ${depth}`);
  if (!(WIDTHS as readonly number[]).includes(width)) throw new RangeError(`width must be one of ${WIDTHS.join(', ')} channels, got ${width}`);
  const r = rng(seed + 1);
  const w = new Float32Array(16 * width * 10);
  initWeights(w, 'glorot', 16 * width, 10, r);
  const dense = {
    w: variable({ shape: [16 * width, 10], data: w }, true, 'dense.w'),
    b: variable({ shape: [10], data: new Float32Array(10) }, true, 'dense.b'),
    ws: workspace(),
  };
  return { residual, layers: buildLayers(depth, width, seed), dense, opt: createOptimiser({ kind: 'momentum', lr, beta: 0.9 }), ws: [], lossWs: workspace() };
}

/** Logits [n, 10] for a batch x [n, 14, 14, 1]; `train` reuses the layers' buffers. */
export function forward(net: Net, x: Tensor, train: boolean): Variable {
  const L = net.layers;
  let wsi = 0;
  const ws = () => {
    if (!train) return undefined;
    net.ws[wsi] ??= workspace();
    return net.ws[wsi++];
  };
  const conv = (a: Variable, l: ConvLayer) => conv2d(a, l.w, l.b, { stride: l.stride, pad: 'same' }, train ? l.ws : undefined);
  let a = relu(conv(variable(x), L[0]), ws());
  for (let l = 1; l < L.length - 1; l += 2) {
    const h = relu(conv(a, L[l]), ws());
    const z = conv(h, L[l + 1]);
    a = relu(net.residual ? add(z, a, ws()) : z, ws());
  }
  const top = relu(conv(a, L[L.length - 1]), ws());
  return dense(flatten(top, ws()), net.dense.w, net.dense.b, train ? net.dense.ws : undefined);
}

function parameters(net: Net): Variable[] {
  return [...net.layers.flatMap((l) => [l.w, l.b]), net.dense.w, net.dense.b];
}

export interface StepResult {
  loss: number;
  correct: number;
  /** ‖∂L/∂W‖₂ of each conv layer's weights, input to output. */
  gradNorms: Float32Array;
}

/** One step of SGD with momentum on a batch; returns the batch's loss before the step. */
export function trainStep(net: Net, x: Tensor, labels: Int32Array): StepResult {
  const logits = forward(net, x, true);
  const loss = softmaxCrossEntropy(logits, labels, net.lossWs);
  const params = parameters(net);
  for (const p of params) p.zeroGrad();
  backward(loss);
  const gradNorms = new Float32Array(net.layers.length);
  net.layers.forEach((l, i) => {
    const g = l.w.grad!.data;
    let s = 0;
    for (let k = 0; k < g.length; k++) s += g[k] * g[k];
    gradNorms[i] = Math.sqrt(s);
  });
  const value = loss.value.data[0];
  if (Number.isFinite(value)) {
    net.opt.step(params.map((p) => ({ data: p.value.data, grad: p.grad!.data })));
  }
  return { loss: value, correct: countCorrect(loss.probs, labels), gradNorms };
}

/** How many rows of probs [n, 10] put their largest value on the label. */
export function countCorrect(probs: Tensor, labels: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < 10; k++) if (probs.data[i * 10 + k] > probs.data[i * 10 + best]) best = k;
    if (best === labels[i]) correct++;
  }
  return correct;
}

/** Correct predictions of a batch without training (the test set). */
export function testBatch(net: Net, x: Tensor, labels: Int32Array): number {
  const logits = forward(net, x, false);
  return countCorrect(softmaxCrossEntropy(logits, labels).probs, labels);
}
