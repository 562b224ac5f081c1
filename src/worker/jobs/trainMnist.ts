// The MNIST training lab's worker side (issue 5): a long job that trains one of three
// architectures on the packed digits, evaluates the moving average of the weights on the
// 2,000 held-out test digits every ~1,000 training images (on a second worker; every 2,000
// when it tests in this one), and streams curves, filters, feature maps, a confusion matrix
// and the current mistakes; plus two quick requests on the same live model: predict a drawn
// digit, and save the model file (for autosave and download).
//
// The model lives in a session keyed by the page (see mnist/session.ts), not in the job, so a
// job that stops because the loss blew up leaves the last good weights for the next job.
import { loadModel } from '../../engine/nn/serialize';
import { saveModel } from '../../engine/nn/serialize';
import { ModelFileError } from '../../engine/nn/fileFormat';
import { sequentialSpecs } from '../../engine/nn/model';
import { loadMnist, makeDigitSet, type Mnist } from '../../data/mnist';
import { preprocessDrawing } from '../../data/drawDigit';
import { defineLongJob, defineRequest, JobError } from './types';
import { isPreset, matchPreset, OPTIMISERS, PRESET_SETTINGS, type OptimiserKind, type Preset, type TrainSettings } from './mnist/presets';
import { applySettings, attachData, checkSettings, createSession, LEARNING_RATE_MAX, recordEval, sessionStep, takeEvalDue, testModel, type Session } from './mnist/session';
import { evaluateAll, type EvalResult } from './mnist/evaluate';
import { warmUp } from './mnist/warmUp';
import { parseHistory } from './mnist/history';
import { curveArrays, digitView, evalView, firstFilters, MAX_MISTAKES, predictDigit, type CurveArrays, type DigitView, type EvalView } from './mnist/views';

export interface TrainMnistArgs {
  /** The page's key for this session (predict / save requests name it). */
  session: string;
  /**
   * 'new': build the preset's network from the seed (Reset); 'continue': keep the worker's
   * session of that key if it has one, else restore `file` if given, else new; 'restore':
   * from a model file (autosave or a file the user loaded). A bad file fails the job with
   * the reason (code 'bad-file') and leaves the session as it was.
   */
  mode: 'new' | 'continue' | 'restore';
  preset: Preset;
  seed: number;
  /** Omitted: the preset's defaults for a new session, the session's own when continuing. */
  settings?: TrainSettings;
  viewDigit?: number;
  file?: ArrayBuffer;
  /** Folder of the packed digits (the page passes new URL('data/', document.baseURI)). */
  dataUrl?: string;
  /** Test passes run in a second worker ('mnist-evaluate'); see snapshot.evalModel. */
  externalEval?: boolean;
}

/** A test pass computed by 'mnist-evaluate', sent back with update({ testResult }). */
export interface TestResult {
  /** Training images seen when the weights were taken. */
  images: number;
  accuracy: number;
  loss: number;
  count: number;
  confusion: Int32Array;
  mistakes: { index: number; label: number; predicted: number; confidence: number }[];
}

export interface TrainMnistSettings extends TrainSettings {
  viewDigit: number;
  testResult: TestResult;
  /** false: the evaluator failed; test in this worker again. */
  externalEval: boolean;
}

export interface TrainMnistProgress {
  status: 'loading' | 'ready';
  preset: Preset;
  seed: number;
  settings: TrainSettings;
  step: number;
  epoch: number;
  images: number;
  /** Smoothed training loss (exponential average over recent batches); null before any. */
  loss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  testLoss: number | null;
  evaluating: boolean;
  imagesPerSecond: number;
  /** Share of the working time spent evaluating on the test set. */
  evalShare: number;
  evalVersion: number;
  viewDigit: number;
}

export interface TrainMnistSnapshot {
  curves: CurveArrays;
  filters: { shape: number[]; data: Float32Array } | null;
  view: DigitView | null;
  eval: EvalView | null;
  /** When a test is due and testing runs elsewhere: the weights to test (a model file). */
  evalModel?: { images: number; file: ArrayBuffer };
}

/* ---------- worker-wide state: sessions and the digits (loaded once) ---------- */

const sessions = new Map<string, Session>();
let digits: Mnist | null = null;
let digitsError: string | null = null;
let loading: Promise<void> | null = null;

