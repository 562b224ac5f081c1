// Differentiable ops on the tape. Each wraps an engine op: the forward computes the value,
// the recorded closure calls the op's backward and sends each input its share of ∂L/∂y
// through a GradSink (written in place the first time, added on later visits).
// An optional Workspace (one per model layer) keeps the output and gradient buffers
// across training steps, so the hot loop allocates nothing.
import type { Tensor } from '../tensor';
import { sizeOf, type Padding } from '../shape';
import { conv2d as conv2dOp, conv2dBackward } from '../ops/conv2d';
import { conv2dTranspose as conv2dTransposeOp, conv2dTransposeBackward } from '../ops/conv2dTranspose';
import { maxPool2d as maxPoolOp, maxPool2dBackward, type MaxPoolResult } from '../ops/maxPool2d';
import { avgPool2d as avgPoolOp, avgPool2dBackward } from '../ops/avgPool2d';
import { globalAvgPool as globalAvgPoolOp, globalAvgPoolBackward } from '../ops/globalAvgPool';
import { dense as denseOp, denseBackward } from '../ops/dense';
import { relu as reluOp, reluBackward } from '../ops/relu';
import { leakyRelu as leakyReluOp, leakyReluBackward } from '../ops/leakyRelu';
import { sigmoid as sigmoidOp, sigmoidBackward } from '../ops/sigmoid';
import { tanh as tanhOp, tanhBackward } from '../ops/tanh';
import { softmax as softmaxOp, softmaxBackward } from '../ops/softmax';
import { softmaxCrossEntropy as sceOp, type Labels } from '../ops/softmaxCrossEntropy';
import { add as addOp } from '../ops/add';
import { concatChannels as concatOp } from '../ops/concatChannels';
import { reshape as reshapeOp } from '../ops/reshape';
import { Variable, gradSink } from './variable';

/** Buffers a layer keeps between calls (only when the caller asks for reuse). */
export interface Workspace {
  t: Record<string, Tensor | undefined>;
  /** The input shapes each output buffer was made for. */
  sig: Record<string, string | undefined>;
}

export function workspace(): Workspace {
  return { t: {}, sig: {} };
}

/** A buffer of n floats from the workspace (or undefined without a workspace). */
export function buffer(ws: Workspace | undefined, key: string, n: number): Tensor | undefined {
  if (!ws) return undefined;
  let t = ws.t[key];
  if (!t || t.data.length !== n) {
    t = { shape: [n], data: new Float32Array(n) };
    ws.t[key] = t;
  }
  return t;
}

/** The output buffer from the last call, if it was made for the same input shapes. */
export function prior(ws: Workspace | undefined, key: string, ...inputs: Tensor[]): Tensor | undefined {
  if (!ws) return undefined;
  return ws.sig[key] === signature(inputs) ? ws.t[key] : undefined;
}

export function keep<T extends Tensor>(ws: Workspace | undefined, key: string, t: T, ...inputs: Tensor[]): T {
  if (ws) {
    ws.t[key] = t;
    ws.sig[key] = signature(inputs);
  }
  return t;
}

function signature(inputs: Tensor[]): string {
  return inputs.map((t) => t.shape.join('x')).join('|');
}

function scratchOut(ws: Workspace | undefined, key: string, n: number): Tensor {
  return buffer(ws, key, n) ?? { shape: [n], data: new Float32Array(n) };
}

/** Make the output node; `bw(self)` runs when self.grad is known. */
export function record(value: Tensor, parents: Variable[], bw: (self: Variable) => void, ws?: Workspace): Variable {
  let self: Variable | null = null;
  const v = new Variable(value, { parents, backwardFn: () => bw(self!) });
  self = v;
  if (ws && v.requiresGrad) v.gradBuffer = buffer(ws, 'dy', sizeOf(value.shape))!;
  return v;
}

export interface Conv2dArgs {
  stride?: number;
  pad?: Padding;
}

export function conv2d(x: Variable, w: Variable, b: Variable | null, o: Conv2dArgs = {}, ws?: Workspace): Variable {
  const out = conv2dOp(x.value, w.value, b ? b.value : null, { stride: o.stride, pad: o.pad, out: prior(ws, 'y', x.value, w.value) });
  return convNode(x, w, b, o, keep(ws, 'y', out, x.value, w.value), ws);
}

function convNode(x: Variable, w: Variable, b: Variable | null, o: Conv2dArgs, value: Tensor, ws?: Workspace): Variable {
  const parents = b ? [x, w, b] : [x, w];
  return record(value, parents, (self) => {
    const sx = x.requiresGrad ? gradSink(x) : null;
    const sw = w.requiresGrad ? gradSink(w) : null;
    const sb = b && b.requiresGrad ? gradSink(b) : null;
    conv2dBackward(self.grad!, x.value, w.value, {
      stride: o.stride,
      pad: o.pad,
      skipDx: !sx,
      grads: {
        dx: sx ? sx.out : scratchOut(ws, 'dxUnused', sizeOf(x.value.shape)),
        dw: sw ? sw.out : scratchOut(ws, 'dwUnused', sizeOf(w.value.shape)),
        db: sb ? sb.out : scratchOut(ws, 'dbUnused', w.value.shape[3]),
      },
    });
    sx?.finish();
    sw?.finish();
    sb?.finish();
  }, ws);
}

