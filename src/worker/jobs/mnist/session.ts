// One training session of the MNIST lab, living in the worker: the model, its optimiser, the
// data order, the curves and the latest evaluation. Sessions outlive the long job that drives
// them (a job that stops on a diverged loss leaves its session, with the last good weights,
// for the next job to continue), and predict/save requests read them by key.
//
// A step is either one training batch or one chunk of the test-set evaluation, so the worker
// answers pause / predict messages within one step (a few ms), never after a whole pass.
import type { Tensor } from '../../../engine/tensor';
import { rng, type Rng } from '../../../engine/random';
import { sequential, type Model } from '../../../engine/nn/model';
import { createOptimiser, type Optimiser, type OptimiserConfig } from '../../../engine/nn/optimisers';
import { trainStepInfo, NonFiniteLossError } from '../../../engine/nn/train';
import { gatherBatch, MNIST_PIXELS, type Mnist } from '../../../data/mnist';
import { augmentBatch } from '../../../data/augment';
import { JobError } from '../types';
import { INPUT_SHAPE, PRESET_LAYERS, type Preset, type TrainSettings } from './presets';
import { emptyHistory, type History, pushTrain, pushTest } from './history';
import { emptyEval, evalChunk, finishEval, type EvalResult, type EvalRun } from './evaluate';

/** Evaluate on the whole test set every this many training images (in this worker). */
export const EVAL_EVERY = 2000;
/**
 * With a second worker testing on the other core, a test pass costs the training nothing,
 * so hand out a weight copy twice as often: test accuracy hovers within ±0.5% of its level
 * for thousands of images, and a coarse look both sees 97% later and reports it later.
 */
export const EXTERNAL_EVAL_EVERY = 1000;
/** Test digits per evaluation step (one step stays a few ms). */
export const EVAL_CHUNK = 100;
/**
 * Polyak averaging: the test passes (and the drawn-digit predictions) use an exponential
 * moving average of the weights, a ← d·a + (1 − d)·w after every step, d = 0.99 (Keras'
 * use_ema default), i.e. roughly the last 100 steps. Adam at 3e-3 keeps the weights
 * jittering around a good point, so one step's weights score anywhere in ±0.7% of it on the
 * test digits; their average sits near the centre and scores as well as the best of them,
 * steadily. Measured on the LeNet-5-like preset, seed 1, batch 16: the raw weights hovered at
 * 96.3% ± 0.7 from 12k to 30k images; the averaged ones climbed smoothly past 97% at 11.5k and
 * stayed there (97.5% at 20k). The average is trained on nothing but the training digits.
 */
export const AVERAGE_DECAY = 0.99;
/** A batch-mean cross-entropy above this is a blow-up: chance is ln 10 ≈ 2.3. */
export const EXPLODED_LOSS = 30;

export interface Session {
  key: string;
  preset: Preset;
  seed: number;
  settings: TrainSettings;
  model: Model;
  /** Same layers as `model`, holding the moving average of its weights (see AVERAGE_DECAY). */
  averaged: Model;
  optimiser: Optimiser;
  data: Mnist | null;
  dataError: string | null;
  /** Training order: a seeded shuffle per epoch. */
  order: Int32Array;
  orderRng: Rng;
  augmentRng: Rng;
  pos: number;
  epoch: number;
  step: number;
  images: number;
  imagesSinceEval: number;
  x: Tensor;
  y: Int32Array;
  /** Weights that last produced a finite, sane loss (restored when training blows up). */
  lastGood: Float32Array[];
  candidate: Float32Array[];
  /** Recent batches, for the loss and train-accuracy readouts and curve points. */
  window: { loss: number; correct: number; seen: number; steps: number };
  recentLoss: number;
  history: History;
  evalRun: EvalRun | null;
  /**
   * Test passes run elsewhere (a second worker, on the other core): the session hands out a
   * copy of its weights when a test is due and records the result it is sent back.
   */
  externalEval: boolean;
  /** A copy of the weights is out for testing (taken after this many images). */
  evalPendingAt: number | null;
  lastEval: EvalResult | null;
  evalVersion: number;
  /** Test digit whose feature maps the page shows. */
  viewDigit: number;
  /** rateT0: training ms in the current images-per-second window. */
  timing: { trainMs: number; evalMs: number; rateT0: number; rateImages0: number; imagesPerSecond: number };
  now: () => number;
}

/**
 * The largest learning rate accepted, typed or read from a model file. Far past any rate
 * that trains (the lab's networks diverge well below it, and the page says why), but it
 * keeps an absurd value such as 1e9 from being taken at face value.
 */
export const LEARNING_RATE_MAX = 1000;

