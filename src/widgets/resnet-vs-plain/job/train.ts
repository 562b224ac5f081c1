// The resnet-vs-plain long job: a plain and a residual network of the same depth and width
// (network.ts), trained at the same time on the same batches. Each step trains both on one
// batch; every TEST_EVERY steps both are tested on the same TEST_COUNT held-out digits,
// a chunk per step so no step is long. Curves and the per-layer gradient norms go to the
// page as snapshots at screen rate.
import { rng, type Rng } from '../../../engine/random';
import { defineLongJob, JobError, smoothLoss } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import { digitCache } from '../../shared/job/mnist/digitCache';
import type { Mnist } from '../../../data/mnist';
import { buildNet, testBatch, trainStep, DEPTHS, WIDTHS, type Net } from './network';
import { halfSizeBatch } from './digits';

export const BATCH = 16;
export const TEST_EVERY = 25;
export const TEST_COUNT = 500;
const TEST_CHUNK = 50;
/** Weight of the newest batch in the smoothed training loss. */

export interface ResnetVsPlainArgs {
  depth: number;
  width: number;
  seed?: number; // default 1
  learningRate?: number; // default 0.01
  /** Stop (done) after this many steps. Default 2,000. */
  maxSteps?: number;
  /** Folder of the packed digits (the page passes new URL('data/', document.baseURI)). */
  dataUrl?: string;
}

export interface ResnetVsPlainSettings {
  learningRate: number;
}

export interface NetProgress {
  /** Smoothed training loss (exponential average over recent batches); NaN before the first step. */
  loss: number;
  /** Share of the last TEST_COUNT test digits classified correctly; null before the first test. */
  testAccuracy: number | null;
}

export interface ResnetVsPlainProgress {
  status: 'loading' | 'ready';
  step: number;
  depth: number;
  width: number;
  learningRate: number;
  plain: NetProgress;
  residual: NetProgress;
}

export interface ResnetVsPlainSnapshot {
  steps: Float32Array;
  plainLoss: Float32Array;
  residualLoss: Float32Array;
  testSteps: Float32Array;
  plainAccuracy: Float32Array;
  residualAccuracy: Float32Array;
  /** ‖∂L/∂W‖ of each conv layer, averaged over the last steps (input to output). */
  plainGrads: Float32Array;
  residualGrads: Float32Array;
}

interface Side {
  net: Net;
  loss: number;
  losses: number[];
  accuracy: number[];
  grads: Float32Array;
  correct: number;
}

export interface ResnetVsPlainState {
  args: ResnetVsPlainArgs;
  data: Mnist | null;
  plain: Side;
  residual: Side;
  batches: Rng;
  step: number;
  maxSteps: number;
  steps: number[];
  testSteps: number[];
  /** Next test digit to score while a test pass is under way, else null. */
  testAt: number | null;
  learningRate: number;
}

const mnist = digitCache();

/** Tests hand the digits over directly (no fetch in Node). */
export function provideResnetMnist(data: Mnist | null): void {
  mnist.provide(data);
}

function side(residual: boolean, a: ResnetVsPlainArgs, lr: number): Side {
  const net = buildNet(residual, a.depth, a.width, a.seed ?? 1, lr);
  return { net, loss: NaN, losses: [], accuracy: [], grads: new Float32Array(a.depth), correct: 0 };
}

export function initResnetVsPlain(args: ResnetVsPlainArgs): ResnetVsPlainState {
  if (!(DEPTHS as readonly number[]).includes(args.depth)) {
    throw new JobError('bad-setting', `depth must be one of ${DEPTHS.join(', ')} conv layers, got ${args.depth}`, { name: 'depth', value: String(args.depth) });
  }
  if (!(WIDTHS as readonly number[]).includes(args.width)) {
    throw new JobError('bad-setting', `width must be one of ${WIDTHS.join(', ')} channels, got ${args.width}`, { name: 'width', value: String(args.width) });
  }
  const lr = checkLearningRate(args.learningRate ?? 0.01);
  mnist.start(args.dataUrl);
  return {
    args,
    data: mnist.get(),
    plain: side(false, args, lr),
    residual: side(true, args, lr),
    batches: rng((args.seed ?? 1) + 7),
    step: 0,
    maxSteps: args.maxSteps ?? 2000,
    steps: [],
    testSteps: [],
    testAt: null,
    learningRate: lr,
  };
}

