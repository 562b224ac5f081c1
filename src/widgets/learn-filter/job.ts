// learn-filter: gradient descent learns a 3×3 filter w whose output on a few images matches a
// target filter's output (e.g. Sobel's edge map) — the course's point that filters need not be
// hand-designed: treat the nine numbers as parameters and learn them.
//
//   target  y = x * w_target             (* = the engine's conv2d, cross-correlation, valid)
//   loss    J(w) = (1/N) Σ (x * w − y)²  (mean over every output pixel of every image)
//   grad    ∂J/∂w = conv2dBackward(dy = (2/N)(x * w − y), x, w).dw
//   update  w ← w − α ∂J/∂w
//
// J is a quadratic in w, so plain gradient descent converges when α < 2/λ_max of its
// curvature; the images are centred (mean 0) so the curvature is well conditioned and a few
// hundred steps reach the target to ~0.01.
import { conv2d, conv2dBackward } from '../../engine/ops/conv2d';
import { rng } from '../../engine/random';
import type { Tensor } from '../../engine/tensor';
import { drawPicture } from '../../data/pictures';
import { assertFiniteLoss, defineLongJob } from '../../worker/job';
import { checkLearningRate } from '../../worker/checks';

export interface LearnFilterArgs {
  /** The target filter's nine numbers, row by row. */
  target: number[];
  seed?: number; // default 1
  learningRate?: number; // default 0.2
  /** Stop (done) after this many steps. Default 600. */
  maxSteps?: number;
  /** Side of the training images. Default 24. */
  size?: number;
}

export interface LearnFilterSettings {
  learningRate: number;
}

export interface LearnFilterProgress {
  step: number;
  /** Loss of the filter the last step started from. */
  loss: number;
  /** max |w − w_target| over the nine numbers. */
  maxAbsDiff: number;
  learningRate: number;
}

export interface LearnFilterSnapshot {
  kernel: Float32Array; // 9 numbers
}

export interface LearnFilterState {
  x: Tensor; // [images, size, size, 1]
  y: Tensor; // target output
  w: Tensor; // [3, 3, 1, 1] learned
  target: Float32Array;
  learningRate: number;
  step: number;
  loss: number;
  maxSteps: number;
}

/** Training images: shapes, text and seeded noise, each centred to mean 0. */
export function trainingImages(size: number, seed: number): Tensor {
  const r = rng(seed);
  const pics = [drawPicture('shapes', size).data, drawPicture('text', size).data, Float32Array.from({ length: size * size }, () => r.next())];
  const data = new Float32Array(pics.length * size * size);
  pics.forEach((p, i) => {
    const mean = p.reduce((s, v) => s + v, 0) / p.length;
    for (let k = 0; k < p.length; k++) data[i * size * size + k] = p[k] - mean;
  });
  return { shape: [pics.length, size, size, 1], data };
}

export function initLearnFilter(args: LearnFilterArgs): LearnFilterState {
  if (!Array.isArray(args.target) || args.target.length !== 9 || args.target.some((v) => !Number.isFinite(v))) {
    throw new RangeError('learn-filter: target must be nine finite numbers (a 3×3 filter)');
  }
  const size = args.size ?? 24;
  const seed = args.seed ?? 1;
  const x = trainingImages(size, seed);
  const target = Float32Array.from(args.target);
  const y = conv2d(x, { shape: [3, 3, 1, 1], data: target }, null);
  // Start from small seeded random numbers: "reset" replays the same start.
  const r = rng(seed + 101);
  const w: Tensor = { shape: [3, 3, 1, 1], data: Float32Array.from({ length: 9 }, () => r.normal(0, 0.1)) };
  return {
    x,
    y,
    w,
    target,
    learningRate: checkLearningRate(args.learningRate ?? 0.2),
    step: 0,
    loss: NaN,
    maxSteps: args.maxSteps ?? 600,
  };
}

/** Loss of the current filter (without changing it). */
export function learnFilterLoss(s: LearnFilterState): number {
  const yhat = conv2d(s.x, s.w, null);
  let sum = 0;
  for (let i = 0; i < yhat.data.length; i++) sum += (yhat.data[i] - s.y.data[i]) ** 2;
  return sum / yhat.data.length;
}

/** One gradient-descent step; returns true when maxSteps is reached. */
export function stepLearnFilter(s: LearnFilterState): boolean {
  const yhat = conv2d(s.x, s.w, null);
  const n = yhat.data.length;
  let sum = 0;
  const dy = yhat; // reuse the buffer: dy = (2/N)(ŷ − y)
  for (let i = 0; i < n; i++) {
    const r = yhat.data[i] - s.y.data[i];
    sum += r * r;
    dy.data[i] = (2 / n) * r;
  }
  const loss = sum / n;
  assertFiniteLoss(loss, s.step);
  const { dw } = conv2dBackward(dy, s.x, s.w, { skipDx: true });
  for (let k = 0; k < 9; k++) s.w.data[k] -= s.learningRate * dw.data[k];
  s.loss = loss;
  s.step++;
  return s.step >= s.maxSteps;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

export const learnFilter = defineLongJob<LearnFilterArgs, LearnFilterState, LearnFilterProgress, LearnFilterSnapshot, LearnFilterSettings>({
  init: initLearnFilter,
  step: stepLearnFilter,
  progress: (s) => ({ step: s.step, loss: s.loss, maxAbsDiff: maxAbsDiff(s.w.data, s.target), learningRate: s.learningRate }),
  snapshot: (s) => ({ kernel: Float32Array.from(s.w.data) }),
  update(s, patch) {
    if (patch.learningRate !== undefined) s.learningRate = checkLearningRate(patch.learningRate);
  },
});
