// The train-region-proposals long job: region proposals for real. It trains the window
// classifier (widgets/shared/job/windowClassifier, the same one the sliding-windows lesson
// trains) on crops of 28×28 scenes, then on one held-out scene:
//   1. proposals: graph-based segmentation + selective search's greedy grouping (src/data);
//      proposals larger than the classifier's 14×14 window or thinner than 3 pixels are skipped;
//   2. R-CNN style: for each proposal, the 14×14 window centred on it (snapped to the stride-2
//      grid the classifier was trained on) is cut out and run through the WHOLE network —
//      one forward pass per proposal;
//   3. one pass (Fast R-CNN's idea): the convolution runs once over the whole scene, and each
//      proposal's window is read out of that shared feature map; only the FC head runs per region;
//   4. proposals called an object with p ≥ 0.5 keep their own box; per-class NMS (IoU 0.5).
// Both ways give the same probabilities (the job reports the largest difference) and are timed.
import { defineLongJob, assertFiniteLoss, JobError, smoothLoss } from '../../../worker/job';
import { mulberry32 } from '../../../engine/random';
import type { Box } from '../../../geometry/box';
import { nonMaxSuppressionPerClass } from '../../../geometry/nms';
import { selectiveSearch } from '../../../data/selectiveSearch';
import { cropImage } from '../../../data/windowCrops';
import {
  buildWindowClassifier, classifyCrops, classifyFeatureWindows, trainWindowClassifier, windowFeatures, WINDOW, WINDOW_BACKGROUND, WINDOW_CLASSES, WINDOW_STRIDE, type WindowClassifier,
} from '../../shared/job/windowClassifier';
import { cropBatch, WINDOW_SCENE, windowTestScene, windowTrainScene } from '../../shared/job/windowTraining';

export const RP_TRAIN_STEPS = 300;
export const RP_SCENES = 6;
export const RP_THRESHOLD = 0.5;
/** Felzenszwalb–Huttenlocher's k for these 28×28 scenes (small k: small segments, more proposals). */
export const RP_SEGMENT_K = 30;
/** Proposals thinner than this (pixels) are slivers between segments, not objects. */
export const RP_MIN_SIDE = 3;
const TIMING_REPEATS = 3;

export interface RpTrainArgs {
  seed?: number;
  trainSteps?: number;
  scene?: number;
}

export interface RpTrainSettings {
  scene: number;
}

export interface RpDetection {
  box: Box;
  classId: number;
  score: number;
}

export interface RpResult {
  scene: number;
  step: number;
  segments: number;
  /** Every distinct proposal of selective search. */
  all: Box[];
  /** The ones the classifier can judge: no larger than its 14×14 window, at least MIN_SIDE on each side. */
  proposals: Box[];
  /** Per proposal: the stride-2 window it was classified with. */
  windows: { row: number; col: number }[];
  detections: RpDetection[];
  /** Proposals called an object before NMS. */
  positives: number;
  maxDiff: number;
  msProposals: number;
  msRcnn: number;
  msOnePass: number;
}

export interface RpTrainProgress {
  step: number;
  trainSteps: number;
  loss: number;
  result: RpResult | null;
}

export interface RpTrainState {
  net: WindowClassifier;
  rand: () => number;
  next: number;
  step: number;
  trainSteps: number;
  loss: number;
  scene: number;
  due: boolean;
  result: RpResult | null;
}

function checkScene(k: unknown): number {
  if (!Number.isInteger(k) || (k as number) < 0 || (k as number) >= RP_SCENES) {
    throw new JobError('bad-setting', `scene must be a whole number from 0 to ${RP_SCENES - 1}, got ${String(k)}`, { name: 'scene', value: String(k) });
  }
  return k as number;
}

export function initRpTrain(a: RpTrainArgs): RpTrainState {
  const seed = a.seed ?? 1;
  return {
    net: buildWindowClassifier(seed, 0.001), rand: mulberry32(seed * 7919 + 1), next: (seed - 1) * 100_000,
    step: 0, trainSteps: a.trainSteps ?? RP_TRAIN_STEPS, loss: NaN, scene: checkScene(a.scene ?? 0), due: false, result: null,
  };
}

const median = (v: number[]) => v.slice().sort((x, y) => x - y)[Math.floor(v.length / 2)];

/** The stride-2 window whose centre is nearest the box's centre. */
export function windowFor(b: Box, m: number): { row: number; col: number } {
  const at = (c: number) => Math.max(0, Math.min(m - 1, Math.round((c - WINDOW / 2) / WINDOW_STRIDE)));
  return { row: at((b.y1 + b.y2) / 2), col: at((b.x1 + b.x2) / 2) };
}

