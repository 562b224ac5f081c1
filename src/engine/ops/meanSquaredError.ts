// Mean squared error over every element (regression heads, e.g. box coordinates).
//   forward  L = (1/N) Σ_i (pred_i − target_i)²
//   backward dpred = 2·(pred − target)/N · dloss,   dtarget = −dpred
import type { Tensor } from '../tensor';
import { assertSameShape } from './check';

export function meanSquaredError(pred: Tensor, target: Tensor): number {
  assertSameShape('meanSquaredError', pred, 'pred', target, 'target');
  const p = pred.data, t = target.data;
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - t[i];
    s += d * d;
  }
  return s / p.length;
}

export function meanSquaredErrorBackward(pred: Tensor, target: Tensor, dloss = 1): { dpred: Tensor; dtarget: Tensor } {
  assertSameShape('meanSquaredError', pred, 'pred', target, 'target');
  const p = pred.data, t = target.data;
  const dp = new Float32Array(p.length), dt = new Float32Array(p.length);
  const k = (2 * dloss) / p.length;
  for (let i = 0; i < p.length; i++) {
    const g = k * (p[i] - t[i]);
    dp[i] = g;
    dt[i] = -g;
  }
  return { dpred: { shape: pred.shape.slice(), data: dp }, dtarget: { shape: target.shape.slice(), data: dt } };
}
