// "What CNNs learn" (course §38) in the worker: two long jobs on one model per page session.
//
// - 'cnn-features': get a model (the student's own from the lab, sent as a model file, or a
//   quick LeNet-5-like one trained here on the spot with the lab's own session code), then run
//   the 2,000 test digits through it and keep, for every unit of every conv layer, the nine
//   patches that excite it most (Zeiler & Fergus). Streams progress; the final snapshot holds
//   the patches. The model stays in the worker for the next job.
// - 'cnn-features-ascent': gradient ascent on the input image to excite one unit of that model,
//   streaming the image as it forms.
import type { Model } from '../../engine/nn/model';
import { loadModel } from '../../engine/nn/serialize';
import { ModelFileError } from '../../engine/nn/fileFormat';
import type { Mnist } from '../../data/mnist';
import { digitCache } from '../shared/job/mnist/digitCache';
import { defineLongJob, JobError } from '../../worker/job';
import { PRESET_SETTINGS } from '../../data/mnistPresets';
import { attachData, createSession, sessionStep, type Session } from '../shared/job/mnist/session';
import { analyseChunk, finishAnalysis, startAnalysis, type Analysis, type LayerFeatures } from './job/analyse';
import { ascentStep, startAscent, type AscentState } from './job/ascent';

/** Quick model: 600 batches of 32 (19,200 digits): 96 % on the 2,000 test digits (measured, seed 1). */
export const QUICK_STEPS = 600;
/** Test digits per analysis step (small enough that a pause or cancel is answered quickly). */
const CHUNK = 100;

export interface CnnFeaturesArgs {
  session: string;
  /** A model file from the lab (its autosave); omitted = train a quick model. */
  file?: ArrayBuffer;
  seed?: number;
  /** Training batches for the quick model (default QUICK_STEPS). */
  trainSteps?: number;
  dataUrl?: string;
}

export type FeaturesPhase = 'loading' | 'training' | 'analysing' | 'done';

export interface CnnFeaturesProgress {
  phase: FeaturesPhase;
  source: 'lab' | 'quick';
  step: number;
  trainSteps: number;
  loss: number | null;
  analysed: number;
  total: number;
  /** Accuracy on the test digits, measured during the analysis pass. */
  testAccuracy: number | null;
  /** For a lab model: the training step and test accuracy saved with it. */
  labStep: number | null;
  labAccuracy: number | null;
}

export interface CnnFeaturesSnapshot {
  layers: LayerFeatures[];
}

interface FeaturesState {
  args: CnnFeaturesArgs;
  phase: FeaturesPhase;
  source: 'lab' | 'quick';
  model: Model;
  train: Session | null;
  trainSteps: number;
  labStep: number | null;
  labAccuracy: number | null;
  analysis: Analysis | null;
  testAccuracy: number | null;
  result: LayerFeatures[] | null;
}

/* ---------- worker-wide: the digits (loaded once) and the models by session ---------- */

const mnist = digitCache();
const models = new Map<string, Model>();

/** Tests hand the digits over directly (no fetch in Node). */
export function provideFeaturesMnist(data: Mnist | null): void {
  mnist.provide(data);
}

export function featuresModel(session: string): Model | undefined {
  return models.get(session);
}

function labModel(file: ArrayBuffer): { model: Model; step: number | null; accuracy: number | null } {
  try {
    const { model, meta } = loadModel(file);
    if (model.kind !== 'sequential' || model.inputShape.join('x') !== '28x28x1') throw new ModelFileError('this model does not read 28×28 digits', 'not-digits', { shape: model.inputShape.join('×') });
    if (!model.layers.some((l) => l.type === 'conv2d')) throw new ModelFileError('this model has no conv layer', 'no-conv');
    const m = (meta && typeof meta === 'object' ? meta : {}) as { step?: unknown; history?: { testAcc?: unknown }; lastEval?: { accuracy?: unknown } };
    const step = typeof m.step === 'number' ? m.step : null;
    // The lab saves its last test pass (lastEval) and its curves (history.testAcc).
    const acc = m.lastEval?.accuracy ?? (Array.isArray(m.history?.testAcc) ? (m.history.testAcc as unknown[]).at(-1) : undefined);
    return { model, step, accuracy: typeof acc === 'number' ? acc : null };
  } catch (e) {
    const reason = (e as Error).message;
    const problem = e instanceof ModelFileError ? { problem: e.problem, ...e.values } : {};
    throw new JobError('bad-file', `the lab's saved model could not be used: ${reason}`, { reason, ...problem });
  }
}

