// The tta-ensemble long job, in two phases.
//   train:    ENSEMBLE_SIZE copies of the texture CNN (different starting weights, the same
//             training pictures, each step a fresh augmentation so that crops look familiar),
//             one step of each per job step;
//   evaluate: each held-out picture scored four ways, each way timed on its own:
//               single          network 1, the picture as is                       (1 pass)
//               10-crop         network 1, averaged over the ten crops            (10 passes)
//               ensemble        the ENSEMBLE_SIZE networks, averaged               (3 passes)
//               ensemble+crops  every network on every crop, averaged              (30 passes)
//             "averaged" means the softmax probabilities are averaged, then the argmax taken.
import { adam, type Optimiser } from '../../../engine/nn/optimisers';
import { trainStepInfo } from '../../../engine/nn/train';
import { softmax } from '../../../engine/ops/softmax';
import type { Model } from '../../../engine/nn/model';
import { rng, type Rng } from '../../../engine/random';
import type { Tensor } from '../../../engine/tensor';
import { TEXTURE_CLASSES, textureSet, type TextureSet } from '../../../data/textureClasses';
import { applyAugmentation, drawAugmentation, type AugmentSettings } from '../../../data/augmentImage';
import type { RgbImage } from '../../../data/colorPicture';
import { defineLongJob, JobError } from '../../../worker/job';
import { buildScratch, pictureBatch } from '../../shared/job/textureNet';
import { ENSEMBLE_SIZE, PER_CLASS, PICTURE_SIZE, TRAIN_SEED } from '../params';
import { tenCrops } from './crops';
import { METHOD_ORDER, type MethodName, type MethodTally } from '../view';

export const TEST_PER_CLASS = 30;
export const TEST_SEED = 2;
export const DEFAULT_STEPS = 150;
const LEARNING_RATE = 0.01;
const TRAIN_AUGMENT: AugmentSettings = { mirror: true, crop: 0.25, rotateDeg: 20, shear: 0, colorShift: 0.05, pcaSigma: 0 };

const METHODS = METHOD_ORDER;
type Method = MethodName;
/** correct answers, wall time spent scoring so far, forward passes per picture */
export type MethodResult = MethodTally;

export interface TtaArgs {
  seed?: number;
  steps?: number;
}

export interface TtaProgress {
  phase: 'train' | 'evaluate' | 'done';
  step: number;
  steps: number;
  /** mean training loss of the ensemble's networks at the last step */
  loss: number;
  scored: number;
  testCount: number;
  results: Record<Method, MethodResult>;
}

export interface TtaState {
  nets: { model: Model; opt: Optimiser }[];
  train: TextureSet;
  test: TextureSet;
  batch: Tensor;
  draws: Rng;
  step: number;
  steps: number;
  loss: number;
  scored: number;
  results: Record<Method, MethodResult>;
}

const PASSES: Record<Method, number> = { single: 1, crops: 10, ensemble: ENSEMBLE_SIZE, ensembleCrops: 10 * ENSEMBLE_SIZE };

export function initTta(a: TtaArgs = {}): TtaState {
  const steps = a.steps ?? DEFAULT_STEPS;
  if (!Number.isInteger(steps) || steps < 1) throw new JobError('bad-setting', `steps must be a whole number ≥ 1, got ${steps}`, { name: 'steps', value: String(steps) });
  const seed = a.seed ?? 1;
  const k = TEXTURE_CLASSES.length;
  const train = textureSet(PER_CLASS, PICTURE_SIZE, TRAIN_SEED);
  const results = Object.fromEntries(METHODS.map((m) => [m, { correct: 0, ms: 0, passes: PASSES[m] }])) as Record<Method, MethodResult>;
  return {
    nets: Array.from({ length: ENSEMBLE_SIZE }, (_, i) => ({ model: buildScratch(PICTURE_SIZE, k, seed + 100 * i), opt: adam(LEARNING_RATE) })),
    train,
    test: textureSet(TEST_PER_CLASS, PICTURE_SIZE, TEST_SEED),
    batch: { shape: [train.images.length, PICTURE_SIZE, PICTURE_SIZE, 3], data: pictureBatch(train.images) },
    draws: rng(seed + 2000),
    step: 0,
    steps,
    loss: NaN,
    scored: 0,
    results,
  };
}

/** Softmax probabilities of one model for a list of pictures, summed into `acc`. */
function addProbs(model: Model, pictures: RgbImage[], acc: Float64Array): void {
  const x: Tensor = { shape: [pictures.length, PICTURE_SIZE, PICTURE_SIZE, 3], data: pictureBatch(pictures) };
  const p = softmax(model.predict(x));
  const k = acc.length;
  for (let i = 0; i < p.data.length; i++) acc[i % k] += p.data[i];
}

const argmax = (v: Float64Array) => v.reduce((best, x, i) => (x > v[best] ? i : best), 0);

/** Score one picture with one method (timed), returning the predicted class. */
export function predict(s: TtaState, img: RgbImage, method: Method): number {
  const acc = new Float64Array(TEXTURE_CLASSES.length);
  const nets = method === 'single' || method === 'crops' ? s.nets.slice(0, 1) : s.nets;
  // the crops are part of the method's cost: they are cut inside the timed region
  const views = method === 'crops' || method === 'ensembleCrops' ? tenCrops(img) : [img];
  for (const n of nets) addProbs(n.model, views, acc);
  return argmax(acc);
}

export function stepTta(s: TtaState): boolean {
  if (s.step < s.steps) {
    let sum = 0;
    for (const n of s.nets) {
      pictureBatch(s.train.images.map((im) => applyAugmentation(im, drawAugmentation(s.draws, TRAIN_AUGMENT, null))), s.batch.data);
      const r = trainStepInfo(n.model, s.batch, s.train.labels, n.opt);
      if (!Number.isFinite(r.loss)) throw new JobError('non-finite-loss', `A network's loss became ${r.loss} at step ${s.step}.`, { loss: String(r.loss), step: s.step });
      sum += r.loss;
    }
    s.loss = sum / s.nets.length;
    s.step++;
    return false;
  }
  const i = s.scored;
  const img = s.test.images[i];
  for (const m of METHODS) {
    const t0 = performance.now();
    const c = predict(s, img, m);
    s.results[m].ms += performance.now() - t0;
    if (c === s.test.labels[i]) s.results[m].correct++;
  }
  s.scored++;
  return s.scored >= s.test.images.length;
}

export function ttaProgress(s: TtaState): TtaProgress {
  const phase = s.step < s.steps ? 'train' : s.scored < s.test.images.length ? 'evaluate' : 'done';
  return {
    phase,
    step: s.step,
    steps: s.steps,
    loss: s.loss,
    scored: s.scored,
    testCount: s.test.images.length,
    results: Object.fromEntries(METHODS.map((m) => [m, { ...s.results[m] }])) as Record<Method, MethodResult>,
  };
}

export const ttaEnsemble = defineLongJob<TtaArgs, TtaState, TtaProgress>({
  init: initTta,
  step: stepTta,
  progress: ttaProgress,
});
