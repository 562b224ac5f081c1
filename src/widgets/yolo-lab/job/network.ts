// The detector: a small fully convolutional network (no dense layer), so every output cell
// looks at one region of the picture and the output keeps the grid's shape.
//
//   64×64×3 → [conv 3×3 → batch norm → leaky ReLU → max pool 2] × 3 → 8×8×c
//           → [conv 3×3 → batch norm → leaky ReLU] × 2 → conv 1×1 → 8×8×B·(5 + C)
//
// Three 2×2 pools take 64 to 8, so S = 8 and each output cell sees a 8×8-pixel cell of the
// picture (its receptive field, 54 pixels, is much bigger: a cell sees the whole object
// whose midpoint it holds). The last 1×1 convolution is YOLO's head: B·(5 + C) numbers per cell.
import { rng, type Rng } from '../../../engine/random';
import { initWeights } from '../../../engine/nn/init';
import { variable, backward, type Variable } from '../../../engine/nn/variable';
import { conv2d, leakyRelu, maxPool2d, record, workspace, type Workspace } from '../../../engine/nn/autograd';
import { batchNorm } from '../../../engine/nn/regularise';
import { gradSink } from '../../../engine/nn/variable';
import { createOptimiser, type Optimiser } from '../../../engine/nn/optimisers';
import type { Tensor } from '../../../engine/tensor';
import { yoloLoss, YOLO_LAMBDAS, type YoloLossParts, type YoloLossWeights } from '../../../geometry/yoloLoss';
import type { YoloHead } from '../../../geometry/yoloHead';
import type { YoloObject } from '../../../geometry/yolo';

/** Channels of the five 3×3 conv layers. */
export const WIDTHS = [16, 32, 48, 64, 64] as const;
/** Layers followed by a 2×2 max pool. */
const POOLED = [true, true, true, false, false];
const LEAK = 0.1; // YOLO's leaky ReLU slope
/** Start p_c = σ(b) near 0.05: most slots are empty, so the no-object term starts small. */
const OBJECTNESS_BIAS = -3;

interface LayerWs { conv: Workspace; bn: Workspace; act: Workspace; pool: Workspace }

interface ConvBn {
  w: Variable;
  gamma: Variable;
  beta: Variable;
  mean: Variable;
  variance: Variable;
  /** buffers kept across steps: one set for training, one for the held-out passes (another batch size) */
  ws: LayerWs;
  inferWs: LayerWs;
}

export interface Detector {
  head: YoloHead;
  layers: ConvBn[];
  out: { w: Variable; b: Variable; ws: Workspace; inferWs: Workspace };
  opt: Optimiser;
  lossGrad: Float32Array | null;
}

const layerWs = (): LayerWs => ({ conv: workspace(), bn: workspace(), act: workspace(), pool: workspace() });

function convBn(cin: number, cout: number, r: Rng, name: string): ConvBn {
  const w = new Float32Array(9 * cin * cout);
  initWeights(w, 'he', 9 * cin, 9 * cout, r);
  const vec = (v: number, n: string, trained: boolean) => variable({ shape: [cout], data: new Float32Array(cout).fill(v) }, trained, `${name}.${n}`);
  return {
    w: variable({ shape: [3, 3, cin, cout], data: w }, true, `${name}.w`),
    gamma: vec(1, 'gamma', true),
    beta: vec(0, 'beta', true),
    mean: vec(0, 'mean', false),
    variance: vec(1, 'var', false),
    ws: layerWs(),
    inferWs: layerWs(),
  };
}

export function buildDetector(head: YoloHead, seed: number, learningRate: number): Detector {
  const r = rng(seed);
  const layers: ConvBn[] = [];
  let cin = 3;
  WIDTHS.forEach((c, i) => {
    layers.push(convBn(cin, c, r, `conv${i + 1}`));
    cin = c;
  });
  const B = head.anchors.length, D = 5 + head.classes;
  const w = new Float32Array(cin * B * D);
  initWeights(w, 'glorot', cin, B * D, r);
  for (let i = 0; i < w.length; i++) w[i] *= 0.1; // start near the anchors (t ≈ 0)
  const b = new Float32Array(B * D);
  for (let a = 0; a < B; a++) b[a * D] = OBJECTNESS_BIAS;
  return {
    head,
    layers,
    out: { w: variable({ shape: [1, 1, cin, B * D], data: w }, true, 'head.w'), b: variable({ shape: [B * D], data: b }, true, 'head.b'), ws: workspace(), inferWs: workspace() },
    opt: createOptimiser({ kind: 'adam', lr: learningRate }),
    lossGrad: null,
  };
}

/** Raw outputs [n, S, S, B·(5 + C)] for pictures x [n, 64, 64, 3]. */
export function forward(net: Detector, x: Tensor, train: boolean): Variable {
  let a: Variable = variable(x);
  net.layers.forEach((l, i) => {
    const ws = train ? l.ws : l.inferWs;
    a = conv2d(a, l.w, null, { stride: 1, pad: 'same' }, ws.conv);
    a = batchNorm(a, l.gamma, l.beta, l.mean, l.variance, { training: train, momentum: 0.9 }, ws.bn);
    a = leakyRelu(a, LEAK, ws.act);
    if (POOLED[i]) a = maxPool2d(a, { size: 2, stride: 2 }, ws.pool);
  });
  return conv2d(a, net.out.w, net.out.b, { stride: 1, pad: 'valid' }, train ? net.out.ws : net.out.inferWs);
}

/** The YOLO loss as the tape's last node: its backward hands ∂L/∂raw to the head. */
function lossNode(raw: Variable, objects: readonly (readonly YoloObject[])[], head: YoloHead, weights: YoloLossWeights, grad: Float32Array): { node: Variable; parts: YoloLossParts } {
  const parts = yoloLoss(raw.value.data, objects, head, weights, grad);
  const node = record({ shape: [], data: Float32Array.of(parts.total) }, [raw], (self) => {
    const s = gradSink(raw);
    const g = self.grad!.data[0], d = s.out.data;
    for (let i = 0; i < d.length; i++) d[i] = grad[i] * g;
    s.finish();
  });
  return { node, parts };
}

export function parameters(net: Detector): Variable[] {
  return [...net.layers.flatMap((l) => [l.w, l.gamma, l.beta]), net.out.w, net.out.b];
}

/** One Adam step on a batch; returns the loss parts before the step (no step on a non-finite loss). */
export function trainStep(net: Detector, x: Tensor, objects: readonly (readonly YoloObject[])[], weights: YoloLossWeights = YOLO_LAMBDAS): YoloLossParts {
  const raw = forward(net, x, true);
  if (!net.lossGrad || net.lossGrad.length !== raw.value.data.length) net.lossGrad = new Float32Array(raw.value.data.length);
  const { node, parts } = lossNode(raw, objects, net.head, weights, net.lossGrad);
  if (!Number.isFinite(parts.total)) return parts;
  const params = parameters(net);
  for (const p of params) p.zeroGrad();
  backward(node);
  net.opt.step(params.map((p) => ({ data: p.value.data, grad: p.grad!.data })));
  return parts;
}

/** Raw outputs for a batch at inference (batch norm with its running statistics); a view into a kept buffer, copy it to keep it. */
export function predictRaw(net: Detector, x: Tensor): Float32Array {
  return forward(net, x, false).value.data;
}
