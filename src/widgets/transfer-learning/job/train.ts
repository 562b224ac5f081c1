// The transfer-learning long job: the same few pictures per class, two learners.
//   1. features: every picture (training and held-out) goes once through the frozen
//      ResNet-50 stem (one picture per step, so the page can pause and show the count);
//   2. training: each step is one full-batch Adam step of the new softmax head on the saved
//      features AND one of the small CNN from scratch on the raw pictures; every EVAL_EVERY
//      steps both are scored on the held-out pictures.
import { adam } from '../../../engine/nn/optimisers';
import { evaluate, trainStepInfo } from '../../../engine/nn/train';
import type { Model } from '../../../engine/nn/model';
import type { Optimiser } from '../../../engine/nn/optimisers';
import type { StemWeights } from '../../../engine/nn/resnetStem';
import type { Tensor } from '../../../engine/tensor';
import { TEXTURE_CLASSES, textureSet, type TextureSet } from '../../../data/textureClasses';
import { defineLongJob, JobError } from '../../../worker/job';
import { loadStem, type StemModel } from '../../shared/job/styleStem';
import { PER_CLASS_CHOICES, PICTURE_SIZE, TRAIN_SEED } from '../params';
import { FEATURE_SIZE, buildHead, buildScratch, pictureBatch, stemFeatures } from './models';

export { PICTURE_SIZE };
const PER_CLASS = PER_CLASS_CHOICES.map(Number);
export const TEST_PER_CLASS = 30;
export const EVAL_EVERY = 10;
export const DEFAULT_STEPS = 200;
/** The held-out pictures' seed (TRAIN_SEED's twin): they never depend on how many training ones there are. */
export const TEST_SEED = 2;
const LEARNING_RATE = 0.01;

export interface TransferArgs {
  model: StemModel;
  perClass: number;
  /** Seed of the two learners' starting weights. Default 1. */
  seed?: number;
  steps?: number;
}

interface Learner {
  model: Model;
  opt: Optimiser;
  losses: number[];
  trainAccuracy: number;
  accuracy: number[];
}

export interface LearnerProgress {
  loss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  params: number;
}

export interface TransferProgress {
  phase: 'features' | 'training';
  featuresDone: number;
  featuresTotal: number;
  /** Wall time of the feature pass so far, and per picture. */
  featureMs: number;
  step: number;
  steps: number;
  perClass: number;
  testCount: number;
  frozenParams: number;
  pretrained: LearnerProgress;
  scratch: LearnerProgress;
}

export interface TransferSnapshot {
  steps: Float32Array;
  pretrainedLoss: Float32Array;
  scratchLoss: Float32Array;
  evalSteps: Float32Array;
  pretrainedAccuracy: Float32Array;
  scratchAccuracy: Float32Array;
}

export interface TransferState {
  stem: StemWeights;
  frozenParams: number;
  train: TextureSet;
  test: TextureSet;
  trainFeatures: Float32Array;
  testFeatures: Float32Array;
  trainPictures: Tensor;
  testPictures: Tensor;
  featuresDone: number;
  featureMs: number;
  head: Learner;
  scratch: Learner;
  step: number;
  steps: number;
  evalSteps: number[];
}

const learner = (model: Model): Learner => ({ model, opt: adam(LEARNING_RATE), losses: [], trainAccuracy: NaN, accuracy: [] });

export function initTransfer(a: TransferArgs): TransferState {
  if (!PER_CLASS.includes(a.perClass)) {
    throw new JobError('bad-setting', `examples per class must be one of ${PER_CLASS.join(', ')}, got ${a.perClass}`, { name: 'perClass', value: String(a.perClass) });
  }
  const steps = a.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 1) throw new JobError('bad-setting', `steps must be a whole number ≥ 1, got ${steps}`, { name: 'steps', value: String(steps) });
  const stem = loadStem(a.model);
  const frozenParams = Object.values(stem).reduce((n, v) => n + v.value.data.length, 0);
  const seed = a.seed ?? 1;
  const train = textureSet(a.perClass, PICTURE_SIZE, TRAIN_SEED);
  const test = textureSet(TEST_PER_CLASS, PICTURE_SIZE, TEST_SEED);
  const k = TEXTURE_CLASSES.length;
  return {
    stem,
    frozenParams,
    train,
    test,
    trainFeatures: new Float32Array(train.images.length * FEATURE_SIZE),
    testFeatures: new Float32Array(test.images.length * FEATURE_SIZE),
    trainPictures: { shape: [train.images.length, PICTURE_SIZE, PICTURE_SIZE, 3], data: pictureBatch(train.images) },
    testPictures: { shape: [test.images.length, PICTURE_SIZE, PICTURE_SIZE, 3], data: pictureBatch(test.images) },
    featuresDone: 0,
    featureMs: 0,
    head: learner(buildHead(k, seed)),
    scratch: learner(buildScratch(PICTURE_SIZE, k, seed)),
    step: 0,
    steps,
    evalSteps: [],
  };
}

