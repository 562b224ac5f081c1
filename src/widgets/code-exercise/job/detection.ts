// Graders for the detection exercises: IoU, non-max suppression and YOLO's score filter,
// answered by the geometry module (iou, nonMaxSuppression, yoloFilterBoxes).
import { iou as iouBoxes, nonMaxSuppression as nms, yoloFilterBoxes as filterBoxes } from '../../../geometry/index';
import type { Box } from '../../../geometry/box';
import type { Rng } from '../../../engine/random';
import { defineGrader, type Mistake } from './types';
import { drawInt, fromNested, randNested, type Json } from './nested';

type Corners = [number, number, number, number];
const box = ([x1, y1, x2, y2]: Corners): Box => ({ x1, y1, x2, y2 });
const round2 = (v: number) => Math.round(v * 100) / 100;

/** A box of sides in `side` around (cx, cy), coordinates to two decimals. */
function drawBox(r: Rng, cx: number, cy: number, side: [number, number]): Corners {
  const w = r.uniform(side[0], side[1]), h = r.uniform(side[0], side[1]);
  return [round2(cx - w / 2), round2(cy - h / 2), round2(cx + w / 2), round2(cy + h / 2)];
}

/** IoU computed the ways students get it wrong. */
function iouVariant([a, b]: Corners[], kind: 'noClamp' | 'unionPlusIntersection'): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  const areaA = (a[2] - a[0]) * (a[3] - a[1]), areaB = (b[2] - b[0]) * (b[3] - b[1]);
  if (kind === 'noClamp') return (w * h) / (areaA + areaB - w * h);
  const inter = Math.max(w, 0) * Math.max(h, 0);
  return inter / (areaA + areaB);
}

export const iou = defineGrader({
  args: ['box1', 'box2'],
  ranges: { side: { default: [1, 5], min: 1, max: 8 } },
  // The course's four checks: overlapping, disjoint, touching at a corner, touching along an edge.
  examples: () => [
    { args: [[2, 1, 4, 3], [1, 2, 3, 4]], dims: { case: 'overlap' } },
    { args: [[1, 2, 3, 4], [5, 6, 7, 8]], dims: { case: 'disjoint' } },
    { args: [[1, 1, 2, 2], [2, 2, 3, 3]], dims: { case: 'corner' } },
    { args: [[1, 1, 3, 3], [2, 3, 3, 4]], dims: { case: 'edge' } },
  ],
  random(r, g) {
    const a = drawBox(r, r.uniform(3, 7), r.uniform(3, 7), g.side as [number, number]);
    const b = drawBox(r, r.uniform(1, 9), r.uniform(1, 9), g.side as [number, number]);
    return { args: [a, b], dims: { case: 'random' } };
  },
  reference: ([a, b]) => iouBoxes(box(a as Corners), box(b as Corners)),
  mistakes: (args) => [
    { hint: 'clampIou', value: iouVariant(args as Corners[], 'noClamp') },
    { hint: 'union', value: iouVariant(args as Corners[], 'unionPlusIntersection') },
  ],
  fallbackHint: 'iou',
});

/** Greedy NMS the ways students get it wrong (boxes as corners lists). */
function nmsVariant(boxes: Corners[], scores: number[], t: number, kind: 'unsorted' | 'againstAll' | 'keepOverlaps'): number[] {
  const order = boxes.map((_, i) => i);
  if (kind !== 'unsorted') order.sort((a, b) => scores[b] - scores[a] || a - b);
  const kept: number[] = [];
  const seen: number[] = [];
  for (const i of order) {
    const over = (j: number) => iouBoxes(box(boxes[i]), box(boxes[j])) >= t;
    const ok = kind === 'keepOverlaps' ? kept.every(over) : !(kind === 'againstAll' ? seen : kept).some(over);
    if (ok) kept.push(i);
    seen.push(i);
  }
  return kept;
}

