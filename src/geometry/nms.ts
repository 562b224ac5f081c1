// Non-max suppression (course §28), per class:
//   1. discard every box with score ≤ scoreThreshold;
//   2. while boxes remain: take the highest-scoring one, output it, and discard every
//      remaining box whose IoU with it is ≥ iouThreshold.
// Returns the kept indices, best first. Ties in score keep the lower index first.
import type { Box } from './box';
import { iou, iouFlat } from './iou';

export interface NmsOptions {
  iouThreshold?: number;
  scoreThreshold?: number;
  maxOutput?: number;
}

/** Indices with score > threshold, sorted by score descending (stable). */
function candidates(scores: ArrayLike<number>, scoreThreshold: number): Int32Array {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] > scoreThreshold) idx.push(i);
  idx.sort((a, b) => scores[b] - scores[a] || a - b);
  return Int32Array.from(idx);
}

function checkInputs(n: number, scores: ArrayLike<number>, iouThreshold: number): void {
  if (scores.length !== n) throw new RangeError(`nonMaxSuppression: ${n} boxes but ${scores.length} scores`);
  if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
    throw new RangeError(`nonMaxSuppression: iouThreshold must be in [0, 1], got ${iouThreshold}`);
  }
}

/**
 * Greedy NMS on flat corners [x1, y1, x2, y2, …] (n boxes). The fast path: typed arrays,
 * areas computed once, and a kept box suppresses forward so each pair is compared at most once.
 */
export function nonMaxSuppressionFlat(corners: Float32Array | Float64Array, scores: ArrayLike<number>, opts: NmsOptions = {}): number[] {
  const { iouThreshold = 0.5, scoreThreshold = -Infinity, maxOutput = Infinity } = opts;
  const n = corners.length / 4;
  checkInputs(n, scores, iouThreshold);
  const areas = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    areas[i] = Math.max(0, corners[4 * i + 2] - corners[4 * i]) * Math.max(0, corners[4 * i + 3] - corners[4 * i + 1]);
  }
  const order = candidates(scores, scoreThreshold);
  const suppressed = new Uint8Array(order.length);
  const kept: number[] = [];
  for (let a = 0; a < order.length && kept.length < maxOutput; a++) {
    if (suppressed[a]) continue;
    const i = order[a];
    kept.push(i);
    for (let b = a + 1; b < order.length; b++) {
      if (!suppressed[b] && iouFlat(corners, areas, i, order[b]) >= iouThreshold) suppressed[b] = 1;
    }
  }
  return kept;
}

export function boxesToFlat(boxes: readonly Box[]): Float64Array {
  const c = new Float64Array(boxes.length * 4);
  boxes.forEach((b, i) => c.set([b.x1, b.y1, b.x2, b.y2], 4 * i));
  return c;
}

export function nonMaxSuppression(boxes: readonly Box[], scores: ArrayLike<number>, opts: NmsOptions = {}): number[] {
  return nonMaxSuppressionFlat(boxesToFlat(boxes), scores, opts);
}

/** NMS run separately for each class (boxes of different classes never suppress each other). */
export function nonMaxSuppressionPerClass(
  boxes: readonly Box[],
  scores: ArrayLike<number>,
  classes: ArrayLike<number>,
  opts: NmsOptions = {},
): number[] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < boxes.length; i++) {
    const list = byClass.get(classes[i]) ?? [];
    list.push(i);
    byClass.set(classes[i], list);
  }
  const kept: number[] = [];
  for (const idx of byClass.values()) {
    const sub = nonMaxSuppression(idx.map((i) => boxes[i]), idx.map((i) => scores[i]), { ...opts, maxOutput: Infinity });
    for (const k of sub) kept.push(idx[k]);
  }
  kept.sort((a, b) => scores[b] - scores[a] || a - b);
  return kept.slice(0, opts.maxOutput ?? Infinity);
}

/** One event of the algorithm, for stepping through it in a lesson. */
export type NmsEvent =
  | { kind: 'low-score'; index: number; score: number }
  | { kind: 'keep'; index: number }
  | { kind: 'suppress'; index: number; by: number; iou: number };

/**
 * The same algorithm as a list of events, per class in order of class id: first the low-score
 * discards, then keep / suppress decisions. Replaying the events reproduces nonMaxSuppressionPerClass.
 */
export function nmsTrace(
  boxes: readonly Box[],
  scores: ArrayLike<number>,
  classes: ArrayLike<number>,
  opts: NmsOptions = {},
): NmsEvent[] {
  const { iouThreshold = 0.5, scoreThreshold = -Infinity } = opts;
  checkInputs(boxes.length, scores, iouThreshold);
  const events: NmsEvent[] = [];
  const classIds = [...new Set(Array.from(classes))].sort((a, b) => a - b);
  for (const c of classIds) {
    const members: number[] = [];
    for (let i = 0; i < boxes.length; i++) {
      if (classes[i] !== c) continue;
      if (scores[i] > scoreThreshold) members.push(i);
      else events.push({ kind: 'low-score', index: i, score: scores[i] });
    }
    members.sort((a, b) => scores[b] - scores[a] || a - b);
    const alive = new Set(members);
    for (const i of members) {
      if (!alive.has(i)) continue;
      alive.delete(i);
      events.push({ kind: 'keep', index: i });
      for (const j of members) {
        if (!alive.has(j)) continue;
        const v = iou(boxes[i], boxes[j]);
        if (v >= iouThreshold) {
          alive.delete(j);
          events.push({ kind: 'suppress', index: j, by: i, iou: v });
        }
      }
    }
  }
  return events;
}
