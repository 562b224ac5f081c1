// The yolo-lab long job. First, in chunks: the boxes of ANCHOR_SCENES training scenes (for the
// anchors' k-means) and the TEST_COUNT held-out scenes. Then each step trains on one batch of
// fresh scenes; every TEST_EVERY steps a held-out pass runs, a chunk per step, and gives
// mAP@0.5, the precision–recall curves and the raw outputs of every held-out scene (the page
// runs the inference pipeline on the scene the student picks).
import { defineLongJob, JobError } from '../../../worker/job';
import { checkLearningRate } from '../../../worker/checks';
import { detectionScene, TEST_SEED_BASE, type DetectionScene } from '../../../data/detectionScenes';
import type { Shape } from '../../../geometry/anchors';
import type { YoloLossParts } from '../../../geometry/yoloLoss';
import { createSession, testChunk, trainOnBatch, trainingShapes, ANCHOR_SCENES, type Session } from './session';
import { ANCHOR_CHOICES, TEST_COUNT } from '../params';

export const TEST_EVERY = 10;
const PREP_CHUNK = 25;

export interface YoloLabArgs {
  anchors: number;
  seed?: number; // default 1
  learningRate?: number; // default 0.003 (Adam)
  batch?: number; // default 8
  /** Stop (done) after this many steps. Default 3,000. */
  maxSteps?: number;
}

export interface YoloLabProgress {
  status: 'preparing' | 'training';
  /** share of the preparation done (scenes generated) */
  prepared: number;
  step: number;
  /** seconds spent in training steps (the worker's clock; held-out passes are not training) */
  seconds: number;
  /** seconds spent scoring the held-out scenes */
  testSeconds: number;
  /** the loss and its parts, smoothed over recent batches; null before the first step */
  loss: YoloLossParts | null;
  /** mAP@0.5 on the held-out scenes after the last pass; null before it */
  map50: number | null;
  /** the step the last held-out pass was made at */
  testedAt: number | null;
}

export interface YoloLabSnapshot {
  /** anchors as [w, h, w, h, …] (fractions of the picture), smallest first; empty before k-means */
  anchors: Float32Array;
  anchorMeanIou: number;
  /** the boxes' shapes [w, h, …] the anchors were fitted to, and each one's anchor */
  shapes: Float32Array;
  shapeAnchor: Int32Array;
  lossSteps: Float32Array;
  loss: Float32Array;
  mapSteps: Float32Array;
  map: Float32Array;
  /** per class: AP and the precision–recall curve of the last held-out pass */
  ap: Float32Array;
  prRecall: Float32Array[];
  prPrecision: Float32Array[];
  /** raw outputs of every held-out scene from the last pass; empty when unchanged since the last snapshot */
  testRaw: Float32Array;
  testedAt: number;
}

export interface YoloLabState {
  args: Required<YoloLabArgs>;
  shapes: Shape[];
  scenesDone: number;
  test: DetectionScene[];
  session: Session | null;
  seconds: number;
  testSeconds: number;
  lossSteps: number[];
  losses: number[];
  mapSteps: number[];
  maps: number[];
  /** a held-out pass is due before the next training step */
  testDue: boolean;
  /** the last pass's raw outputs still have to go to the page */
  rawPending: boolean;
}

export function initYoloLab(a: YoloLabArgs): YoloLabState {
  if (!(ANCHOR_CHOICES as readonly string[]).includes(String(a.anchors))) {
    throw new JobError('bad-setting', `anchors must be one of ${ANCHOR_CHOICES.join(', ')}, got ${a.anchors}`, { name: 'anchors', value: String(a.anchors) });
  }
  const args = { seed: 1, learningRate: 0.003, batch: 8, maxSteps: 3000, ...a };
  checkLearningRate(args.learningRate);
  return { args, shapes: [], scenesDone: 0, test: [], session: null, seconds: 0, testSeconds: 0, lossSteps: [], losses: [], mapSteps: [], maps: [], testDue: false, rawPending: false };
}