export const nonMaxSuppression = defineGrader({
  args: ['boxes', 'scores', 'iouThreshold'],
  ranges: { boxes: { default: [4, 8], min: 2, max: 12 }, objects: { default: [1, 3], min: 1, max: 4 } },
  examples: () => [
    {
      // Two cars seen twice each and a lone pedestrian: keep one box per object.
      args: [[[1, 1, 5, 5], [1.5, 1, 5.5, 5], [6, 6, 9, 9], [6.2, 6.1, 9.2, 9], [1, 6, 3, 8]], [0.9, 0.75, 0.8, 0.6, 0.7], 0.5],
      dims: { boxes: 5, iouThreshold: 0.5 },
    },
  ],
  random(r, g) {
    const n = drawInt(r, g.boxes), k = drawInt(r, g.objects);
    const centres = Array.from({ length: k }, () => [r.uniform(2, 8), r.uniform(2, 8)]);
    const boxes = Array.from({ length: n }, (_, i) => {
      const [cx, cy] = centres[i % k];
      return drawBox(r, cx + r.uniform(-1, 1), cy + r.uniform(-1, 1), [2, 4]);
    });
    const scores = r.shuffle(Array.from({ length: n }, (_, i) => round2(0.3 + (0.65 * (i + 1)) / n)));
    const t = [0.3, 0.4, 0.5, 0.6][r.int(4)];
    return { args: [boxes, scores, t], dims: { boxes: n, iouThreshold: t } };
  },
  reference: ([b, s, t]) => nms((b as Corners[]).map(box), s as number[], { iouThreshold: t as number }),
  mistakes([b, s, t]) {
    const args = [b as Corners[], s as number[], t as number] as const;
    return [
      { hint: 'sortScores', value: nmsVariant(...args, 'unsorted') },
      { hint: 'suppressedCompare', value: nmsVariant(...args, 'againstAll') },
      { hint: 'iouCompare', value: nmsVariant(...args, 'keepOverlaps') },
    ];
  },
  fallbackHint: 'nonMaxSuppression',
});

function filterOutput(conf: Json, boxes: Json, probs: Json, t: number, ignoreConfidence = false): Json {
  const c = fromNested(conf), b = fromNested(boxes), p = fromNested(probs);
  const classes = p.shape[p.shape.length - 1];
  const pc = ignoreConfidence ? c.data.map(() => 1) : c.data;
  const kept = filterBoxes(pc, p.data, classes, t);
  return {
    scores: kept.map((k) => k.score),
    boxes: kept.map((k) => Array.from(b.data.subarray(k.slot * 4, k.slot * 4 + 4))),
    classes: kept.map((k) => k.classId),
  };
}

export const yoloFilterBoxes = defineGrader({
  args: ['box_confidence', 'boxes', 'box_class_probs', 'threshold'],
  ranges: { S: { default: [1, 3], min: 1, max: 4 }, A: { default: [1, 3], min: 1, max: 3 }, C: { default: [2, 4], min: 2, max: 5 } },
  examples: () => [
    {
      // A 1×2 grid with 2 anchors and 3 classes: one confident car, one unsure box, two empty slots.
      args: [
        [[[[0.9], [0.2]], [[0.6], [0.1]]]],
        [[[[0.1, 0.2, 0.4, 0.5], [0.2, 0.2, 0.3, 0.3]], [[0.5, 0.5, 0.9, 0.8], [0.6, 0.1, 0.7, 0.2]]]],
        [[[[0.1, 0.8, 0.1], [0.3, 0.3, 0.4]], [[0.7, 0.2, 0.1], [0.5, 0.25, 0.25]]]],
        0.4,
      ],
      dims: { S: '1×2', A: 2, C: 3, threshold: 0.4 },
    },
  ],
  random(r, g) {
    const S = drawInt(r, g.S), A = drawInt(r, g.A), C = drawInt(r, g.C);
    const conf = randNested(r, [S, S, A, 1], 0, 1);
    const boxes = randNested(r, [S, S, A, 4], 0, 1);
    // Class probabilities that sum to one per slot, as a softmax gives (two decimals).
    const normalise = (x: Json): Json => {
      const row = x as Json[];
      if (Array.isArray(row[0])) return row.map(normalise);
      const sum = (row as number[]).reduce((a, v) => a + v, 0);
      return (row as number[]).map((v) => round2(v / sum));
    };
    const probs = normalise(randNested(r, [S, S, A, C], 0.05, 1));
    const t = [0.2, 0.3, 0.4][r.int(3)];
    return { args: [conf, boxes, probs, t], dims: { S, A, C, threshold: t } };
  },
  reference: ([c, b, p, t]) => filterOutput(c, b, p, t as number),
  mistakes([c, b, p, t]): Mistake[] {
    return [{ hint: 'multiplyConfidence', value: filterOutput(c, b, p, t as number, true) }];
  },
  fallbackHint: 'yoloFilterBoxes',
});
