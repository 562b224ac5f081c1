// The MNIST training lab's long job: trains one of three architectures on the packed digits,
// evaluates the moving average of the weights on the 2,000 held-out test digits every ~1,000
// training images (on a second worker; every 2,000 when it tests in this one), and streams
// curves, filters, feature maps, a confusion matrix and the current mistakes. The model lives
// in a session keyed by the page (sessions.ts), so predict.ts and save.ts reach the same live
// model; restore.ts rebuilds a session from a model file.
import { saveModel } from '../../../engine/nn/serialize';
import { defineLongJob, JobError } from '../../../worker/job';
import { isPreset, PRESET_SETTINGS, type Preset, type TrainSettings } from '../../../data/mnistPresets';
import { applySettings, attachData, createSession, recordEval, sessionStep, takeEvalDue, testModel, type Session } from '../../shared/job/mnist/session';
import { curveArrays, digitView, evalView, firstFilters, type CurveArrays, type DigitView, type EvalView } from './views';
import { fromFile } from './restore';
import { loadedDigits, sessions, startLoading } from './sessions';

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

const now = () => performance.now();

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
      s = fromFile(args, now);
    } else s = createSession(args.session, args.preset, args.seed, args.settings ?? PRESET_SETTINGS[args.preset], now);
    if (args.viewDigit !== undefined) s.viewDigit = args.viewDigit;
    s.externalEval = args.externalEval === true;
    s.evalPendingAt = null; // a copy handed to an earlier job's page is void
    s.evalRun = null;
    sessions.set(args.session, s);
    const { digits } = loadedDigits();
    if (digits) attachData(s, digits);
    return s;
  },
  step(s) {
    if (!s.data) {
      const { digits, error } = loadedDigits();
      if (digits) attachData(s, digits);
      else if (error) s.dataError = error;
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

function checkTestResult(r: TestResult): number {
  const ok =
    r && Number.isInteger(r.images) && r.images >= 0 && r.accuracy >= 0 && r.accuracy <= 1 && Number.isFinite(r.loss) &&
    r.confusion instanceof Int32Array && r.confusion.length === 100 && Array.isArray(r.mistakes);
  if (!ok) throw new JobError('bad-setting', 'a test result from the evaluator is malformed', { name: 'testResult', value: '?' });
  return r.images;
}