/** The preparation in chunks (so pause and cancel stay quick); true once the session exists. */
function prepare(s: YoloLabState): boolean {
  if (s.scenesDone < ANCHOR_SCENES) {
    const end = Math.min(ANCHOR_SCENES, s.scenesDone + PREP_CHUNK);
    s.shapes.push(...trainingShapes(s.scenesDone, end));
    s.scenesDone = end;
  } else if (s.test.length < TEST_COUNT) {
    const from = s.test.length;
    for (let k = from; k < Math.min(TEST_COUNT, from + PREP_CHUNK); k++) s.test.push(detectionScene(TEST_SEED_BASE + k));
  } else {
    s.session = createSession({ anchors: s.args.anchors, seed: s.args.seed, learningRate: s.args.learningRate, batch: s.args.batch }, s.shapes, s.test);
    s.testDue = true; // score the untrained network too: the curve starts near 0
  }
  return s.session !== null;
}

export function stepYoloLab(s: YoloLabState): boolean {
  if (!s.session) {
    prepare(s);
    return false;
  }
  const run = s.session;
  if (run.testAt !== null || s.testDue) {
    const t0 = performance.now();
    s.testDue = false;
    const finished = testChunk(run);
    s.testSeconds += (performance.now() - t0) / 1000;
    if (!finished) return false;
    s.mapSteps.push(run.step);
    s.maps.push(run.map!.map);
    s.rawPending = true;
    return run.step >= s.args.maxSteps;
  }
  const t0 = performance.now();
  const parts = trainOnBatch(run);
  s.seconds += (performance.now() - t0) / 1000;
  if (!Number.isFinite(parts.total)) {
    throw new JobError('non-finite-loss', `The loss became ${parts.total} at step ${run.step}: training diverged (try a smaller learning rate).`, { loss: String(parts.total), step: run.step });
  }
  s.lossSteps.push(run.step);
  s.losses.push(run.loss!.total);
  // a held-out pass every TEST_EVERY steps, and one at the end (which then finishes the job)
  s.testDue = run.step % TEST_EVERY === 0 || run.step >= s.args.maxSteps;
  return false;
}

const EMPTY = new Float32Array(0);

export const yoloLab = defineLongJob<YoloLabArgs, YoloLabState, YoloLabProgress, YoloLabSnapshot>({
  init: initYoloLab,
  step: stepYoloLab,
  progress: (s) => ({
    status: s.session ? 'training' : 'preparing',
    prepared: (s.scenesDone + s.test.length) / (ANCHOR_SCENES + TEST_COUNT),
    step: s.session?.step ?? 0,
    seconds: s.seconds,
    testSeconds: s.testSeconds,
    loss: s.session?.loss ? { ...s.session.loss } : null,
    map50: s.maps.length ? s.maps[s.maps.length - 1] : null,
    testedAt: s.mapSteps.length ? s.mapSteps[s.mapSteps.length - 1] : null,
  }),
  snapshot(s) {
    const run = s.session;
    const map = run?.map ?? null;
    // the held-out raw outputs (~150k numbers) travel once per pass, not at screen rate
    const sendRaw = s.rawPending && run !== null;
    s.rawPending = false;
    return {
      anchors: run ? Float32Array.from(run.clusters.anchors.flat()) : EMPTY.slice(),
      anchorMeanIou: run?.clusters.meanIou ?? NaN,
      shapes: run ? Float32Array.from(s.shapes.flat()) : EMPTY.slice(),
      shapeAnchor: run ? Int32Array.from(run.clusters.assignment) : new Int32Array(0),
      lossSteps: Float32Array.from(s.lossSteps),
      loss: Float32Array.from(s.losses),
      mapSteps: Float32Array.from(s.mapSteps),
      map: Float32Array.from(s.maps),
      ap: Float32Array.from(map?.perClass.map((c) => c.ap) ?? []),
      prRecall: map?.perClass.map((c) => Float32Array.from(c.curve.map((p) => p.recall))) ?? [],
      prPrecision: map?.perClass.map((c) => Float32Array.from(c.curve.map((p) => p.precision))) ?? [],
      testRaw: sendRaw ? run.testRaw.slice() : EMPTY.slice(),
      testedAt: s.mapSteps.length ? s.mapSteps[s.mapSteps.length - 1] : -1,
    };
  },
});