export const cnnFeatures = defineLongJob<CnnFeaturesArgs, FeaturesState, CnnFeaturesProgress, CnnFeaturesSnapshot | undefined>({
  init(args) {
    if (typeof args.session !== 'string' || !args.session) throw new JobError('bad-setting', 'a session key is needed', {});
    mnist.start(args.dataUrl);
    const trainSteps = args.trainSteps ?? QUICK_STEPS;
    if (args.file) {
      const lab = labModel(args.file);
      return { args, phase: 'loading', source: 'lab', model: lab.model, train: null, trainSteps: 0, labStep: lab.step, labAccuracy: lab.accuracy, analysis: null, testAccuracy: null, result: null };
    }
    const train = createSession(`features:${args.session}`, 'lenet5', args.seed ?? 1, PRESET_SETTINGS.lenet5, () => performance.now());
    train.externalEval = true; // never stop to test while training: the analysis pass measures accuracy
    return { args, phase: 'loading', source: 'quick', model: train.model, train, trainSteps, labStep: null, labAccuracy: null, analysis: null, testAccuracy: null, result: null };
  },
  step(s) {
    if (s.phase === 'loading') {
      const digits = mnist.ready();
      if (!digits) return false;
      if (s.train) {
        attachData(s.train, digits);
        s.phase = 'training';
      } else s.phase = 'analysing';
    }
    if (s.phase === 'training') {
      if (s.train!.step < s.trainSteps) sessionStep(s.train!);
      if (s.train!.step >= s.trainSteps) s.phase = 'analysing';
      return false;
    }
    if (s.phase === 'analysing') {
      const digits = mnist.get();
      s.analysis ??= startAnalysis(s.model);
      if (analyseChunk(s.model, digits!.test, s.analysis, CHUNK)) {
        s.testAccuracy = s.analysis.correct / digits!.test.count;
        s.result = finishAnalysis(s.analysis, digits!.test);
        models.set(s.args.session, s.model);
        s.phase = 'done';
        return true;
      }
    }
    return s.phase === 'done';
  },
  progress(s) {
    const loss = s.train && Number.isFinite(s.train.recentLoss) ? s.train.recentLoss : null;
    return {
      phase: s.phase,
      source: s.source,
      step: s.train?.step ?? 0,
      trainSteps: s.trainSteps,
      loss,
      analysed: s.analysis?.next ?? 0,
      total: mnist.get()?.test.count ?? 0,
      testAccuracy: s.testAccuracy,
      labStep: s.labStep,
      labAccuracy: s.labAccuracy,
    };
  },
  snapshot(s) {
    if (!s.result) return undefined;
    // Fresh buffers every time: they are transferred to the page.
    return {
      layers: s.result.map((l) => ({
        ...l, rf: { ...l.rf },
        patches: l.patches.slice(), values: l.values.slice(), images: l.images.slice(), labels: l.labels.slice(), digits: l.digits.slice(),
        rows: l.rows.slice(), cols: l.cols.slice(), thumbs: l.thumbs.slice(),
      })),
    };
  },
});

export interface CnnAscentArgs {
  session: string;
  /** 1-based conv layer number and 0-based unit (channel). */
  layer: number;
  unit: number;
  steps?: number;
  blur?: boolean;
  seed?: number;
}

export interface CnnAscentProgress {
  step: number;
  steps: number;
  activation: number;
  mean: number;
  objective: number;
  startActivation: number;
}

interface AscentJob {
  st: AscentState;
  steps: number;
}

export const cnnAscent = defineLongJob<CnnAscentArgs, AscentJob, CnnAscentProgress, { image: Float32Array; side: number }>({
  init(args) {
    const model = models.get(args.session);
    if (!model) throw new JobError('no-model', 'there is no analysed model yet: get one first', {});
    const convs = model.layers.filter((l) => l.type === 'conv2d');
    const layer = convs[args.layer - 1];
    if (!layer) throw new JobError('bad-setting', `the model has ${convs.length} conv layers, not layer ${args.layer}`, { name: 'layer', value: String(args.layer) });
    const units = layer.outShape[2];
    if (!Number.isInteger(args.unit) || args.unit < 0 || args.unit >= units) {
      throw new JobError('bad-setting', `layer ${args.layer} has units 1–${units}, not ${args.unit + 1}`, { name: 'unit', value: String(args.unit + 1) });
    }
    const steps = args.steps ?? 150;
    // Blur: smaller steps and a blur every 4 steps, none in the last 5 (see features/ascent.ts).
    const opts = args.blur ? { lr: 0.02, blurEvery: 4, blurUntil: steps - 5 } : {};
    return { st: startAscent(model, layer.id, args.unit, { ...opts, seed: args.seed ?? 1 }), steps };
  },
  step(j) {
    ascentStep(j.st);
    return j.st.step >= j.steps;
  },
  progress(j) {
    const s = j.st;
    return { step: s.step, steps: j.steps, activation: s.activation, mean: s.mean, objective: s.objective, startActivation: s.startActivation };
  },
  snapshot(j) {
    return { image: j.st.x.slice(), side: j.st.side };
  },
});