export function checkSettings(s: Partial<TrainSettings>): void {
  if (s.learningRate !== undefined && !(typeof s.learningRate === 'number' && s.learningRate > 0 && s.learningRate <= LEARNING_RATE_MAX)) {
    throw new JobError('bad-setting', `learning rate must be a positive number no larger than ${LEARNING_RATE_MAX}, got ${String(s.learningRate)}`, { name: 'learningRate', value: String(s.learningRate) });
  }
  if (s.batchSize !== undefined && !(Number.isInteger(s.batchSize) && s.batchSize >= 1 && s.batchSize <= 512)) {
    throw new JobError('bad-setting', `batch size must be a whole number from 1 to 512, got ${String(s.batchSize)}`, { name: 'batchSize', value: String(s.batchSize) });
  }
  if (s.optimiser !== undefined && !['sgd', 'momentum', 'adam'].includes(s.optimiser)) {
    throw new JobError('bad-setting', `unknown optimiser ${String(s.optimiser)}`, { name: 'optimiser', value: String(s.optimiser) });
  }
}

export function makeOptimiser(s: TrainSettings): Optimiser {
  const cfg: OptimiserConfig =
    s.optimiser === 'sgd' ? { kind: 'sgd', lr: s.learningRate } : s.optimiser === 'momentum' ? { kind: 'momentum', lr: s.learningRate, beta: 0.9 } : { kind: 'adam', lr: s.learningRate };
  return createOptimiser(cfg);
}

const copies = (m: Model) => m.parameters().map((p) => p.value.data.slice());

function copyWeights(from: Model, to: Model): void {
  const src = from.parameters();
  to.parameters().forEach((p, k) => p.value.data.set(src[k].value.data));
}

/**
 * Fold the weights just trained into the average. The decay ramps up as min(d, (1+t)/(10+t))
 * (TensorFlow's ExponentialMovingAverage with num_updates), so the first steps' random
 * weights do not linger in it.
 */
function updateAverage(s: Session): void {
  const d = Math.min(AVERAGE_DECAY, (1 + s.step) / (10 + s.step));
  const avg = s.averaged.parameters();
  s.model.parameters().forEach((p, k) => {
    const w = p.value.data;
    const a = avg[k].value.data;
    for (let i = 0; i < w.length; i++) a[i] = d * a[i] + (1 - d) * w[i];
  });
}

/** The weights the lab tests and predicts with: the moving average of the trained ones. */
export function testModel(s: Session): Model {
  return s.averaged;
}

export function createSession(key: string, preset: Preset, seed: number, settings: TrainSettings, now: () => number, model?: Model, optimiser?: Optimiser): Session {
  checkSettings(settings);
  const m = model ?? sequential(PRESET_LAYERS[preset], INPUT_SHAPE, { seed });
  const averaged = sequential(PRESET_LAYERS[preset], INPUT_SHAPE, { seed });
  copyWeights(m, averaged);
  const s: Session = {
    key,
    preset,
    seed,
    settings: { ...settings },
    model: m,
    averaged,
    optimiser: optimiser ?? makeOptimiser(settings),
    data: null,
    dataError: null,
    order: new Int32Array(0),
    // Data order and augmentation have their own seeded streams (not the init's), so the
    // same seed replays the same run.
    orderRng: rng((seed * 2654435761) >>> 0 || 1),
    augmentRng: rng((seed * 40503 + 17) >>> 0),
    pos: 0,
    epoch: 0,
    step: 0,
    images: 0,
    imagesSinceEval: 0,
    x: { shape: [0], data: new Float32Array(0) },
    y: new Int32Array(0),
    lastGood: copies(m),
    candidate: copies(m),
    window: { loss: 0, correct: 0, seen: 0, steps: 0 },
    recentLoss: NaN,
    history: emptyHistory(),
    evalRun: null,
    externalEval: false,
    evalPendingAt: null,
    lastEval: null,
    evalVersion: 0,
    viewDigit: 0,
    timing: { trainMs: 0, evalMs: 0, rateT0: 0, rateImages0: 0, imagesPerSecond: 0 },
    now,
  };
  resizeBatch(s);
  return s;
}

export function resizeBatch(s: Session): void {
  const b = s.settings.batchSize;
  if (s.y.length === b) return;
  s.x = { shape: [b, 28, 28, 1], data: new Float32Array(b * MNIST_PIXELS) };
  s.y = new Int32Array(b);
}

export function attachData(s: Session, data: Mnist): void {
  s.data = data;
  if (s.order.length !== data.train.count) {
    s.order = Int32Array.from({ length: data.train.count }, (_, i) => i);
    s.orderRng.shuffle(s.order);
    s.pos = Math.min(s.pos, data.train.count);
  }
}

/** Apply new settings at once: a new optimiser kind starts with fresh state (its moments). */
export function applySettings(s: Session, patch: Partial<TrainSettings>): void {
  checkSettings(patch);
  const before = s.settings;
  s.settings = { ...before, ...patch };
  if (s.settings.optimiser !== before.optimiser) s.optimiser = makeOptimiser(s.settings);
  else if (s.settings.learningRate !== before.learningRate) s.optimiser.setLearningRate(s.settings.learningRate);
  resizeBatch(s);
}

