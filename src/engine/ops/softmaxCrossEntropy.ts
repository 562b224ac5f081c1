// Softmax followed by cross-entropy, fused (stable, and the gradient is simple).
//   forward  p = softmax(z);  L = −(1/n) Σ_i Σ_k t_ik · log p_ik   (mean over the batch)
//   backward dz = (p − t) / n     (t = one-hot labels, or soft targets)
// Labels: class indices (Int32Array / number[]) or a one-hot / probability tensor [n, k].
import type { Tensor } from '../tensor';
import { assertRank, fmtShape, outTensor } from './check';
import { softmax } from './softmax';

export type Labels = Int32Array | Uint8Array | number[] | Tensor;

export interface SoftmaxCrossEntropyResult {
  /** Mean loss over the batch. */
  loss: number;
  /** softmax(logits). */
  probs: Tensor;
  /** ∂loss/∂logits = (probs − onehot)/n. */
  dlogits: Tensor;
}

function isTensor(l: Labels): l is Tensor {
  return (l as Tensor).shape !== undefined && (l as Tensor).data !== undefined;
}

export function softmaxCrossEntropy(
  logits: Tensor, labels: Labels, out: { probs?: Tensor; dlogits?: Tensor } = {},
): SoftmaxCrossEntropyResult {
  assertRank('softmaxCrossEntropy', 'logits', logits, 2, '[n, classes]');
  const [n, k] = logits.shape;
  const probs = softmax(logits, out.probs);
  const dlogits = outTensor('softmaxCrossEntropy', [n, k], out.dlogits);
  const p = probs.data, d = dlogits.data;
  let loss = 0;
  const inv = 1 / n;
  if (isTensor(labels)) {
    if (labels.data.length !== n * k) {
      throw new RangeError(`softmaxCrossEntropy: labels ${fmtShape(labels.shape)} do not match logits ${fmtShape(logits.shape)}`);
    }
    const t = labels.data;
    const z = logits.data;
    for (let i = 0; i < n; i++) {
      const o = i * k;
      // log p = z − logsumexp(z), exact even when p underflows
      let mx = -Infinity;
      for (let j = 0; j < k; j++) if (z[o + j] > mx) mx = z[o + j];
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(z[o + j] - mx);
      const lse = mx + Math.log(s);
      for (let j = 0; j < k; j++) {
        if (t[o + j] !== 0) loss -= t[o + j] * (z[o + j] - lse);
        d[o + j] = (p[o + j] - t[o + j]) * inv;
      }
    }
  } else {
    if (labels.length !== n) {
      throw new RangeError(`softmaxCrossEntropy: ${labels.length} labels for ${n} rows of logits ${fmtShape(logits.shape)}`);
    }
    const z = logits.data;
    for (let i = 0; i < n; i++) {
      const o = i * k;
      const c = labels[i];
      if (!Number.isInteger(c) || c < 0 || c >= k) {
        throw new RangeError(`softmaxCrossEntropy: label ${c} at row ${i} is not a class index in [0, ${k})`);
      }
      let mx = -Infinity;
      for (let j = 0; j < k; j++) if (z[o + j] > mx) mx = z[o + j];
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(z[o + j] - mx);
      loss -= z[o + c] - mx - Math.log(s);
      for (let j = 0; j < k; j++) d[o + j] = p[o + j] * inv;
      d[o + c] -= inv;
    }
  }
  return { loss: loss * inv, probs, dlogits };
}

/** Gradient alone, scaled by an upstream dloss (1 for a plain loss). */
export function softmaxCrossEntropyBackward(logits: Tensor, labels: Labels, dloss = 1): { dlogits: Tensor } {
  const { dlogits } = softmaxCrossEntropy(logits, labels);
  if (dloss !== 1) for (let i = 0; i < dlogits.data.length; i++) dlogits.data[i] *= dloss;
  return { dlogits };
}
