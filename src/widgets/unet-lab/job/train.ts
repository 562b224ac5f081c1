// The unet-lab long job: a U-Net and the same network without skip connections (network.ts),
// trained in turns on the same batches of generated scenes' masks, with per-pixel softmax
// cross-entropy and Adam. Every EVAL_EVERY steps both label every pixel of the held-out test
// scenes and their mean IoU over the four classes is measured (a chunk of scenes per step,
// so no step is long). The predicted masks of every test scene go to the page, which shows
// the one the student picks beside its truth.
import { createOptimiser, type Optimiser } from '../../../engine/nn/optimisers';
import { NonFiniteLossError, trainStepInfo } from '../../../engine/nn/train';
import type { Model } from '../../../engine/nn/model';
import { scenesToBatch, testScenes, trainingScene, type DetectionScene, type SceneOptions } from '../../../data/detectionScenes';
import { maskIou } from '../../../geometry/maskIou';
import { defineLongJob, JobError, smoothLoss } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import { buildUnet, CLASS_COUNT, labelsOf } from './network';
import { SCENE_SIZE, TEST_COUNT } from '../params';

export { SCENE_SIZE, TEST_COUNT };
export const SCENE_OPTIONS: SceneOptions = { size: SCENE_SIZE };
export const WIDTH = 8;
export const BATCH = 4;
export const EVAL_EVERY = 25;
const EVAL_CHUNK = 8;
/** The learning rate halves every HALF_LIFE steps (a big step size early, a careful one later). */
export const HALF_LIFE = 600;
const SMOOTH = 0.05;

export interface UnetLabArgs {
  /** Also train the network without skips on the same batches. */
  compare: boolean;
  seed?: number; // default 1
  learningRate?: number; // default 0.01 (Adam)
  /** Stop (done) after this many steps. Default 3,000. */
  maxSteps?: number;
}

export interface NetProgress {
  /** Smoothed training loss (mean per-pixel cross-entropy); NaN before the first step. */
  loss: number;
  /** Mean IoU over the classes on the held-out scenes; null before the first evaluation. */
  meanIou: number | null;
  /** IoU of background, car, pedestrian, motorcycle (NaN for a class absent from truth and prediction). */
  perClass: number[] | null;
}

export interface UnetLabProgress {
  step: number;
  images: number;
  learningRate: number;
  compare: boolean;
  unet: NetProgress;
  plain: NetProgress | null;
}

export interface UnetLabSnapshot {
  steps: Float32Array;
  unetLoss: Float32Array;
  plainLoss: Float32Array;
  evalSteps: Float32Array;
  unetIou: Float32Array;
  plainIou: Float32Array;
  /** Predicted labels of every test scene at the last evaluation, TEST_COUNT·size² (empty before). */
  unetMasks: Uint8Array;
  plainMasks: Uint8Array;
}

interface Side {
  model: Model;
  opt: Optimiser;
  loss: number;
  losses: number[];
  ious: number[];
  perClass: number[] | null;
  /** Labels predicted during the evaluation under way, then kept as the last full set. */
  pending: Uint8Array;
  masks: Uint8Array;
}

export interface UnetLabState {
  args: UnetLabArgs;
  unet: Side;
  plain: Side | null;
  tests: DetectionScene[];
  testBatch: Float32Array;
  step: number;
  next: number;
  maxSteps: number;
  lr0: number;
  steps: number[];
  evalSteps: number[];
  evalAt: number | null;
}

function side(skips: boolean, seed: number, lr: number): Side {
  const n = TEST_COUNT * SCENE_SIZE * SCENE_SIZE;
  return {
    model: buildUnet({ size: SCENE_SIZE, width: WIDTH, skips, seed }),
    opt: createOptimiser({ kind: 'adam', lr }),
    loss: NaN, losses: [], ious: [], perClass: null, pending: new Uint8Array(n), masks: new Uint8Array(0),
  };
}

export function initUnetLab(args: UnetLabArgs): UnetLabState {
  const lr = checkLearningRate(args.learningRate ?? 0.01);
  const seed = args.seed ?? 1;
  const tests = testScenes(TEST_COUNT, SCENE_OPTIONS);
  return {
    args,
    unet: side(true, seed, lr),
    plain: args.compare ? side(false, seed, lr) : null,
    tests,
    testBatch: scenesToBatch(tests),
    step: 0,
    // each seed sees its own stream of training scenes
    next: (seed - 1) * 100_000,
    maxSteps: args.maxSteps ?? 3000,
    lr0: lr,
    steps: [],
    evalSteps: [],
    evalAt: null,
  };
}

