// Anchor shapes from the training boxes (YOLOv2): k-means on the boxes' (width, height) with
// the distance d(box, anchor) = 1 − IoU(box, anchor), both centred on the same point, so a big
// box is not "far" from a big anchor just because its numbers are large (Euclidean distance
// would be). Each step assigns every box to its nearest anchor, then moves each anchor to the
// mean width and height of its boxes, until nothing changes.
import { mulberry32 } from '../engine/random';
import { shapeIou } from './yolo';

export type Shape = [width: number, height: number];

export interface AnchorClusters {
  /** k anchor shapes, smallest area first. */
  anchors: Shape[];
  /** For each box, the index of its anchor (in the sorted order). */
  assignment: Int32Array;
  /** Mean over the boxes of the IoU with their anchor (higher is better). */
  meanIou: number;
  iterations: number;
}

function nearest(s: Shape, anchors: readonly Shape[]): { index: number; iou: number } {
  let index = 0, best = -1;
  anchors.forEach((a, k) => {
    const v = shapeIou(s[0], s[1], a[0], a[1]);
    if (v > best) [best, index] = [v, k];
  });
  return { index, iou: best };
}

/**
 * k-means with the 1 − IoU distance. Seeded k-means++ start: each next centre is a box drawn
 * with probability ∝ its distance to the nearest chosen centre, so the start is spread out.
 */
export function kMeansAnchors(shapes: readonly Shape[], k: number, seed = 1, maxIterations = 100): AnchorClusters {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`kMeansAnchors: k must be a whole number ≥ 1, got ${k}`);
  if (shapes.length < k) throw new RangeError(`kMeansAnchors: ${shapes.length} boxes cannot make ${k} clusters`);
  const rand = mulberry32(seed);
  let anchors: Shape[] = [shapes[Math.floor(rand() * shapes.length)]];
  while (anchors.length < k) {
    const d = shapes.map((s) => 1 - nearest(s, anchors).iou);
    const total = d.reduce((a, b) => a + b, 0);
    let r = rand() * total, i = 0;
    while (i < shapes.length - 1 && r >= d[i]) r -= d[i++];
    anchors.push(shapes[i]);
  }
  anchors = anchors.map((a) => [a[0], a[1]]);
  const assignment = new Int32Array(shapes.length).fill(-1);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = false;
    shapes.forEach((s, i) => {
      const { index } = nearest(s, anchors);
      if (index !== assignment[i]) [assignment[i], changed] = [index, true];
    });
    if (!changed) break;
    anchors = anchors.map((a, c) => {
      let w = 0, h = 0, n = 0;
      shapes.forEach((s, i) => {
        if (assignment[i] === c) [w, h, n] = [w + s[0], h + s[1], n + 1];
      });
      return n > 0 ? [w / n, h / n] : a; // an empty cluster keeps its centre
    });
  }
  // smallest first; the assignment is recomputed against the final, sorted anchors
  const order = anchors.map((_, c) => c).sort((a, b) => anchors[a][0] * anchors[a][1] - anchors[b][0] * anchors[b][1]);
  const sorted = order.map((c) => anchors[c]);
  let sum = 0;
  const finalAssignment = new Int32Array(shapes.length);
  shapes.forEach((s, i) => {
    const n = nearest(s, sorted);
    finalAssignment[i] = n.index;
    sum += n.iou;
  });
  return { anchors: sorted, assignment: finalAssignment, meanIou: sum / shapes.length, iterations };
}
