// The augmentation-training long job: two copies of the same small CNN (same starting
// weights, same optimiser) on the same few training pictures. Each step both take one
// full-batch Adam step; the "plain" copy sees the original pictures, the "augmented" copy
// a fresh random augmentation of every picture (mirror, crop, rotation, colour shift).
// Every EVAL_EVERY steps both are scored on the ORIGINAL training pictures and on the
// held-out pictures: the train/test gap is what augmentation is meant to shrink.
import { adam, type Optimiser } from '../../../engine/nn/optimisers';
import { evaluate, trainStepInfo } from '../../../engine/nn/train';
import type { Model } from '../../../engine/nn/model';
import { rng, type Rng } from '../../../engine/random';
import type { Tensor } from '../../../engine/tensor';
import { TEXTURE_CLASSES, textureSet, type TextureSet } from '../../../data/textureClasses';
import { applyAugmentation, drawAugmentation } from '../../../data/augmentImage';
import { defineLongJob, JobError } from '../../../worker/job';
import { buildScratch, pictureBatch } from '../../shared/job/textureNet';
import { PER_CLASS_CHOICES, PICTURE_SIZE, TRAIN_SEED, TRAINING_AUGMENTATION } from '../params';

const PER_CLASS = PER_CLASS_CHOICES.map(Number);
export const TEST_PER_CLASS = 30;
export const TEST_SEED = 2;
export const EVAL_EVERY = 25;
export const DEFAULT_STEPS = 300;
/** Augmented pictures sent to the page with each snapshot (what the network is seeing). */
export const SHOWN = 4;
const LEARNING_RATE = 0.01;

export interface AugTrainArgs {
  perClass: number;
  /** Seed of the starting weights and of the augmentation draws. Default 1. */
  seed?: number;
  steps?: number;
}

interface Net {
  model: Model;
  opt: Optimiser;
  losses: number[];
  trainAccuracy: number[];
  testAccuracy: number[];
}

export interface NetProgress {
  loss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** training accuracy − held-out accuracy at the last evaluation */
  gap: number | null;
}

export interface AugTrainProgress {
  step: number;
  steps: number;
  perClass: number;
  testCount: number;
  plain: NetProgress;
  augmented: NetProgress;
}

export interface AugTrainSnapshot {
  evalSteps: Float32Array;
  plainTrain: Float32Array;
  plainTest: Float32Array;
  augmentedTrain: Float32Array;
  augmentedTest: Float32Array;
  /** SHOWN augmented training pictures of the last step, RGB [0, 1], one after another. */
  samples: Float32Array;
}

export interface AugTrainState {
  train: TextureSet;
  test: TextureSet;
  trainPictures: Tensor;
  testPictures: Tensor;
  /** The augmented batch, refilled every step. */
  augmentedPictures: Tensor;
  draws: Rng;
  plain: Net;
  augmented: Net;
  step: number;
  steps: number;
  evalSteps: number[];
}

const net = (model: Model): Net => ({ model, opt: adam(LEARNING_RATE), losses: [], trainAccuracy: [], testAccuracy: [] });

export function initAugTrain(a: AugTrainArgs): AugTrainState {
  if (!PER_CLASS.includes(a.perClass)) {
    throw new JobError('bad-setting', `examples per class must be one of ${PER_CLASS.join(', ')}, got ${a.perClass}`, { name: 'perClass', value: String(a.perClass) });
  }
  const steps = a.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 1) throw new JobError('bad-setting', `steps must be a whole number ≥ 1, got ${steps}`, { name: 'steps', value: String(steps) });
  const seed = a.seed ?? 1;
  const k = TEXTURE_CLASSES.length;
  const train = textureSet(a.perClass, PICTURE_SIZE, TRAIN_SEED);
  const test = textureSet(TEST_PER_CLASS, PICTURE_SIZE, TEST_SEED);
  const shape = [train.images.length, PICTURE_SIZE, PICTURE_SIZE, 3];
  return {
    train,
    test,
    trainPictures: { shape, data: pictureBatch(train.images) },
    testPictures: { shape: [test.images.length, PICTURE_SIZE, PICTURE_SIZE, 3], data: pictureBatch(test.images) },
    augmentedPictures: { shape, data: pictureBatch(train.images) },
    draws: rng(seed + 1000),
    // same seed: both copies start from the same weights
    plain: net(buildScratch(PICTURE_SIZE, k, seed)),
    augmented: net(buildScratch(PICTURE_SIZE, k, seed)),
    step: 0,
    steps,
    evalSteps: [],
  };
}

function trainOne(n: Net, x: Tensor, labels: Int32Array, step: number, name: string): void {
  const r = trainStepInfo(n.model, x, labels, n.opt);
  if (!Number.isFinite(r.loss)) throw new JobError('non-finite-loss', `The ${name} network's loss became ${r.loss} at step ${step}.`, { loss: String(r.loss), step, network: name });
  n.losses.push(r.loss);
}

function score(s: AugTrainState, n: Net): void {
  n.trainAccuracy.push(evaluate(n.model, s.trainPictures, s.train.labels, 40).accuracy);
  n.testAccuracy.push(evaluate(n.model, s.testPictures, s.test.labels, 40).accuracy);
}

/** A fresh random augmentation of every training picture (the held-out ones are never touched). */
export function augmentBatch(s: AugTrainState): void {
  pictureBatch(s.train.images.map((im) => applyAugmentation(im, drawAugmentation(s.draws, TRAINING_AUGMENTATION, null))), s.augmentedPictures.data);
}

export function stepAugTrain(s: AugTrainState): boolean {
  augmentBatch(s);
  trainOne(s.plain, s.trainPictures, s.train.labels, s.step, 'plain');
  trainOne(s.augmented, s.augmentedPictures, s.train.labels, s.step, 'augmented');
  s.step++;
  if (s.step % EVAL_EVERY === 0 || s.step === 1 || s.step >= s.steps) {
    score(s, s.plain);
    score(s, s.augmented);
    s.evalSteps.push(s.step);
  }
  return s.step >= s.steps;
}

const last = (xs: number[]) => (xs.length ? xs[xs.length - 1] : null);
function netProgress(n: Net): NetProgress {
  const tr = last(n.trainAccuracy), te = last(n.testAccuracy);
  return { loss: last(n.losses) ?? NaN, trainAccuracy: tr, testAccuracy: te, gap: tr !== null && te !== null ? tr - te : null };
}

export function augTrainProgress(s: AugTrainState): AugTrainProgress {
  return {
    step: s.step,
    steps: s.steps,
    perClass: s.train.images.length / TEXTURE_CLASSES.length,
    testCount: s.test.images.length,
    plain: netProgress(s.plain),
    augmented: netProgress(s.augmented),
  };
}

export const augmentationTraining = defineLongJob<AugTrainArgs, AugTrainState, AugTrainProgress, AugTrainSnapshot>({
  init: initAugTrain,
  step: stepAugTrain,
  progress: augTrainProgress,
  snapshot: (s) => ({
    evalSteps: Float32Array.from(s.evalSteps),
    plainTrain: Float32Array.from(s.plain.trainAccuracy),
    plainTest: Float32Array.from(s.plain.testAccuracy),
    augmentedTrain: Float32Array.from(s.augmented.trainAccuracy),
    augmentedTest: Float32Array.from(s.augmented.testAccuracy),
    // one picture from each class (the batch is interleaved 0, 1, 2, 3, …)
    samples: s.augmentedPictures.data.slice(0, SHOWN * 3 * PICTURE_SIZE * PICTURE_SIZE),
  }),
});