function record(s: Side, r: { loss: number; gradNorms: Float32Array }, name: string, step: number): void {
  const first = s.losses.length === 0;
  if (!Number.isFinite(r.loss)) {
    throw new JobError('non-finite-loss', `The ${name} network's loss became ${r.loss} at step ${step}: training diverged (try a smaller learning rate).`, { loss: String(r.loss), step, network: name });
  }
  s.loss = smoothLoss(s.loss, r.loss);
  s.losses.push(s.loss);
  // the bars follow a short moving average: one batch's gradient is noisy
  for (let i = 0; i < s.grads.length; i++) s.grads[i] = !first ? 0.8 * s.grads[i] + 0.2 * r.gradNorms[i] : r.gradNorms[i];
}

/** One step: a chunk of the test pass when one is under way, else one training batch for both. */
export function stepResnetVsPlain(s: ResnetVsPlainState): boolean {
  if (!s.data) {
    s.data = mnist.ready();
    return false;
  }
  const { train, test } = s.data;
  if (s.testAt !== null) {
    const end = Math.min(s.testAt + TEST_CHUNK, TEST_COUNT, test.count);
    const idx = Array.from({ length: end - s.testAt }, (_, k) => s.testAt! + k);
    const { x, labels } = halfSizeBatch(test, idx);
    s.plain.correct += testBatch(s.plain.net, x, labels);
    s.residual.correct += testBatch(s.residual.net, x, labels);
    s.testAt = end;
    if (end >= Math.min(TEST_COUNT, test.count)) {
      for (const side of [s.plain, s.residual]) {
        side.accuracy.push(side.correct / end);
        side.correct = 0;
      }
      s.testSteps.push(s.step);
      s.testAt = null;
      return s.step >= s.maxSteps;
    }
    return false;
  }
  const idx = Array.from({ length: BATCH }, () => s.batches.int(train.count));
  const { x, labels } = halfSizeBatch(train, idx);
  const p = trainStep(s.plain.net, x, labels);
  const r = trainStep(s.residual.net, x, labels);
  record(s.plain, p, 'plain', s.step);
  record(s.residual, r, 'residual', s.step);
  s.step++;
  s.steps.push(s.step);
  if (s.step % TEST_EVERY === 0 || s.step >= s.maxSteps) s.testAt = 0;
  return false;
}

const progressOf = (side: Side): NetProgress => ({ loss: side.loss, testAccuracy: side.accuracy.length ? side.accuracy[side.accuracy.length - 1] : null });

export const resnetVsPlain = defineLongJob<ResnetVsPlainArgs, ResnetVsPlainState, ResnetVsPlainProgress, ResnetVsPlainSnapshot, ResnetVsPlainSettings>({
  init: initResnetVsPlain,
  step: stepResnetVsPlain,
  progress: (s) => ({
    status: s.data ? 'ready' : 'loading',
    step: s.step,
    depth: s.args.depth,
    width: s.args.width,
    learningRate: s.learningRate,
    plain: progressOf(s.plain),
    residual: progressOf(s.residual),
  }),
  snapshot: (s) => ({
    steps: Float32Array.from(s.steps),
    plainLoss: Float32Array.from(s.plain.losses),
    residualLoss: Float32Array.from(s.residual.losses),
    testSteps: Float32Array.from(s.testSteps),
    plainAccuracy: Float32Array.from(s.plain.accuracy),
    residualAccuracy: Float32Array.from(s.residual.accuracy),
    plainGrads: Float32Array.from(s.plain.grads),
    residualGrads: Float32Array.from(s.residual.grads),
  }),
  update(s, patch) {
    if (patch.learningRate !== undefined) {
      s.learningRate = checkLearningRate(patch.learningRate);
      s.plain.net.opt.setLearningRate(s.learningRate);
      s.residual.net.opt.setLearningRate(s.learningRate);
    }
  },
});