const featureCount = (s: TransferState) => s.train.images.length + s.test.images.length;

function trainOne(l: Learner, x: Tensor, labels: Int32Array, step: number, name: string): void {
  const r = trainStepInfo(l.model, x, labels, l.opt);
  if (!Number.isFinite(r.loss)) throw new JobError('non-finite-loss', `The ${name} model's loss became ${r.loss} at step ${step}.`, { loss: String(r.loss), step, network: name });
  l.losses.push(r.loss);
  l.trainAccuracy = r.correct / labels.length;
}

/** One step: the next picture's frozen features, or one training step of both learners. */
export function stepTransfer(s: TransferState): boolean {
  const nTrain = s.train.images.length;
  if (s.featuresDone < featureCount(s)) {
    const i = s.featuresDone;
    const t0 = performance.now();
    if (i < nTrain) s.trainFeatures.set(stemFeatures(s.stem, s.train.images[i]), i * FEATURE_SIZE);
    else s.testFeatures.set(stemFeatures(s.stem, s.test.images[i - nTrain]), (i - nTrain) * FEATURE_SIZE);
    s.featureMs += performance.now() - t0;
    s.featuresDone++;
    return false;
  }
  const feats: Tensor = { shape: [nTrain, FEATURE_SIZE], data: s.trainFeatures };
  trainOne(s.head, feats, s.train.labels, s.step, 'pretrained');
  trainOne(s.scratch, s.trainPictures, s.train.labels, s.step, 'scratch');
  s.step++;
  if (s.step % EVAL_EVERY === 0 || s.step === 1 || s.step >= s.steps) {
    const testFeats: Tensor = { shape: [s.test.images.length, FEATURE_SIZE], data: s.testFeatures };
    s.head.accuracy.push(evaluate(s.head.model, testFeats, s.test.labels).accuracy);
    s.scratch.accuracy.push(evaluate(s.scratch.model, s.testPictures, s.test.labels, 40).accuracy);
    s.evalSteps.push(s.step);
  }
  return s.step >= s.steps;
}

const last = (xs: number[]) => (xs.length ? xs[xs.length - 1] : null);
const learnerProgress = (l: Learner): LearnerProgress => ({
  loss: last(l.losses) ?? NaN,
  trainAccuracy: Number.isFinite(l.trainAccuracy) ? l.trainAccuracy : null,
  testAccuracy: last(l.accuracy),
  params: l.model.paramCount,
});

export function transferProgress(s: TransferState): TransferProgress {
  return {
    phase: s.featuresDone < featureCount(s) ? 'features' : 'training',
    featuresDone: s.featuresDone,
    featuresTotal: featureCount(s),
    featureMs: s.featureMs,
    step: s.step,
    steps: s.steps,
    perClass: s.train.images.length / TEXTURE_CLASSES.length,
    testCount: s.test.images.length,
    frozenParams: s.frozenParams,
    pretrained: learnerProgress(s.head),
    scratch: learnerProgress(s.scratch),
  };
}

export const transferLearning = defineLongJob<TransferArgs, TransferState, TransferProgress, TransferSnapshot>({
  init: initTransfer,
  step: stepTransfer,
  progress: transferProgress,
  snapshot: (s) => ({
    steps: Float32Array.from(s.head.losses, (_, i) => i + 1),
    pretrainedLoss: Float32Array.from(s.head.losses),
    scratchLoss: Float32Array.from(s.scratch.losses),
    evalSteps: Float32Array.from(s.evalSteps),
    pretrainedAccuracy: Float32Array.from(s.head.accuracy),
    scratchAccuracy: Float32Array.from(s.scratch.accuracy),
  }),
});
