// One training run of the detector, as plain steps the worker (or a Node test) drives:
// anchors from k-means on the training boxes, then batches of fresh training scenes, and every
// so often a pass over the held-out scenes that yields mAP@0.5 and the precision–recall curve.
import { rng, type Rng } from '../../../engine/random';
import type { Tensor } from '../../../engine/tensor';
import { DETECTION_CLASSES, scenesToBatch, trainingScene, type DetectionScene } from '../../../data/detectionScenes';
import { kMeansAnchors, type AnchorClusters, type Shape } from '../../../geometry/anchors';
import type { YoloObject } from '../../../geometry/yolo';
import type { YoloHead } from '../../../geometry/yoloHead';
import type { YoloLossParts } from '../../../geometry/yoloLoss';
import { meanAveragePrecision, type Detection, type GroundTruth, type MapResult } from '../../../geometry/map';
import { buildDetector, predictRaw, trainStep, type Detector } from './network';
import { detect } from '../../../geometry/yoloPipeline';
import { GRID, NMS_IOU, SIZE } from '../params';

/** Boxes used for the anchors' k-means. */
export const ANCHOR_SCENES = 400;
export const TEST_CHUNK = 16;
/** Training scenes are drawn from seeds 0 … TRAIN_SEEDS − 1 (the held-out ones are never among them). */
export const TRAIN_SEEDS = 400_000;
/** Detections with a score below this are not scored in mAP (they could only add points at the tail of the curve). */
export const MAP_MIN_SCORE = 0.01;

export interface SessionOptions {
  anchors: number;
  seed: number;
  learningRate: number;
  batch: number;
}

export interface Session {
  opts: SessionOptions;
  clusters: AnchorClusters;
  net: Detector;
  batches: Rng;
  step: number;
  /** running mean of the loss parts over recent batches */
  loss: YoloLossParts | null;
  test: DetectionScene[];
  testX: Float32Array;
  /** raw outputs of the last finished test pass, one image after another */
  testRaw: Float32Array;
  /** next test scene to run while a pass is under way, else null */
  testAt: number | null;
  pendingRaw: Float32Array;
  map: MapResult | null;
}

/** Boxes as fractions of the picture (what YOLO's targets use). */
export function objectsOf(scene: DetectionScene): YoloObject[] {
  const s = scene.image.width;
  return scene.objects.map((o) => ({ box: { x1: o.box.x1 / s, y1: o.box.y1 / s, x2: o.box.x2 / s, y2: o.box.y2 / s }, classId: o.classId }));
}

/** The (width, height) of every box in training scenes from..to−1, as fractions of the picture. */
export function trainingShapes(from: number, to: number): Shape[] {
  const shapes: Shape[] = [];
  for (let k = from; k < to; k++) for (const o of objectsOf(trainingScene(k))) shapes.push([o.box.x2 - o.box.x1, o.box.y2 - o.box.y1]);
  return shapes;
}

/** Build the run from the anchors' boxes and the held-out scenes (made in chunks by the job). */
export function createSession(opts: SessionOptions, shapes: readonly Shape[], test: DetectionScene[]): Session {
  const clusters = kMeansAnchors(shapes, opts.anchors, opts.seed);
  const head: YoloHead = { grid: GRID, anchors: clusters.anchors, classes: DETECTION_CLASSES.length };
  return {
    opts,
    clusters,
    net: buildDetector(head, opts.seed, opts.learningRate),
    batches: rng(opts.seed + 101),
    step: 0,
    loss: null,
    test,
    testX: scenesToBatch(test),
    testRaw: new Float32Array(0),
    testAt: null,
    pendingRaw: new Float32Array(0),
    map: null,
  };
}

const SMOOTH = 0.1;

/** Adam's step size: the chosen rate for the first DECAY_AT steps, then a third of it (the
 * noisy late steps of a batch of 8 otherwise shake mAP up and down between passes). */
export const DECAY_AT = 60;
export const learningRateAt = (lr: number, step: number): number => (step < DECAY_AT ? lr : lr / 3);

/** One training step on a batch of fresh scenes (seeds drawn from the training range). */
export function trainOnBatch(s: Session): YoloLossParts {
  s.net.opt.setLearningRate(learningRateAt(s.opts.learningRate, s.step));
  const scenes = Array.from({ length: s.opts.batch }, () => trainingScene(s.batches.int(TRAIN_SEEDS)));
  const x: Tensor = { shape: [scenes.length, SIZE, SIZE, 3], data: scenesToBatch(scenes) };
  const parts = trainStep(s.net, x, scenes.map(objectsOf));
  s.step++;
  if (Number.isFinite(parts.total)) {
    const prev = s.loss;
    s.loss = prev ? (Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, (1 - SMOOTH) * prev[k as keyof YoloLossParts] + SMOOTH * v])) as unknown as YoloLossParts) : { ...parts };
  }
  return parts;
}

/** Run the next chunk of the held-out pass; returns true when the pass just finished. */
export function testChunk(s: Session): boolean {
  const per = s.net.head.grid ** 2 * s.net.head.anchors.length * (5 + s.net.head.classes);
  if (s.testAt === null) {
    s.testAt = 0;
    s.pendingRaw = new Float32Array(per * s.test.length);
  }
  const end = Math.min(s.testAt + TEST_CHUNK, s.test.length);
  const pixels = SIZE * SIZE * 3;
  const x: Tensor = { shape: [end - s.testAt, SIZE, SIZE, 3], data: s.testX.subarray(s.testAt * pixels, end * pixels) };
  s.pendingRaw.set(predictRaw(s.net, x), s.testAt * per);
  s.testAt = end;
  if (end < s.test.length) return false;
  s.testRaw = s.pendingRaw;
  s.testAt = null;
  s.map = scoreTestSet(s.testRaw, s.test, s.net.head);
  return true;
}

/** mAP@0.5 of the network's final detections (score threshold MAP_MIN_SCORE, per-class NMS at 0.5). */
export function scoreTestSet(raw: Float32Array, scenes: readonly DetectionScene[], head: YoloHead): MapResult {
  const per = head.grid ** 2 * head.anchors.length * (5 + head.classes);
  const dets: Detection[] = [];
  const gts: GroundTruth[] = [];
  scenes.forEach((scene, image) => {
    for (const o of objectsOf(scene)) gts.push({ image, box: o.box, classId: o.classId });
    for (const d of detect(raw, head, image * per, MAP_MIN_SCORE, NMS_IOU).final) dets.push({ image, box: d.box, score: d.score, classId: d.classId });
  });
  return meanAveragePrecision(dets, gts, head.classes, 0.5);
}
