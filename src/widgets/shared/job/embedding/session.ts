// One embedding-training session: a small CNN f maps a digit to a point on the unit circle
// (d = 2, for the scatter plot) or the unit sphere in d dimensions, trained with the triplet
// loss. Each step is either one training batch or one chunk of embedding the fixed test digits
// (so pause answers within a few ms, as in the MNIST lab).
import type { Tensor } from '../../../../engine/tensor';
import { rng, type Rng } from '../../../../engine/random';
import { sequential, type Model } from '../../../../engine/nn/model';
import type { LayerSpec } from '../../../../engine/nn/specs';
import { createOptimiser, type Optimiser, type ParamSlot } from '../../../../engine/nn/optimisers';
import { backward } from '../../../../engine/nn/variable';
import { l2NormalizeRows, tripletLoss, tripletLossValue, type TripletIndex } from '../../../../engine/nn/tripletLoss';
import { gatherBatch, MNIST_PIXELS, type DigitSet } from '../../../../data/mnist';
import { JobError } from '../../../../worker/job';
import { easyFraction, indexByClass, mineTriplets, sampleBatch, type Mining } from './mining';

/** The encoder: conv 5×5×8, pool, conv 5×5×16, pool, dense 32, dense d (then normalised). */
export function encoderLayers(dim: number): LayerSpec[] {
  return [
    { type: 'conv2d', filters: 8, size: 5 },
    { type: 'relu' },
    { type: 'maxPool2d', size: 2 },
    { type: 'conv2d', filters: 16, size: 5 },
    { type: 'relu' },
    { type: 'maxPool2d', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 32 },
    { type: 'relu' },
    { type: 'dense', units: dim, init: 'glorot' },
  ];
}

export interface SessionConfig {
  mining: Mining;
  seed: number;
  /** Embedding dimension (2 = the scatter plot). */
  dim: number;
  /** Classes to train on (one-shot keeps some unseen). */
  classes: number[];
  alpha: number;
  learningRate: number;
  /** Classes per batch × digits per class. */
  k: number;
  m: number;
  /** Test digits to embed and plot. */
  testCount: number;
  /** Re-embed the test digits every this many training steps. */
  evalEvery: number;
}

export const DEFAULT_CONFIG: SessionConfig = {
  mining: 'semi-hard',
  seed: 1,
  dim: 2,
  classes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  alpha: 0.2,
  // Measured on the real digits: semi-hard at 0.003 (or α = 0.5) squeezes every embedding into
  // a small arc; 7e-4 spreads the classes round the circle within ~250 steps.
  learningRate: 0.0007,
  k: 6,
  m: 4,
  testCount: 500,
  evalEvery: 10,
};

export interface EmbeddingEval {
  /** testCount × dim, row per test digit. */
  embeddings: Float32Array;
  sameDistance: number;
  differentDistance: number;
  /** Mean triplet loss on fixed random triplets of the test digits (falls as f improves). */
  testLoss: number;
  step: number;
}

export interface EmbeddingSession {
  config: SessionConfig;
  model: Model;
  optimiser: Optimiser;
  train: DigitSet;
  test: DigitSet;
  byClass: Int32Array[];
  batchRng: Rng;
  mineRng: Rng;
  x: Tensor;
  y: Int32Array;
  step: number;
  loss: number | null;
  easy: number | null;
  /** Fixed test digits (indices into test) and their labels. */
  testIdx: Int32Array;
  testLabels: Uint8Array;
  /** Fixed same-class and different-class pairs (indices into testIdx). */
  samePairs: Int32Array;
  diffPairs: Int32Array;
  /** Fixed random test triplets (indices into testIdx). */
  testTriplets: TripletIndex;
  evalPos: number;
  evalBuf: Float32Array | null;
  lastEval: EmbeddingEval | null;
  evalVersion: number;
}

const EVAL_CHUNK = 100;
const PAIRS = 600;
const TEST_TRIPLETS = 1000;

export function checkConfig(c: SessionConfig): void {
  if (!['random', 'semi-hard', 'hard'].includes(c.mining)) throw new JobError('bad-setting', `unknown mining ${String(c.mining)}`, { name: 'mining', value: String(c.mining) });
  if (!(c.alpha > 0 && c.alpha <= 4)) throw new JobError('bad-setting', `margin α must be in (0, 4], got ${c.alpha}`, { name: 'alpha', value: String(c.alpha) });
  if (!(Number.isInteger(c.dim) && c.dim >= 2 && c.dim <= 64)) throw new JobError('bad-setting', `dimension must be 2–64, got ${c.dim}`, { name: 'dim', value: String(c.dim) });
  if (c.classes.length < 2 || c.classes.some((k) => !Number.isInteger(k) || k < 0 || k > 9)) {
    throw new JobError('bad-setting', `need at least two digit classes 0–9, got ${JSON.stringify(c.classes)}`, { name: 'classes', value: String(c.classes) });
  }
}

