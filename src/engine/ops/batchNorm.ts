// Batch normalisation over every axis but the last (channels): NHWC conv maps or [n, features].
//   forward  x̂ = (x − μ)/√(σ² + ε),  y = γ·x̂ + β
//            training: μ, σ² from the batch (σ² biased); running ← m·running + (1−m)·batch
//            inference: μ, σ² = the running statistics
//   backward dβ = Σ dy,  dγ = Σ dy·x̂,
//            training:  dx = γ/(N·√(σ²+ε)) · (N·dy − dβ − x̂·dγ)     (N values per channel)
//            inference: dx = γ·dy/√(σ²+ε)
import type { Tensor } from '../tensor';
import { assertSameShape, fmtShape, outTensor } from './check';

export interface BatchNormOptions {
  training?: boolean;
  /** Running-statistics momentum (Keras default 0.99). */
  momentum?: number;
  /** Added to the variance (Keras default 1e-3). */
  eps?: number;
  /** Update the running variance with the unbiased batch variance N/(N−1)·σ² (default true, as TF's fused kernel and PyTorch). */
  unbiasedRunningVar?: boolean;
  out?: Tensor;
}

/** Running statistics, updated in place during training. */
export interface BatchNormState {
  runningMean: Tensor;
  runningVar: Tensor;
}

export interface BatchNormResult {
  y: Tensor;
  /** The mean and 1/√(σ²+ε) actually used (batch or running), per channel. */
  mean: Float32Array;
  invStd: Float32Array;
  training: boolean;
}

function channels(op: string, x: Tensor, gamma: Tensor, beta: Tensor, state: BatchNormState): number {
  const c = x.shape[x.shape.length - 1];
  for (const [name, t] of [['gamma', gamma], ['beta', beta], ['running mean', state.runningMean], ['running variance', state.runningVar]] as const) {
    if (t.data.length !== c) {
      throw new RangeError(`${op}: ${name} has ${t.data.length} values (shape ${fmtShape(t.shape)}) but x ${fmtShape(x.shape)} has ${c} channels`);
    }
  }
  return c;
}

export function batchNorm(x: Tensor, gamma: Tensor, beta: Tensor, state: BatchNormState, opts: BatchNormOptions = {}): BatchNormResult {
  const training = opts.training ?? false;
  const momentum = opts.momentum ?? 0.99;
  const eps = opts.eps ?? 1e-3;
  const c = channels('batchNorm', x, gamma, beta, state);
  const count = x.data.length / c;
  const xd = x.data;
  const mean = new Float32Array(c), invStd = new Float32Array(c);
  if (training) {
    const sum = new Float64Array(c), sq = new Float64Array(c);
    for (let o = 0; o < xd.length; o += c) for (let k = 0; k < c; k++) sum[k] += xd[o + k];
    for (let k = 0; k < c; k++) sum[k] /= count;
    for (let o = 0; o < xd.length; o += c) {
      for (let k = 0; k < c; k++) {
        const d = xd[o + k] - sum[k];
        sq[k] += d * d;
      }
    }
    const rm = state.runningMean.data, rv = state.runningVar.data;
    const bessel = (opts.unbiasedRunningVar ?? true) && count > 1 ? count / (count - 1) : 1;
    for (let k = 0; k < c; k++) {
      const v = sq[k] / count;
      mean[k] = sum[k];
      invStd[k] = 1 / Math.sqrt(v + eps);
      rm[k] = momentum * rm[k] + (1 - momentum) * sum[k];
      rv[k] = momentum * rv[k] + (1 - momentum) * v * bessel;
    }
  } else {
    const rm = state.runningMean.data, rv = state.runningVar.data;
    for (let k = 0; k < c; k++) {
      mean[k] = rm[k];
      invStd[k] = 1 / Math.sqrt(rv[k] + eps);
    }
  }
  const y = outTensor('batchNorm', x.shape.slice(), opts.out);
  const yd = y.data, g = gamma.data, b = beta.data;
  for (let o = 0; o < xd.length; o += c) {
    for (let k = 0; k < c; k++) yd[o + k] = g[k] * (xd[o + k] - mean[k]) * invStd[k] + b[k];
  }
  return { y, mean, invStd, training };
}

/** Gradients for x, γ and β, from the statistics the forward pass used. */
export function batchNormBackward(
  dy: Tensor, x: Tensor, gamma: Tensor, saved: Pick<BatchNormResult, 'mean' | 'invStd' | 'training'>,
): { dx: Tensor; dgamma: Tensor; dbeta: Tensor } {
  assertSameShape('batchNorm', dy, 'dy', x, 'x');
  const c = x.shape[x.shape.length - 1];
  if (gamma.data.length !== c) throw new RangeError(`batchNorm: gamma has ${gamma.data.length} values but x ${fmtShape(x.shape)} has ${c} channels`);
  const count = x.data.length / c;
  const xd = x.data, dyd = dy.data, { mean, invStd } = saved;
  const dbeta = new Float32Array(c), dgamma = new Float32Array(c);
  const sb = new Float64Array(c), sg = new Float64Array(c);
  for (let o = 0; o < xd.length; o += c) {
    for (let k = 0; k < c; k++) {
      sb[k] += dyd[o + k];
      sg[k] += dyd[o + k] * (xd[o + k] - mean[k]) * invStd[k];
    }
  }
  for (let k = 0; k < c; k++) {
    dbeta[k] = sb[k];
    dgamma[k] = sg[k];
  }
  const dx = new Float32Array(xd.length), g = gamma.data;
  if (saved.training) {
    for (let o = 0; o < xd.length; o += c) {
      for (let k = 0; k < c; k++) {
        const xhat = (xd[o + k] - mean[k]) * invStd[k];
        dx[o + k] = ((g[k] * invStd[k]) / count) * (count * dyd[o + k] - sb[k] - xhat * sg[k]);
      }
    }
  } else {
    for (let o = 0; o < xd.length; o += c) for (let k = 0; k < c; k++) dx[o + k] = g[k] * invStd[k] * dyd[o + k];
  }
  return {
    dx: { shape: x.shape.slice(), data: dx },
    dgamma: { shape: [c], data: dgamma },
    dbeta: { shape: [c], data: dbeta },
  };
}
