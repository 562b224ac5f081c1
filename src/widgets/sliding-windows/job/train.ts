// The train-sliding-windows long job: the lecture's window classifier (widgets/shared/job/
// windowClassifier) trained on 14×14 crops of 28×28 detection scenes (car, pedestrian,
// motorcycle, background), then run over one held-out scene both ways:
//   crop by crop   — 8 × 8 = 64 separate forward passes, one per 14×14 window at stride 2;
//   one pass       — the FC layers as convolutions, the whole 28×28×3 scene at once → 8×8×4.
// The job reports both outputs, their largest difference and the measured time of each.
// Every TEST_EVERY steps the classifier is scored on fixed held-out crops, a chunk per step.
import { defineLongJob, assertFiniteLoss, JobError, smoothLoss } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import { mulberry32 } from '../../../engine/random';
import type { Tensor } from '../../../engine/tensor';
import { cropImage } from '../../../data/windowCrops';
import { cropBatch, WINDOW_SCENE, windowTestScene, windowTrainScene } from '../../shared/job/windowTraining';
import {
  buildWindowClassifier, classifyCrops, classifyOnePass, trainWindowClassifier, windowMultiplies, WINDOW, WINDOW_CLASSES, WINDOW_STRIDE, type WindowClassifier,
} from '../../shared/job/windowClassifier';

export const SW_SCENE = WINDOW_SCENE;
export const SW_SCENES_PER_STEP = 4;
export const SW_CROPS_PER_SCENE = 8;
export const SW_TEST_EVERY = 50;
export const SW_TEST_SCENES = 60;
/** Held-out scenes the student can run the two passes on. */
export const SW_SHOWN = 6;
const TEST_CHUNK = 120;
const TIMING_REPEATS = 3;

/** The k-th held-out scene of the sliding-windows lab. */
export const swTestScene = windowTestScene;

export interface SwTrainArgs {
  seed?: number; // default 1
  learningRate?: number; // default 0.001
  maxSteps?: number; // default 600
  /** Which held-out scene (0 … SW_SHOWN − 1) the two passes run on. */
  scene?: number;
}

export interface SwTrainSettings {
  scene: number;
}

export interface SwComparison {
  scene: number;
  step: number;
  /** Output cells per side (8 for 28×28). */
  m: number;
  windows: number;
  /** max |one pass − crop by crop| over all m·m·4 probabilities. */
  maxDiff: number;
  /** Median wall time of each way, in milliseconds (of TIMING_REPEATS runs). */
  msCrops: number;
  msOnePass: number;
  multipliesCrops: number;
  multipliesOnePass: number;
}

export interface SwTrainProgress {
  step: number;
  loss: number;
  /** Share of the held-out crops classified right (null before the first test). */
  accuracy: number | null;
  testCrops: number;
  maxSteps: number;
  comparison: SwComparison | null;
}

export interface SwTrainSnapshot {
  steps: Float32Array;
  losses: Float32Array;
  testSteps: Float32Array;
  accuracies: Float32Array;
  /** The one-pass output [m, m, 4] and the crop-by-crop output, same layout (empty before a comparison). */
  onePass: Float32Array;
  crops: Float32Array;
}

export interface SwTrainState {
  net: WindowClassifier;
  rand: () => number;
  next: number;
  step: number;
  maxSteps: number;
  loss: number;
  steps: number[];
  losses: number[];
  testSteps: number[];
  accuracies: number[];
  test: { x: Tensor; labels: Int32Array };
  testAt: number | null;
  correct: number;
  scene: number;
  compareDue: boolean;
  comparison: SwComparison | null;
  onePass: Float32Array<ArrayBufferLike>;
  crops: Float32Array;
}

function checkScene(k: unknown): number {
  if (!Number.isInteger(k) || (k as number) < 0 || (k as number) >= SW_SHOWN) {
    throw new JobError('bad-setting', `scene must be a whole number from 0 to ${SW_SHOWN - 1}, got ${String(k)}`, { name: 'scene', value: String(k) });
  }
  return k as number;
}

export function initSwTrain(args: SwTrainArgs): SwTrainState {
  const lr = checkLearningRate(args.learningRate ?? 0.001);
  const seed = args.seed ?? 1;
  const testScenes = Array.from({ length: SW_TEST_SCENES }, (_, k) => windowTestScene(k));
  return {
    net: buildWindowClassifier(seed, lr),
    rand: mulberry32(seed * 7919 + 1),
    next: (seed - 1) * 100_000,
    step: 0,
    maxSteps: args.maxSteps ?? 600,
    loss: NaN,
    steps: [], losses: [], testSteps: [], accuracies: [],
    test: cropBatch(testScenes, SW_CROPS_PER_SCENE, mulberry32(17)),
    testAt: 0,
    correct: 0,
    scene: checkScene(args.scene ?? 0),
    compareDue: false,
    comparison: null,
    onePass: new Float32Array(0),
    crops: new Float32Array(0),
  };
}