/** Tests hand the digits over directly (no fetch in Node). */
export function provideMnist(data: Mnist | null): void {
  digits = data;
  digitsError = null;
}

export function getSession(key: string): Session | undefined {
  return sessions.get(key);
}

function startLoading(url: string | undefined): void {
  if (digits || loading || !url) return;
  loading = loadMnist(url).then(
    (d) => {
      digits = d;
    },
    (e: unknown) => {
      digitsError = e instanceof Error ? e.message : String(e);
      loading = null; // a later job may try again
    },
  );
}

const now = () => performance.now();

/** Largest training counter a file may state (steps, epochs, images seen). */
const COUNT_MAX = 1e12;

/** A training counter from a file's metadata: absent = 0; anything but a whole number 0…COUNT_MAX is refused. */
function fileCount(meta: Record<string, unknown>, name: string): number {
  const v = meta[name];
  if (v === undefined) return 0;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= COUNT_MAX) return v;
  throw new ModelFileError(`the file says its ${name} count is ${String(v)}; a count is a whole number from 0 to ${COUNT_MAX}`, 'bad-count', { name, value: String(v) });
}

function fromFile(args: TrainMnistArgs): Session {
  if (!(args.file instanceof ArrayBuffer)) throw new JobError('bad-file', 'no model file was given', { reason: 'no file', problem: 'no-file' });
  try {
    const { model, optimiser, meta } = loadModel(args.file);
    if (model.kind !== 'sequential' || model.inputShape.join('x') !== '28x28x1') {
      throw new ModelFileError(`this model reads [${model.inputShape.join(', ')}] inputs; the lab needs 28×28×1 digits`, 'not-digits', { shape: model.inputShape.join('×') });
    }
    const preset = matchPreset(sequentialSpecs(model));
    if (!preset) throw new ModelFileError("this model's layers are not one of the lab's networks (LeNet-5-like, tiny CNN, MLP)", 'not-lab-network');
    const m = (meta && typeof meta === 'object' ? meta : {}) as Record<string, unknown>;
    const base = PRESET_SETTINGS[preset];
    const kind = optimiser?.config.kind as OptimiserKind | undefined;
    const saved = (m.settings && typeof m.settings === 'object' ? m.settings : {}) as Partial<TrainSettings>;
    const settings: TrainSettings = {
      learningRate: optimiser?.config.lr ?? base.learningRate,
      batchSize: saved.batchSize ?? base.batchSize,
      optimiser: kind && OPTIMISERS.includes(kind) ? kind : base.optimiser,
      augment: typeof saved.augment === 'boolean' ? saved.augment : base.augment,
    };
    // Settings from a file pass the same checks as typed ones: refused with the reason.
    try {
      checkSettings(settings);
    } catch (e) {
      if (!(e instanceof JobError)) throw e;
      throw new ModelFileError(`the file's settings are out of range: ${e.message}`, e.values?.name === 'learningRate' ? 'bad-rate' : 'bad-setting', { value: String(e.values?.value), max: LEARNING_RATE_MAX });
    }
    const counts = { step: fileCount(m, 'step'), epoch: fileCount(m, 'epoch'), images: fileCount(m, 'images'), evalVersion: fileCount(m, 'evalVersion') };
    const s = createSession(args.session, preset, model.seed, settings, now, model, optimiser ?? undefined);
    s.step = counts.step;
    s.epoch = counts.epoch;
    s.images = counts.images;
    s.timing.rateImages0 = s.images;
    s.history = parseHistory(m.history);
    s.lastEval = parseEval(m.lastEval);
    if (s.lastEval) s.evalVersion = Math.max(1, counts.evalVersion);
    return s;
  } catch (e) {
    // the code (e.problem) lets the page say it in the reader's language
    if (e instanceof ModelFileError) throw new JobError('bad-file', e.message, { reason: e.message, problem: e.problem, ...e.values });
    if (e instanceof RangeError) throw new JobError('bad-file', e.message, { reason: e.message, problem: 'invalid-model' });
    throw e;
  }
}