export function createSession(train: DigitSet, test: DigitSet, cfg: Partial<SessionConfig> = {}): EmbeddingSession {
  const config: SessionConfig = { ...DEFAULT_CONFIG, ...cfg };
  checkConfig(config);
  const model = sequential(encoderLayers(config.dim), [28, 28, 1], { seed: config.seed });
  const n = Math.min(config.k, config.classes.length) * config.m;
  const r = rng((config.seed * 7919 + 3) >>> 0);
  // Fixed test digits (from every class, for the plot) and fixed pairs for the two metrics.
  const order = Int32Array.from({ length: test.count }, (_, i) => i);
  r.shuffle(order);
  const testIdx = order.slice(0, Math.min(config.testCount, test.count));
  const testLabels = Uint8Array.from(testIdx, (i) => test.labels[i]);
  const byTest = indexByClass(testLabels);
  const same: number[] = [], diff: number[] = [];
  while (same.length < 2 * PAIRS) {
    const i = r.int(testIdx.length);
    const list = byTest[testLabels[i]];
    const j = list[r.int(list.length)];
    if (j !== i) same.push(i, j);
  }
  while (diff.length < 2 * PAIRS) {
    const i = r.int(testIdx.length), j = r.int(testIdx.length);
    if (testLabels[i] !== testLabels[j]) diff.push(i, j);
  }
  const ta: number[] = [], tp: number[] = [], tn: number[] = [];
  while (ta.length < TEST_TRIPLETS) {
    const i = r.int(testIdx.length), k = r.int(testIdx.length);
    const list = byTest[testLabels[i]];
    const j = list[r.int(list.length)];
    if (j !== i && testLabels[k] !== testLabels[i]) {
      ta.push(i);
      tp.push(j);
      tn.push(k);
    }
  }
  return {
    config,
    model,
    optimiser: createOptimiser({ kind: 'adam', lr: config.learningRate }),
    train,
    test,
    byClass: indexByClass(train.labels),
    batchRng: rng((config.seed * 2654435761) >>> 0 || 1),
    mineRng: rng((config.seed * 40503 + 17) >>> 0),
    x: { shape: [n, 28, 28, 1], data: new Float32Array(n * MNIST_PIXELS) },
    y: new Int32Array(n),
    step: 0,
    loss: null,
    easy: null,
    testIdx,
    testLabels,
    samePairs: Int32Array.from(same),
    diffPairs: Int32Array.from(diff),
    testTriplets: { a: Int32Array.from(ta), p: Int32Array.from(tp), n: Int32Array.from(tn) },
    evalPos: 0,
    evalBuf: null,
    lastEval: null,
    evalVersion: 0,
  };
}

/** Embeddings (on the unit sphere) of a batch of digits: inference, no tape kept. */
export function embed(model: Model, x: Tensor): Float32Array {
  return l2NormalizeRows(model.forward(x)).value.data;
}

/** One training batch: forward once, mine, triplet loss, backward, Adam. */
export function trainBatch(s: EmbeddingSession): void {
  const c = s.config;
  const idx = sampleBatch(s.byClass, c.classes, c.k, c.m, s.batchRng);
  gatherBatch(s.train, idx, s.x.data, s.y);
  const params = s.model.parameters();
  for (const p of params) p.zeroGrad();
  const out = l2NormalizeRows(s.model.forward(s.x, { training: true, reuseBuffers: true }));
  const triplets = mineTriplets(out.value.data, c.dim, s.y, c.mining, s.mineRng);
  const lossV = tripletLoss(out, triplets, c.alpha);
  const loss = lossV.info.loss;
  if (!Number.isFinite(loss)) throw new JobError('non-finite-loss', `the triplet loss became ${loss} at step ${s.step + 1}`, { loss: String(loss), step: s.step + 1 });
  s.easy = easyFraction(lossV.info.perTriplet);
  s.loss = loss;
  s.step++;
  if (loss === 0) return; // every triplet satisfied: no gradient at all
  backward(lossV);
  const slots: ParamSlot[] = params.map((p) => ({ data: p.value.data, grad: p.grad ? p.grad.data : new Float32Array(p.value.data.length) }));
  s.optimiser.step(slots);
}

/** Embed the next chunk of the fixed test digits; true when a full pass has finished. */
export function evalChunk(s: EmbeddingSession): boolean {
  const d = s.config.dim;
  const total = s.testIdx.length;
  if (!s.evalBuf) s.evalBuf = new Float32Array(total * d);
  const m = Math.min(EVAL_CHUNK, total - s.evalPos);
  const x: Tensor = { shape: [m, 28, 28, 1], data: new Float32Array(m * MNIST_PIXELS) };
  gatherBatch(s.test, s.testIdx.subarray(s.evalPos, s.evalPos + m), x.data, new Int32Array(m));
  s.evalBuf.set(embed(s.model, x), s.evalPos * d);
  s.evalPos += m;
  if (s.evalPos < total) return false;
  const e = s.evalBuf;
  s.lastEval = {
    embeddings: e,
    sameDistance: meanPairDistance(e, d, s.samePairs),
    differentDistance: meanPairDistance(e, d, s.diffPairs),
    testLoss: tripletLossValue({ shape: [total, d], data: e }, s.testTriplets, s.config.alpha).loss,
    step: s.step,
  };
  s.evalBuf = null;
  s.evalPos = 0;
  s.evalVersion++;
  return true;
}

/** Mean squared distance over pairs given as a flat list [i0, j0, i1, j1, …]. */
export function meanPairDistance(e: Float32Array, d: number, pairs: Int32Array): number {
  let s = 0;
  for (let t = 0; t < pairs.length; t += 2) {
    const i = pairs[t] * d, j = pairs[t + 1] * d;
    for (let k = 0; k < d; k++) {
      const v = e[i + k] - e[j + k];
      s += v * v;
    }
  }
  return s / (pairs.length / 2);
}

/** A step: finish a running evaluation, else train a batch (and start an evaluation when due). */
export function sessionStep(s: EmbeddingSession): void {
  if (s.evalBuf || !s.lastEval) {
    evalChunk(s);
    return;
  }
  trainBatch(s);
  if (s.step % s.config.evalEvery === 0) s.evalBuf = new Float32Array(s.testIdx.length * s.config.dim);
}