const median = (v: number[]) => v.slice().sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Run the classifier over scene k both ways; timings are the median of a few runs. */
export function compareOnScene(net: WindowClassifier, k: number): { onePass: Float32Array<ArrayBufferLike>; crops: Float32Array; m: number; maxDiff: number; msCrops: number; msOnePass: number } {
  const scene = swTestScene(k);
  const n = SW_SCENE.size, m = (n - WINDOW) / WINDOW_STRIDE + 1;
  const x: Tensor = { shape: [1, n, n, 3], data: scene.image.data };
  const crop: Tensor = { shape: [1, WINDOW, WINDOW, 3], data: new Float32Array(WINDOW * WINDOW * 3) };
  const crops = new Float32Array(m * m * WINDOW_CLASSES);
  let onePass: Float32Array<ArrayBufferLike> = new Float32Array(0);
  const tCrops: number[] = [], tOne: number[] = [];
  for (let rep = 0; rep < TIMING_REPEATS; rep++) {
    let t = performance.now();
    // one forward pass per window, as a plain classifier would be run
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
      cropImage(scene.image, j * WINDOW_STRIDE, i * WINDOW_STRIDE, WINDOW, crop.data);
      crops.set(classifyCrops(net, crop).data, (i * m + j) * WINDOW_CLASSES);
    }
    tCrops.push(performance.now() - t);
    t = performance.now();
    onePass = classifyOnePass(net, x).data;
    tOne.push(performance.now() - t);
  }
  let maxDiff = 0;
  for (let i = 0; i < crops.length; i++) maxDiff = Math.max(maxDiff, Math.abs(crops[i] - onePass[i]));
  return { onePass, crops, m, maxDiff, msCrops: median(tCrops), msOnePass: median(tOne) };
}

function compare(s: SwTrainState): void {
  const r = compareOnScene(s.net, s.scene);
  const mult = windowMultiplies(SW_SCENE.size);
  s.onePass = r.onePass;
  s.crops = r.crops;
  s.comparison = {
    scene: s.scene, step: s.step, m: r.m, windows: r.m * r.m, maxDiff: r.maxDiff, msCrops: r.msCrops, msOnePass: r.msOnePass,
    multipliesCrops: mult.perCrop * mult.windows, multipliesOnePass: mult.onePass,
  };
  s.compareDue = false;
}

/** One step: a pending comparison, else a chunk of the test pass, else one training batch. */
export function stepSwTrain(s: SwTrainState): boolean {
  if (s.compareDue) {
    compare(s);
    return false;
  }
  if (s.testAt !== null) {
    const from = s.testAt, to = Math.min(from + TEST_CHUNK, s.test.labels.length);
    const size = WINDOW * WINDOW * 3;
    const p = classifyCrops(s.net, { shape: [to - from, WINDOW, WINDOW, 3], data: s.test.x.data.subarray(from * size, to * size) }).data;
    for (let i = 0; i < to - from; i++) {
      let best = 0;
      for (let k = 1; k < WINDOW_CLASSES; k++) if (p[i * WINDOW_CLASSES + k] > p[i * WINDOW_CLASSES + best]) best = k;
      if (best === s.test.labels[from + i]) s.correct++;
    }
    s.testAt = to;
    if (to < s.test.labels.length) return false;
    s.testSteps.push(s.step);
    s.accuracies.push(s.correct / s.test.labels.length);
    s.correct = 0;
    s.testAt = null;
    s.compareDue = true; // after every test, run the two passes with the current weights
    return false;
  }
  // trained: the job stays alive (the page pauses it) so another scene can be asked for
  if (s.step >= s.maxSteps) return false;
  const scenes = Array.from({ length: SW_SCENES_PER_STEP }, () => windowTrainScene(s.next++));
  const { x, labels } = cropBatch(scenes, SW_CROPS_PER_SCENE, s.rand);
  const r = trainWindowClassifier(s.net, x, labels);
  assertFiniteLoss(r.loss, s.step);
  s.loss = smoothLoss(s.loss, r.loss);
  s.step++;
  s.steps.push(s.step);
  s.losses.push(s.loss);
  if (s.step % SW_TEST_EVERY === 0 || s.step >= s.maxSteps) s.testAt = 0;
  return false;
}

export function swTrainProgress(s: SwTrainState): SwTrainProgress {
  return {
    step: s.step,
    loss: s.loss,
    accuracy: s.accuracies.length ? s.accuracies[s.accuracies.length - 1] : null,
    testCrops: s.test.labels.length,
    maxSteps: s.maxSteps,
    comparison: s.comparison,
  };
}

export const trainSlidingWindows = defineLongJob<SwTrainArgs, SwTrainState, SwTrainProgress, SwTrainSnapshot, SwTrainSettings>({
  init: initSwTrain,
  step: stepSwTrain,
  progress: swTrainProgress,
  snapshot: (s) => ({
    steps: Float32Array.from(s.steps),
    losses: Float32Array.from(s.losses),
    testSteps: Float32Array.from(s.testSteps),
    accuracies: Float32Array.from(s.accuracies),
    onePass: s.onePass.slice(),
    crops: s.crops.slice(),
  }),
  update(s, patch) {
    if (patch.scene !== undefined) {
      s.scene = checkScene(patch.scene);
      s.compareDue = true;
    }
  },
});