export const trainMnist = defineLongJob<TrainMnistArgs, Session, TrainMnistProgress, TrainMnistSnapshot, TrainMnistSettings>({
  init(args) {
    if (typeof args.session !== 'string' || !args.session) throw new JobError('bad-setting', 'a session key is needed', {});
    if (!isPreset(args.preset)) throw new JobError('bad-setting', `unknown architecture ${String(args.preset)}`, { name: 'preset', value: String(args.preset) });
    startLoading(args.dataUrl);
    let s: Session;
    const existing = sessions.get(args.session);
    if (args.mode === 'continue' && existing) {
      s = existing;
      if (args.settings) applySettings(s, args.settings);
    } else if (args.mode === 'restore' || (args.mode === 'continue' && args.file)) {
      s = fromFile(args);
    } else s = createSession(args.session, args.preset, args.seed, args.settings ?? PRESET_SETTINGS[args.preset], now);
    if (args.viewDigit !== undefined) s.viewDigit = args.viewDigit;
    s.externalEval = args.externalEval === true;
    s.evalPendingAt = null; // a copy handed to an earlier job's page is void
    s.evalRun = null;
    sessions.set(args.session, s);
    if (digits) attachData(s, digits);
    return s;
  },
  step(s) {
    if (!s.data) {
      if (digits) attachData(s, digits);
      else if (digitsError) s.dataError = digitsError;
    }
    sessionStep(s);
  },
  progress(s) {
    const h = s.history;
    const e = s.lastEval;
    const busy = s.timing.trainMs + s.timing.evalMs;
    return {
      status: s.data ? 'ready' : 'loading',
      preset: s.preset,
      seed: s.seed,
      settings: { ...s.settings },
      step: s.step,
      epoch: s.epoch,
      images: s.images,
      loss: Number.isFinite(s.recentLoss) ? s.recentLoss : null,
      trainAccuracy: h.trainAcc.length ? h.trainAcc[h.trainAcc.length - 1] : null,
      testAccuracy: e ? e.accuracy : null,
      testLoss: e ? e.loss : null,
      evaluating: s.evalRun !== null || s.evalPendingAt !== null,
      imagesPerSecond: s.timing.imagesPerSecond,
      evalShare: busy > 0 ? s.timing.evalMs / busy : 0,
      evalVersion: s.evalVersion,
      viewDigit: s.viewDigit,
    };
  },
  snapshot(s) {
    const due = takeEvalDue(s);
    return {
      ...(due ? { evalModel: { images: s.images, file: saveModel(testModel(s)) } } : {}),
      curves: curveArrays(s.history),
      filters: firstFilters(s.model),
      view: s.data ? digitView(s.model, s.data.test, s.viewDigit) : null,
      eval: s.lastEval && s.data ? evalView(s.lastEval, s.evalVersion, s.data.test) : null,
    };
  },
  update(s, patch) {
    const { viewDigit, testResult, externalEval, ...rest } = patch;
    if (testResult !== undefined) recordEval(s, checkTestResult(testResult), testResult);
    if (externalEval === false) {
      s.externalEval = false;
      s.evalPendingAt = null;
    }
    if (viewDigit !== undefined) {
      if (!Number.isInteger(viewDigit) || viewDigit < 0) throw new JobError('bad-setting', `test digit must be a whole number ≥ 0, got ${viewDigit}`, { name: 'viewDigit', value: String(viewDigit) });
      s.viewDigit = viewDigit;
    }
    if (Object.keys(rest).length) applySettings(s, rest);
  },
});

/** The last test pass as saved in a file's metadata, or null if absent or malformed. */
function parseEval(raw: unknown): EvalResult | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const conf = r.confusion;
  if (typeof r.accuracy !== 'number' || !(r.accuracy >= 0 && r.accuracy <= 1) || typeof r.loss !== 'number' || typeof r.count !== 'number') return null;
  if (!Array.isArray(conf) || conf.length !== 100 || !conf.every((v) => Number.isInteger(v) && v >= 0)) return null;
  const mistakes = Array.isArray(r.mistakes)
    ? (r.mistakes as Record<string, unknown>[]).filter(
        (m) => m && [m.index, m.label, m.predicted].every((v) => Number.isInteger(v) && (v as number) >= 0) && typeof m.confidence === 'number' && (m.index as number) < 2000,
      )
    : [];
  return { accuracy: r.accuracy, loss: r.loss, count: r.count, confusion: Int32Array.from(conf as number[]), mistakes: mistakes as unknown as EvalResult['mistakes'] };
}