export function learningRateAt(lr0: number, step: number): number {
  return lr0 * Math.pow(0.5, step / HALF_LIFE);
}

function trainOne(s: Side, name: 'unet' | 'plain', x: { shape: number[]; data: Float32Array }, labels: Uint8Array, step: number, lr: number): void {
  s.opt.setLearningRate(lr);
  let loss: number;
  try {
    loss = trainStepInfo(s.model, x, labels, s.opt).loss;
  } catch (e) {
    if (e instanceof NonFiniteLossError) {
      throw new JobError('non-finite-loss', `${name === 'unet' ? 'U-Net' : 'Network without skips'}: the loss became ${e.loss} at step ${step}: training diverged (try a smaller learning rate).`, { loss: String(e.loss), step, network: name });
    }
    throw e;
  }
  s.loss = smoothLoss(s.loss, loss, SMOOTH);
  s.losses.push(s.loss);
}

function evalChunk(s: Side, st: UnetLabState, from: number, to: number): void {
  const per = SCENE_SIZE * SCENE_SIZE;
  const x = { shape: [to - from, SCENE_SIZE, SCENE_SIZE, 3], data: st.testBatch.subarray(from * per * 3, to * per * 3) };
  s.pending.set(labelsOf(s.model.forward(x, { reuseBuffers: 'eval' }).value), from * per);
}

function finishEval(s: Side, st: UnetLabState): void {
  const per = SCENE_SIZE * SCENE_SIZE;
  const r = maskIou(st.tests.map((_, i) => s.pending.subarray(i * per, (i + 1) * per)), st.tests.map((t) => t.mask), CLASS_COUNT);
  s.ious.push(r.mean);
  s.perClass = r.perClass;
  s.masks = s.pending.slice();
}

/** One step: a chunk of the evaluation when one is under way, else one training batch for each network. */
export function stepUnetLab(s: UnetLabState): boolean {
  const sides = s.plain ? [s.unet, s.plain] : [s.unet];
  if (s.evalAt !== null) {
    const to = Math.min(s.evalAt + EVAL_CHUNK, TEST_COUNT);
    for (const d of sides) evalChunk(d, s, s.evalAt, to);
    s.evalAt = to;
    if (to < TEST_COUNT) return false;
    for (const d of sides) finishEval(d, s);
    s.evalSteps.push(s.step);
    s.evalAt = null;
    return s.step >= s.maxSteps;
  }
  const scenes = Array.from({ length: BATCH }, () => trainingScene(s.next++, SCENE_OPTIONS));
  const per = SCENE_SIZE * SCENE_SIZE;
  const x = { shape: [BATCH, SCENE_SIZE, SCENE_SIZE, 3], data: scenesToBatch(scenes) };
  const labels = new Uint8Array(BATCH * per);
  scenes.forEach((sc, i) => labels.set(sc.mask, i * per));
  const lr = learningRateAt(s.lr0, s.step);
  trainOne(s.unet, 'unet', x, labels, s.step, lr);
  if (s.plain) trainOne(s.plain, 'plain', x, labels, s.step, lr);
  s.step++;
  s.steps.push(s.step);
  if (s.step % EVAL_EVERY === 0 || s.step >= s.maxSteps) s.evalAt = 0;
  return false;
}

const netProgress = (d: Side): NetProgress => ({ loss: d.loss, meanIou: d.ious.length ? d.ious[d.ious.length - 1] : null, perClass: d.perClass });

export const unetLab = defineLongJob<UnetLabArgs, UnetLabState, UnetLabProgress, UnetLabSnapshot>({
  init: initUnetLab,
  step: stepUnetLab,
  progress: (s) => ({
    step: s.step,
    images: s.step * BATCH,
    learningRate: learningRateAt(s.lr0, s.step),
    compare: s.plain !== null,
    unet: netProgress(s.unet),
    plain: s.plain ? netProgress(s.plain) : null,
  }),
  snapshot: (s) => ({
    steps: Float32Array.from(s.steps),
    unetLoss: Float32Array.from(s.unet.losses),
    plainLoss: Float32Array.from(s.plain?.losses ?? []),
    evalSteps: Float32Array.from(s.evalSteps),
    unetIou: Float32Array.from(s.unet.ious),
    plainIou: Float32Array.from(s.plain?.ious ?? []),
    unetMasks: s.unet.masks.slice(),
    plainMasks: s.plain ? s.plain.masks.slice() : new Uint8Array(0),
  }),
});