export interface Conv2dTransposeArgs {
  stride?: number;
  pad?: number | 'same' | 'valid';
  outputPadding?: number;
}

/** Transposed convolution (up-convolution); w is [f, f, cOut, cIn]. */
export function conv2dTranspose(x: Variable, w: Variable, b: Variable | null, o: Conv2dTransposeArgs = {}, ws?: Workspace): Variable {
  const y = keep(ws, 'y', conv2dTransposeOp(x.value, w.value, b ? b.value : null, { ...o, out: prior(ws, 'y', x.value, w.value) }), x.value, w.value);
  return record(y, b ? [x, w, b] : [x, w], (self) => {
    const sx = x.requiresGrad ? gradSink(x) : null;
    const sw = w.requiresGrad ? gradSink(w) : null;
    const sb = b && b.requiresGrad ? gradSink(b) : null;
    conv2dTransposeBackward(self.grad!, x.value, w.value, {
      ...o,
      skipDx: !sx,
      grads: {
        dx: sx ? sx.out : scratchOut(ws, 'dxUnused', sizeOf(x.value.shape)),
        dw: sw ? sw.out : scratchOut(ws, 'dwUnused', sizeOf(w.value.shape)),
        db: sb ? sb.out : scratchOut(ws, 'dbUnused', w.value.shape[2]),
      },
    });
    sx?.finish();
    sw?.finish();
    sb?.finish();
  }, ws);
}

export interface PoolArgs {
  size: number;
  stride?: number;
  pad?: Padding;
}

export function maxPool2d(x: Variable, o: PoolArgs, ws?: Workspace): Variable {
  const y: MaxPoolResult = keep(ws, 'y', maxPoolOp(x.value, { ...o, out: prior(ws, 'y', x.value) }), x.value);
  return record(y, [x], (self) => {
    const sx = gradSink(x);
    maxPool2dBackward(self.grad!, x.value, { ...o, argmax: y.argmax, dx: sx.out });
    sx.finish();
  }, ws);
}

export function avgPool2d(x: Variable, o: PoolArgs, ws?: Workspace): Variable {
  const y = keep(ws, 'y', avgPoolOp(x.value, { ...o, out: prior(ws, 'y', x.value) }), x.value);
  return record(y, [x], (self) => {
    const sx = gradSink(x);
    avgPool2dBackward(self.grad!, x.value, { ...o, dx: sx.out });
    sx.finish();
  }, ws);
}

/** One number per channel: [n, h, w, c] → [n, c]. */
export function globalAvgPool(x: Variable, ws?: Workspace): Variable {
  const y = keep(ws, 'y', globalAvgPoolOp(x.value, prior(ws, 'y', x.value)), x.value);
  return record(y, [x], (self) => {
    const sx = gradSink(x);
    globalAvgPoolBackward(self.grad!, x.value, sx.out);
    sx.finish();
  }, ws);
}

/** Same numbers, new shape (flatten is reshape to [N, rest]). The data is shared, not copied. */
export function reshape(x: Variable, shape: number[], ws?: Workspace): Variable {
  return record(reshapeOp(x.value, shape), [x], (self) => {
    const sx = gradSink(x);
    sx.out.data.set(self.grad!.data);
    sx.finish();
  }, ws);
}

export function flatten(x: Variable, ws?: Workspace): Variable {
  const [n] = x.value.shape;
  return reshape(x, [n, sizeOf(x.value.shape) / n], ws);
}

export function dense(x: Variable, w: Variable, b: Variable | null, ws?: Workspace): Variable {
  const y = keep(ws, 'y', denseOp(x.value, w.value, b ? b.value : null, prior(ws, 'y', x.value, w.value)), x.value, w.value);
  return record(y, b ? [x, w, b] : [x, w], (self) => {
    const sx = x.requiresGrad ? gradSink(x) : null;
    const sw = w.requiresGrad ? gradSink(w) : null;
    const sb = b && b.requiresGrad ? gradSink(b) : null;
    denseBackward(self.grad!, x.value, w.value, {
      dx: sx ? sx.out : scratchOut(ws, 'dxUnused', sizeOf(x.value.shape)),
      dw: sw ? sw.out : scratchOut(ws, 'dwUnused', sizeOf(w.value.shape)),
      db: sb ? sb.out : scratchOut(ws, 'dbUnused', w.value.shape[1]),
    });
    sx?.finish();
    sw?.finish();
    sb?.finish();
  }, ws);
}

