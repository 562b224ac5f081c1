// The train-localizer long job: the localizer (localizer.ts) trained on fresh one-object scenes,
// a batch per step; every TEST_EVERY steps it is scored on TEST_COUNT held-out scenes, a chunk
// per step so no step is long. The mean box IoU on those scenes is the lab's headline number.
import { defineLongJob, smoothLoss } from '../../../worker/job';
import { assertFiniteLoss } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import type { Model } from '../../../engine/nn/model';
import type { Optimiser } from '../../../engine/nn/optimisers';
import { localizationScene, type DetectionScene } from '../../../data/detectionScenes';
import {
  buildLocalizer, localizationBatch, localizationTestScenes, localizerOptimiser, predictLocalizer, scoreLocalizer, trainLocalizer, type LocalizerScore,
} from './localizer';

export const LOC_BATCH = 16;
export const LOC_TEST_EVERY = 50;
export const LOC_TEST_COUNT = 100;
const TEST_CHUNK = 20;
/** The held-out scenes drawn with their predictions. */
export const LOC_SHOWN = 6;

export interface LocalizerArgs {
  seed?: number; // default 1
  learningRate?: number; // default 0.002
  maxSteps?: number; // default 1500
}

export interface LocalizerSettings {
  learningRate: number;
}

export interface LocalizerProgress {
  step: number;
  /** Smoothed training loss; NaN before the first step. */
  loss: number;
  /** Mean IoU of predicted and true boxes on the held-out scenes with an object (null before the first test). */
  boxIou: number | null;
  classAccuracy: number | null;
  pcAccuracy: number | null;
  testScenes: number;
  testObjects: number;
  learningRate: number;
}

export interface LocalizerSnapshot {
  steps: Float32Array;
  losses: Float32Array;
  testSteps: Float32Array;
  ious: Float32Array;
  /** For the first LOC_SHOWN test scenes: p_c, x1, y1, x2, y2, class, class probability (7 each); empty before a test. */
  shown: Float32Array;
}

export interface LocalizerState {
  model: Model;
  opt: Optimiser;
  next: number;
  step: number;
  maxSteps: number;
  loss: number;
  steps: number[];
  losses: number[];
  testSteps: number[];
  ious: number[];
  test: DetectionScene[];
  testAt: number | null;
  acc: LocalizerScore;
  last: LocalizerScore | null;
  shown: Float32Array;
  learningRate: number;
}

const emptyScore = (): LocalizerScore => ({ iouSum: 0, objects: 0, classCorrect: 0, pcCorrect: 0, scenes: 0 });

export function initLocalizer(args: LocalizerArgs): LocalizerState {
  const lr = checkLearningRate(args.learningRate ?? 0.002);
  const seed = args.seed ?? 1;
  return {
    model: buildLocalizer(seed),
    opt: localizerOptimiser(lr),
    // each seed trains on its own stream of scenes
    next: (seed - 1) * 100_000,
    step: 0,
    maxSteps: args.maxSteps ?? 1500,
    loss: NaN,
    steps: [], losses: [], testSteps: [], ious: [],
    test: localizationTestScenes(LOC_TEST_COUNT),
    // a test at step 0 shows how bad the untrained network is
    testAt: 0,
    acc: emptyScore(),
    last: null,
    shown: new Float32Array(0),
    learningRate: lr,
  };
}

function testChunk(s: LocalizerState): boolean {
  const from = s.testAt!, to = Math.min(from + TEST_CHUNK, s.test.length);
  const scenes = s.test.slice(from, to);
  const preds = predictLocalizer(s.model, scenes);
  const r = scoreLocalizer(preds, scenes);
  for (const k of ['iouSum', 'objects', 'classCorrect', 'pcCorrect', 'scenes'] as const) s.acc[k] += r[k];
  if (from === 0) {
    s.shown = new Float32Array(LOC_SHOWN * 7);
    preds.slice(0, LOC_SHOWN).forEach((p, i) => s.shown.set([p.pc, p.box.x1, p.box.y1, p.box.x2, p.box.y2, p.classId, p.probs[p.classId]], i * 7));
  }
  s.testAt = to;
  if (to < s.test.length) return false;
  s.last = s.acc;
  s.acc = emptyScore();
  s.testSteps.push(s.step);
  s.ious.push(s.last.iouSum / s.last.objects);
  s.testAt = null;
  return s.step >= s.maxSteps;
}

/** One step: a chunk of the test pass when one is under way, else one training batch. */
export function stepLocalizer(s: LocalizerState): boolean {
  if (s.testAt !== null) return testChunk(s);
  const scenes = Array.from({ length: LOC_BATCH }, () => localizationScene(s.next++));
  const { x, y } = localizationBatch(scenes);
  const r = trainLocalizer(s.model, s.opt, x, y);
  assertFiniteLoss(r.loss, s.step);
  s.loss = smoothLoss(s.loss, r.loss);
  s.step++;
  s.steps.push(s.step);
  s.losses.push(s.loss);
  if (s.step % LOC_TEST_EVERY === 0 || s.step >= s.maxSteps) s.testAt = 0;
  return false;
}

export function localizerProgress(s: LocalizerState): LocalizerProgress {
  const l = s.last;
  return {
    step: s.step,
    loss: s.loss,
    boxIou: l ? l.iouSum / l.objects : null,
    classAccuracy: l ? l.classCorrect / l.objects : null,
    pcAccuracy: l ? l.pcCorrect / l.scenes : null,
    testScenes: s.test.length,
    testObjects: s.test.filter((t) => t.objects.length > 0).length,
    learningRate: s.learningRate,
  };
}

export const trainLocalizerJob = defineLongJob<LocalizerArgs, LocalizerState, LocalizerProgress, LocalizerSnapshot, LocalizerSettings>({
  init: initLocalizer,
  step: stepLocalizer,
  progress: localizerProgress,
  snapshot: (s) => ({
    steps: Float32Array.from(s.steps),
    losses: Float32Array.from(s.losses),
    testSteps: Float32Array.from(s.testSteps),
    ious: Float32Array.from(s.ious),
    shown: s.shown.slice(),
  }),
  update(s, patch) {
    if (patch.learningRate !== undefined) {
      s.learningRate = checkLearningRate(patch.learningRate);
      s.opt.setLearningRate(s.learningRate);
    }
  },
});