/** Proposals, both ways of classifying them, and the detections on held-out scene k. */
export function proposalsOnScene(net: WindowClassifier, k: number, step: number): RpResult {
  const scene = windowTestScene(k);
  const n = WINDOW_SCENE.size, m = (n - WINDOW) / WINDOW_STRIDE + 1;
  let t = performance.now();
  const ss = selectiveSearch(scene.image, { k: RP_SEGMENT_K });
  const msProposals = performance.now() - t;
  const all = ss.proposals.map((p) => p.box);
  // the classifier sees a fixed 14×14 window: a proposal bigger than that cannot be judged whole
  const proposals = all.filter((b) => b.x2 - b.x1 <= WINDOW && b.y2 - b.y1 <= WINDOW && b.x2 - b.x1 >= RP_MIN_SIDE && b.y2 - b.y1 >= RP_MIN_SIDE);
  const windows = proposals.map((b) => windowFor(b, m));
  const P = proposals.length;
  const rcnn = new Float32Array(P * WINDOW_CLASSES);
  let fast = new Float32Array(0) as Float32Array<ArrayBufferLike>;
  const crop = { shape: [1, WINDOW, WINDOW, 3], data: new Float32Array(WINDOW * WINDOW * 3) };
  const tR: number[] = [], tF: number[] = [];
  for (let rep = 0; rep < TIMING_REPEATS; rep++) {
    t = performance.now();
    windows.forEach(({ row, col }, i) => {
      cropImage(scene.image, col * WINDOW_STRIDE, row * WINDOW_STRIDE, WINDOW, crop.data);
      rcnn.set(classifyCrops(net, crop).data, i * WINDOW_CLASSES); // the whole network, once per proposal
    });
    tR.push(performance.now() - t);
    t = performance.now();
    const map = windowFeatures(net, { shape: [1, n, n, 3], data: scene.image.data }); // one convolution pass
    fast = classifyFeatureWindows(net, map, windows).data;
    tF.push(performance.now() - t);
  }
  let maxDiff = 0;
  for (let i = 0; i < rcnn.length; i++) maxDiff = Math.max(maxDiff, Math.abs(rcnn[i] - fast[i]));
  const cand: RpDetection[] = [];
  proposals.forEach((box, i) => {
    let best = 0;
    for (let c = 1; c < WINDOW_CLASSES; c++) if (fast[i * WINDOW_CLASSES + c] > fast[i * WINDOW_CLASSES + best]) best = c;
    const p = fast[i * WINDOW_CLASSES + best];
    if (best !== WINDOW_BACKGROUND && p >= RP_THRESHOLD) cand.push({ box, classId: best, score: p });
  });
  const keep = nonMaxSuppressionPerClass(cand.map((d) => d.box), cand.map((d) => d.score), cand.map((d) => d.classId), { iouThreshold: 0.5 });
  return {
    scene: k, step, segments: ss.segmentation.count, all, proposals, windows, detections: keep.map((i) => cand[i]), positives: cand.length,
    maxDiff, msProposals, msRcnn: median(tR), msOnePass: median(tF),
  };
}

export function stepRpTrain(s: RpTrainState): boolean {
  if (s.due) {
    s.result = proposalsOnScene(s.net, s.scene, s.step);
    s.due = false;
    return false;
  }
  if (s.step >= s.trainSteps) {
    // trained: the job stays alive (the page pauses it) so another scene can be asked for
    if (!s.result) s.due = true;
    return false;
  }
  const scenes = Array.from({ length: 4 }, () => windowTrainScene(s.next++));
  const { x, labels } = cropBatch(scenes, 8, s.rand);
  const r = trainWindowClassifier(s.net, x, labels);
  assertFiniteLoss(r.loss, s.step);
  s.loss = smoothLoss(s.loss, r.loss);
  s.step++;
  return false;
}

export const trainRegionProposals = defineLongJob<RpTrainArgs, RpTrainState, RpTrainProgress, undefined, RpTrainSettings>({
  init: initRpTrain,
  step: stepRpTrain,
  progress: (s) => ({ step: s.step, trainSteps: s.trainSteps, loss: s.loss, result: s.result }),
  update(s, patch) {
    if (patch.scene !== undefined) {
      s.scene = checkScene(patch.scene);
      if (s.step >= s.trainSteps) s.due = true;
    }
  },
});