function checkTestResult(r: TestResult): number {
  const ok =
    r && Number.isInteger(r.images) && r.images >= 0 && r.accuracy >= 0 && r.accuracy <= 1 && Number.isFinite(r.loss) &&
    r.confusion instanceof Int32Array && r.confusion.length === 100 && Array.isArray(r.mistakes);
  if (!ok) throw new JobError('bad-setting', 'a test result from the evaluator is malformed', { name: 'testResult', value: '?' });
  return r.images;
}

/**
 * The evaluator (a second worker, so testing runs on the other core): accuracy, loss,
 * confusion matrix and mistakes of a model file on the given test digits.
 */
export const mnistEvaluate = defineRequest((args: { file: ArrayBuffer; images: Uint8Array; labels: Uint8Array }): EvalResult => {
  const test = makeDigitSet(args.images, args.labels);
  let model;
  try {
    model = loadModel(args.file).model;
  } catch (e) {
    throw new JobError('bad-file', (e as Error).message, { reason: (e as Error).message });
  }
  return evaluateAll(model, test);
});

function sessionOrFail(key: string): Session {
  const s = sessions.get(key);
  if (!s) throw new JobError('no-model', 'there is no model yet: start or reset the trainer first', {});
  return s;
}

export interface MnistPredictArgs {
  session: string;
  /** A drawing: ink 0–255, side × side, row-major (preprocessed here like MNIST)… */
  ink?: Uint8Array;
  side?: number;
  /** …or a ready 28×28 image in [0, 1]. */
  pixels?: Float32Array;
}

/**
 * A drawn digit → the 28×28 image the network sees (ink cropped, scaled into 20×20 and centred
 * by mass, as MNIST was made) and the live model's ten probabilities. Both null if no ink.
 */
export const mnistPredict = defineRequest((args: MnistPredictArgs): { pixels: Float32Array | null; probs: Float32Array | null } => {
  const model = testModel(sessionOrFail(args.session));
  let pixels: Float32Array | null;
  if (args.ink) {
    const side = args.side ?? 0;
    if (!Number.isInteger(side) || side < 1 || args.ink.length !== side * side) {
      throw new JobError('bad-input', `a drawing of side ${side} needs ${side * side} pixels, got ${args.ink.length}`, {});
    }
    const img = new Float32Array(args.ink.length);
    for (let i = 0; i < img.length; i++) img[i] = args.ink[i] / 255;
    pixels = preprocessDrawing(img, side, side);
  } else pixels = args.pixels ?? null;
  return { pixels, probs: pixels ? predictDigit(model, pixels) : null };
});

/**
 * Compile the lab's hot code before Start (see mnist/warmUp.ts): the trainer warms its
 * training step, the evaluator its test pass. Throwaway weights; the sessions are untouched.
 */
export const mnistWarmUp = defineRequest((args: { preset: Preset; train?: boolean; evaluate?: boolean }): { ms: number } => {
  if (!isPreset(args.preset)) throw new JobError('bad-setting', `unknown architecture ${String(args.preset)}`, { name: 'preset', value: String(args.preset) });
  return { ms: warmUp(args.preset, { train: args.train === true, evaluate: args.evaluate === true }) };
});

/**
 * The live model as a ConvLab model file (weights, optimiser state, curves in its metadata).
 * The weights are the averaged ones the test passes scored (testModel), so the file, the
 * accuracy in its metadata and a reloaded page's predictions agree; training resumes from them.
 */
export const mnistSave = defineRequest((args: { session: string }): { file: ArrayBuffer; step: number } => {
  const s = sessionOrFail(args.session);
  const e = s.lastEval;
  const lastEval = e ? { accuracy: e.accuracy, loss: e.loss, count: e.count, confusion: Array.from(e.confusion), mistakes: e.mistakes.slice(0, MAX_MISTAKES) } : null;
  const meta = { app: 'convlab-mnist-lab', preset: s.preset, seed: s.seed, settings: s.settings, step: s.step, epoch: s.epoch, images: s.images, history: s.history, lastEval, evalVersion: s.evalVersion };
  return { file: saveModel(testModel(s), { optimiser: s.optimiser, meta }), step: s.step };
});