type Unary = (x: Tensor, out?: Tensor) => Tensor;
type UnaryBackward = (dy: Tensor, xOrY: Tensor, dxOut?: Tensor) => { dx: Tensor };

/** An elementwise activation; `fromOutput` = the backward formula reads y (sigmoid, tanh, softmax). */
function activation(op: Unary, back: UnaryBackward, fromOutput: boolean) {
  return (x: Variable, ws?: Workspace): Variable => {
    const y = keep(ws, 'y', op(x.value, prior(ws, 'y', x.value)), x.value);
    return record(y, [x], (self) => {
      const sx = gradSink(x);
      back(self.grad!, fromOutput ? y : x.value, sx.out);
      sx.finish();
    }, ws);
  };
}

export const relu = activation(reluOp, reluBackward, false);
export const sigmoid = activation(sigmoidOp, sigmoidBackward, true);
export const tanh = activation(tanhOp, tanhBackward, true);
export const softmax = activation(softmaxOp, softmaxBackward, true);

export function leakyRelu(x: Variable, alpha = 0.2, ws?: Workspace): Variable {
  const y = keep(ws, 'y', leakyReluOp(x.value, alpha, prior(ws, 'y', x.value)), x.value);
  return record(y, [x], (self) => {
    const sx = gradSink(x);
    leakyReluBackward(self.grad!, x.value, alpha, sx.out);
    sx.finish();
  }, ws);
}

/**
 * Mean softmax cross-entropy over the batch, as a scalar Variable. The fused op already
 * gives ∂L/∂z = (p − t)/n, so backward only scales it by the upstream ∂(total)/∂L.
 * `probs` is kept on the returned node for accuracy counting.
 */
export function softmaxCrossEntropy(logits: Variable, labels: Labels, ws?: Workspace): Variable & { probs: Tensor } {
  const r = sceOp(logits.value, labels, { probs: prior(ws, 'p', logits.value), dlogits: prior(ws, 'dz', logits.value) });
  keep(ws, 'p', r.probs, logits.value);
  keep(ws, 'dz', r.dlogits, logits.value);
  const node = record({ shape: [], data: Float32Array.of(r.loss) }, [logits], (self) => {
    const g = self.grad!.data[0];
    const sz = gradSink(logits);
    const d = sz.out.data, src = r.dlogits.data;
    for (let i = 0; i < d.length; i++) d[i] = src[i] * g;
    sz.finish();
  }) as Variable & { probs: Tensor };
  node.probs = r.probs;
  return node;
}

/** Σ of all entries (a scalar): the objective of "excite this unit" feature visualisation. */
export function sum(x: Variable): Variable {
  let s = 0;
  const d = x.value.data;
  for (let i = 0; i < d.length; i++) s += d[i];
  return record({ shape: [], data: Float32Array.of(s) }, [x], (self) => {
    const sx = gradSink(x);
    sx.out.data.fill(self.grad!.data[0]);
    sx.finish();
  });
}

/** k · x. */
export function scale(x: Variable, k: number): Variable {
  const d = x.value.data;
  const y = new Float32Array(d.length);
  for (let i = 0; i < d.length; i++) y[i] = k * d[i];
  return record({ shape: x.value.shape.slice(), data: y }, [x], (self) => {
    const sx = gradSink(x);
    const g = self.grad!.data, o = sx.out.data;
    for (let i = 0; i < g.length; i++) o[i] = k * g[i];
    sx.finish();
  });
}

/** Elementwise a + b (a residual connection): the gradient flows unchanged to both. */
export function add(a: Variable, b: Variable, ws?: Workspace): Variable {
  const y = keep(ws, 'y', addOp(a.value, b.value, prior(ws, 'y', a.value, b.value)), a.value, b.value);
  return record(y, [a, b], (self) => {
    for (const p of [a, b]) {
      if (!p.requiresGrad) continue;
      const sp = gradSink(p);
      sp.out.data.set(self.grad!.data);
      sp.finish();
    }
  }, ws);
}

/** Concatenate NHWC tensors along channels (inception): backward slices dy back apart. */
export function concatChannels(parts: Variable[], ws?: Workspace): Variable {
  const vals = parts.map((p) => p.value);
  const y = keep(ws, 'y', concatOp(vals, prior(ws, 'y', ...vals)), ...vals);
  const cs = vals.map((v) => v.shape[3]), C = y.shape[3];
  const pixels = y.data.length / C;
  return record(y, parts, (self) => {
    const g = self.grad!.data;
    let o = 0;
    parts.forEach((p, k) => {
      const c = cs[k];
      if (p.requiresGrad) {
        const sp = gradSink(p);
        const d = sp.out.data;
        for (let q = 0; q < pixels; q++) for (let j = 0; j < c; j++) d[q * c + j] = g[q * C + o + j];
        sp.finish();
      }
      o += c;
    });
  }, ws);
}