function nextBatch(s: Session, data: Mnist): void {
  const b = s.settings.batchSize;
  const idx = new Int32Array(b);
  for (let i = 0; i < b; i++) {
    if (s.pos >= s.order.length) {
      s.orderRng.shuffle(s.order);
      s.pos = 0;
      s.epoch++;
    }
    idx[i] = s.order[s.pos++];
  }
  gatherBatch(data.train, idx, s.x.data, s.y);
  if (s.settings.augment) augmentBatch(s.x.data, b, s.augmentRng.next);
}

function restoreLastGood(s: Session): void {
  s.model.parameters().forEach((p, k) => p.value.data.set(s.lastGood[k]));
  // The average may have taken in some of the runaway weights: restart it from the good ones.
  copyWeights(s.model, s.averaged);
  // The optimiser's moments were fed the runaway gradients: start them afresh.
  s.optimiser = makeOptimiser(s.settings);
}

/**
 * One step: an evaluation chunk if an evaluation is under way (or due), else one training
 * batch. Throws JobError 'diverged' (weights back to the last good ones) when the loss is
 * NaN/∞ or blows up, and 'no-data' if the digits could not be loaded.
 */
export function sessionStep(s: Session): void {
  if (s.dataError) throw new JobError('no-data', `the MNIST digits could not be loaded: ${s.dataError}`, { reason: s.dataError });
  const data = s.data;
  if (!data) return; // still loading
  const t0 = s.now();
  if (!s.evalRun && !s.externalEval && s.imagesSinceEval >= EVAL_EVERY) s.evalRun = emptyEval();
  if (s.evalRun) {
    const done = evalChunk(s.averaged, data.test, s.evalRun, EVAL_CHUNK);
    if (done) {
      s.lastEval = finishEval(s.evalRun, data.test);
      s.evalRun = null;
      s.evalVersion++;
      s.imagesSinceEval = 0;
      pushTest(s.history, s.images, s.lastEval.accuracy, s.lastEval.loss);
    }
    s.timing.evalMs += s.now() - t0;
    return;
  }
  nextBatch(s, data);
  const params = s.model.parameters();
  params.forEach((p, k) => s.candidate[k].set(p.value.data));
  let info;
  try {
    info = trainStepInfo(s.model, s.x, s.y, s.optimiser);
  } catch (e) {
    if (e instanceof NonFiniteLossError) diverge(s, e.loss);
    throw e;
  }
  if (info.loss > EXPLODED_LOSS) diverge(s, info.loss);
  // These weights gave a sane loss: they are now the last good ones.
  const t = s.lastGood;
  s.lastGood = s.candidate;
  s.candidate = t;
  const b = s.settings.batchSize;
  s.step++;
  updateAverage(s);
  s.images += b;
  s.imagesSinceEval += b;
  const w = s.window;
  w.loss += info.loss;
  w.steps++;
  w.correct += info.correct;
  w.seen += b;
  s.recentLoss = Number.isFinite(s.recentLoss) ? 0.9 * s.recentLoss + 0.1 * info.loss : info.loss;
  if (w.seen >= 256) {
    pushTrain(s.history, s.images, w.loss / w.steps, w.correct / w.seen);
    s.window = { loss: 0, correct: 0, seen: 0, steps: 0 };
  }
  // Images per second of training time (test passes and pauses excluded), over ≥ 0.5 s.
  const dt = s.now() - t0;
  s.timing.trainMs += dt;
  s.timing.rateT0 += dt;
  if (s.timing.rateT0 >= 500) {
    s.timing.imagesPerSecond = ((s.images - s.timing.rateImages0) * 1000) / s.timing.rateT0;
    s.timing.rateT0 = 0;
    s.timing.rateImages0 = s.images;
  }
}

/** External testing: is a copy of the weights due? (Then mark it handed out.) */
export function takeEvalDue(s: Session): boolean {
  if (!s.externalEval || !s.data || s.evalPendingAt !== null || s.imagesSinceEval < EXTERNAL_EVAL_EVERY) return false;
  s.evalPendingAt = s.images;
  s.imagesSinceEval = 0;
  return true;
}

/** Record a test pass computed elsewhere on the weights taken after `images` images. */
export function recordEval(s: Session, images: number, e: EvalResult): void {
  s.lastEval = e;
  s.evalVersion++;
  s.evalPendingAt = null;
  pushTest(s.history, images, e.accuracy, e.loss);
}

function diverge(s: Session, loss: number): never {
  restoreLastGood(s);
  const lr = s.settings.learningRate;
  const how = Number.isFinite(loss) ? 'exploded' : 'nan';
  throw new JobError(
    'diverged',
    `Training stopped at step ${s.step + 1}: the loss ${how === 'nan' ? `became ${loss}` : `exploded to ${loss.toPrecision(3)}`} with learning rate ${lr}. ` +
      `The last good weights are kept; try a smaller learning rate (e.g. ${suggestRate(lr)}).`,
    { loss: String(loss), step: s.step + 1, lr: String(lr), suggest: String(suggestRate(lr)), how },
  );
}

/** A rate a decade or two smaller, rounded to one significant figure. */
export function suggestRate(lr: number): number {
  const r = lr >= 1 ? 1e-3 : lr / 10;
  return Number(r.toPrecision(1));
}
