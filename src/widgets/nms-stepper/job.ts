// Non-max suppression jobs (course §28).
//
// nms-large: NMS on n random boxes (10,000 in the lesson) with the typed-array fast path,
//   timed INSIDE the worker (performance.now around nonMaxSuppressionFlat only: drawing the
//   random boxes is not part of NMS), so the page's main thread stays free meanwhile.
// nms-scene: the seeded detection scene the stepper shows (objects of 2–3 classes and a cloud
//   of jittered candidate boxes with scores). It lives here because widgets may not import
//   data/ or the RNG; it is tiny, so it costs one round trip.
import { mulberry32 } from '../../engine/random';
import { nonMaxSuppressionFlat } from '../../geometry/nms';
import { randomBoxes } from '../../data/scenes';
import { defineRequest, JobError } from '../../worker/job';

export interface NmsLargeArgs {
  n: number;
  seed: number;
  iouThreshold: number;
  scoreThreshold: number;
}

export interface NmsLargeResult {
  n: number;
  /** Boxes with score > scoreThreshold (the ones NMS compares). */
  candidates: number;
  kept: number;
  /** Milliseconds of NMS itself, measured in the worker. */
  ms: number;
}

export const NMS_LARGE_MAX = 100_000;

export function runNmsLarge(a: NmsLargeArgs): NmsLargeResult {
  if (!Number.isInteger(a.n) || a.n < 1 || a.n > NMS_LARGE_MAX) {
    throw new JobError('nms-n', `n must be a whole number from 1 to ${NMS_LARGE_MAX}, got ${a.n}`, { n: a.n, max: NMS_LARGE_MAX });
  }
  const { corners, scores } = randomBoxes(a.n, mulberry32(a.seed));
  let candidates = 0;
  for (let i = 0; i < a.n; i++) if (scores[i] > a.scoreThreshold) candidates++;
  const t0 = performance.now();
  const kept = nonMaxSuppressionFlat(corners, scores, { iouThreshold: a.iouThreshold, scoreThreshold: a.scoreThreshold });
  const ms = performance.now() - t0;
  return { n: a.n, candidates, kept: kept.length, ms };
}

export const nmsLarge = defineRequest(runNmsLarge);
