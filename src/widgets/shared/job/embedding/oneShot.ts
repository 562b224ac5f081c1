// After training the encoder on some classes: what the one-shot widget evaluates (course §33–36).
// - Digits of the classes NEVER seen in training (their encodings, pictures and labels), plus a
//   few "strangers" of the seen classes that the recognition database does not contain.
// - The binary-classification form of §36, ŷ = σ(Σ_k w_k·|f(x_i)_k − f(x_j)_k| + b), with w and b
//   fitted by logistic regression on pairs of SEEN-class digits (the training side), so the
//   unseen classes stay unseen for it too.
import type { Tensor } from '../../../../engine/tensor';
import { rng } from '../../../../engine/random';
import { gatherBatch, MNIST_PIXELS, type DigitSet } from '../../../../data/mnist';
import type { Model } from '../../../../engine/nn/model';
import { embed } from './session';

export interface OneShotSet {
  dim: number;
  /** count × dim encodings on the unit sphere. */
  embeddings: Float32Array;
  labels: Uint8Array;
  /** count × 784 pixels (0–255) for the thumbnails. */
  images: Uint8Array;
  /** Classes never trained on. */
  unseen: number[];
  /** Logistic unit of §36 fitted on seen-class pairs. */
  w: Float32Array;
  b: number;
  /**
   * For the before/after comparison: the same unseen digits encoded by the UNTRAINED network,
   * and held-out test digits of the SEEN classes (new pictures of known "people"), encoded by
   * the untrained and the trained network.
   */
  untrained: Float32Array;
  seenLabels: Uint8Array;
  seenTrained: Float32Array;
  seenUntrained: Float32Array;
}

/** The digits the comparison uses, chosen once (seeded) so that before and after see the same ones. */
export interface OneShotPicks {
  idx: Int32Array;
  seenIdx: Int32Array;
  unseen: number[];
}

export function oneShotPicks(test: DigitSet, seen: readonly number[], seed: number): OneShotPicks {
  const unseen = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((c) => !seen.includes(c));
  const unseenIdx = pickDigits(test, unseen, 30, seed + 1);
  const strangers = pickDigits(test, seen, 2, seed + 2);
  const seenIdx = pickDigits(test, seen, 15, seed + 4);
  return { idx: Int32Array.from([...unseenIdx, ...strangers]), seenIdx, unseen };
}

/** Encodings of the picks by the current network (call before training for the baseline). */
export function encodePicks(model: Model, test: DigitSet, picks: OneShotPicks): { unseen: Float32Array; seen: Float32Array } {
  return { unseen: embedIndices(model, test, picks.idx), seen: embedIndices(model, test, picks.seenIdx) };
}

/** Pick `perClass` test digits of each class in `classes` (seeded). */
export function pickDigits(set: DigitSet, classes: readonly number[], perClass: number, seed: number): Int32Array {
  const r = rng(seed);
  const order = Int32Array.from({ length: set.count }, (_, i) => i);
  r.shuffle(order);
  const out: number[] = [];
  for (const c of classes) {
    let got = 0;
    for (let q = 0; q < order.length && got < perClass; q++) if (set.labels[order[q]] === c) {
        out.push(order[q]);
        got++;
      }
  }
  return Int32Array.from(out);
}

function embedIndices(model: Model, set: DigitSet, idx: Int32Array): Float32Array {
  const x: Tensor = { shape: [idx.length, 28, 28, 1], data: new Float32Array(idx.length * MNIST_PIXELS) };
  gatherBatch(set, idx, x.data, new Int32Array(idx.length));
  return embed(model, x);
}

/**
 * Logistic regression on pair features |e_i − e_j| (label 1 = same class) by full-batch gradient
 * descent on the mean cross-entropy. Balanced: every same pair and as many different pairs.
 */
export function fitPairLogistic(e: Float32Array, d: number, labels: ArrayLike<number>, iterations = 400, lr = 1): { w: Float32Array; b: number } {
  const n = labels.length;
  const feats: number[][] = [], ys: number[] = [];
  const diff: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (labels[i] === labels[j]) {
        feats.push(absDiff(e, d, i, j));
        ys.push(1);
      } else diff.push([i, j]);
    }
  }
  const same = ys.length;
  const step = Math.max(1, Math.floor(diff.length / Math.max(1, same)));
  for (let q = 0; q < diff.length && ys.length < 2 * same; q += step) {
    feats.push(absDiff(e, d, diff[q][0], diff[q][1]));
    ys.push(0);
  }
  const w = new Float32Array(d);
  let b = 0;
  const m = ys.length;
  const gw = new Float64Array(d);
  for (let it = 0; it < iterations; it++) {
    gw.fill(0);
    let gb = 0;
    for (let t = 0; t < m; t++) {
      const f = feats[t];
      let z = b;
      for (let k = 0; k < d; k++) z += w[k] * f[k];
      const err = 1 / (1 + Math.exp(-z)) - ys[t]; // ∂(cross-entropy)/∂z = ŷ − y
      for (let k = 0; k < d; k++) gw[k] += err * f[k];
      gb += err;
    }
    for (let k = 0; k < d; k++) w[k] -= (lr * gw[k]) / m;
    b -= (lr * gb) / m;
  }
  return { w, b };
}

function absDiff(e: Float32Array, d: number, i: number, j: number): number[] {
  const f = new Array<number>(d);
  for (let k = 0; k < d; k++) f[k] = Math.abs(e[i * d + k] - e[j * d + k]);
  return f;
}

/** The evaluation set for the widget: unseen digits + strangers, the fitted logistic unit, baselines. */
export function buildOneShotSet(model: Model, train: DigitSet, test: DigitSet, dim: number, seen: readonly number[], seed: number, picks: OneShotPicks, before: { unseen: Float32Array; seen: Float32Array }): OneShotSet {
  const { idx, seenIdx, unseen } = picks;
  const now = encodePicks(model, test, picks);
  const labels = Uint8Array.from(idx, (i) => test.labels[i]);
  const images = new Uint8Array(idx.length * MNIST_PIXELS);
  idx.forEach((i, k) => images.set(test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS));
  // Fit the §36 unit on training digits of the seen classes only.
  const fitIdx = pickDigits(train, seen, 12, seed + 3);
  const fitEmb = embedIndices(model, train, fitIdx);
  const { w, b } = fitPairLogistic(fitEmb, dim, Uint8Array.from(fitIdx, (i) => train.labels[i]));
  return {
    dim, embeddings: now.unseen, labels, images, unseen, w, b,
    untrained: before.unseen,
    seenLabels: Uint8Array.from(seenIdx, (i) => test.labels[i]),
    seenTrained: now.seen,
    seenUntrained: before.seen,
  };
}
