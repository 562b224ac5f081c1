import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  area, iou, iouParts, nonMaxSuppression, nonMaxSuppressionPerClass, nmsTrace, tripletLoss, tripletLossOne,
  tripletKind, squaredDistance, yoloEncode, yoloDecodeSlot, yoloOutputSize, siameseProbability, chiSquaredFeature,
  type Box,
} from '../../src/geometry';

const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });
const arbBox = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }))
  .map(([x, y, w, h]) => box(x, y, x + w, y + h));

describe('IoU', () => {
  it('matches the course-style worked example: (2,1,4,3) and (1,2,3,4) → 1/7', () => {
    // intersection (2,2)-(3,3) = 1; union 4 + 4 − 1 = 7
    expect(iou(box(2, 1, 4, 3), box(1, 2, 3, 4))).toBeCloseTo(1 / 7, 12);
    const p = iouParts(box(2, 1, 4, 3), box(1, 2, 3, 4));
    expect([p.interArea, p.unionArea]).toEqual([1, 7]);
  });
  it('is 0 for touching and for disjoint boxes', () => {
    expect(iou(box(0, 0, 2, 2), box(2, 0, 4, 2))).toBe(0);
    expect(iou(box(0, 0, 2, 2), box(2, 2, 4, 4))).toBe(0);
    expect(iou(box(0, 0, 1, 1), box(5, 5, 6, 6))).toBe(0);
  });
  it('is the area ratio for a box inside another', () => {
    expect(iou(box(0, 0, 4, 4), box(1, 1, 3, 3))).toBeCloseTo(4 / 16, 12);
  });
  it('treats inverted corners as an empty box', () => {
    expect(area(box(3, 0, 1, 2))).toBe(0);
    expect(iou(box(3, 0, 1, 2), box(0, 0, 5, 5))).toBe(0);
  });
  it('is symmetric, in [0, 1], and 1 for a box with itself', () => {
    fc.assert(
      fc.property(arbBox, arbBox, (a, b) => {
        const v = iou(a, b);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(iou(b, a)).toBe(v);
        expect(iou(a, a)).toBe(1);
      }),
    );
  });
});

/** Brute-force reference: the course's loop written as plainly as possible. */
function referenceNms(boxes: Box[], scores: number[], t: number, s: number): number[] {
  let remaining = boxes.map((_, i) => i).filter((i) => scores[i] > s);
  const out: number[] = [];
  while (remaining.length) {
    let best = remaining[0];
    for (const i of remaining) if (scores[i] > scores[best] || (scores[i] === scores[best] && i < best)) best = i;
    out.push(best);
    remaining = remaining.filter((i) => i !== best && iou(boxes[i], boxes[best]) < t);
  }
  return out;
}

describe('non-max suppression', () => {
  it('keeps one box per object in a small scene', () => {
    const boxes = [box(0, 0, 10, 10), box(1, 1, 11, 11), box(20, 20, 30, 30), box(21, 20, 31, 30), box(0, 0, 10, 10)];
    const scores = [0.9, 0.8, 0.7, 0.95, 0.5];
    expect(nonMaxSuppression(boxes, scores, { iouThreshold: 0.5, scoreThreshold: 0.6 })).toEqual([3, 0]);
  });
  const scene = fc
    .array(fc.tuple(arbBox, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2 })), { minLength: 0, maxLength: 40 })
    .map((rows) => ({ boxes: rows.map((r) => r[0]), scores: rows.map((r) => r[1] / 100), classes: rows.map((r) => r[2]) }));
  it('agrees with a brute-force reference, keeps a subset, best first, no kept pair ≥ threshold', () => {
    fc.assert(
      fc.property(scene, fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), ({ boxes, scores }, t, s) => {
        const kept = nonMaxSuppression(boxes, scores, { iouThreshold: t, scoreThreshold: s });
        expect(kept).toEqual(referenceNms(boxes, scores, t, s));
        expect(new Set(kept).size).toBe(kept.length);
        for (let i = 1; i < kept.length; i++) expect(scores[kept[i - 1]]).toBeGreaterThanOrEqual(scores[kept[i]]);
        for (const i of kept) expect(scores[i]).toBeGreaterThan(s);
        for (const i of kept) for (const j of kept) if (i !== j) expect(iou(boxes[i], boxes[j])).toBeLessThan(t);
      }),
      { numRuns: 200 },
    );
  });
  it('per class: boxes of different classes never suppress each other, and the trace replays it', () => {
    fc.assert(
      fc.property(scene, ({ boxes, scores, classes }) => {
        const kept = nonMaxSuppressionPerClass(boxes, scores, classes, { iouThreshold: 0.5, scoreThreshold: 0.3 });
        for (const c of [0, 1, 2]) {
          const idx = boxes.map((_, i) => i).filter((i) => classes[i] === c);
          const ref = referenceNms(idx.map((i) => boxes[i]), idx.map((i) => scores[i]), 0.5, 0.3).map((k) => idx[k]);
          expect(kept.filter((i) => classes[i] === c)).toEqual(ref);
        }
        const trace = nmsTrace(boxes, scores, classes, { iouThreshold: 0.5, scoreThreshold: 0.3 });
        const keptByTrace = trace.filter((e) => e.kind === 'keep').map((e) => e.index);
        expect(new Set(keptByTrace)).toEqual(new Set(kept));
        expect(trace.length).toBe(boxes.length); // every box gets exactly one decision
      }),
      { numRuns: 150 },
    );
  });
  it('rejects mismatched inputs with a message', () => {
    expect(() => nonMaxSuppression([box(0, 0, 1, 1)], [0.5, 0.2])).toThrow(/1 boxes but 2 scores/);
  });
});

describe('triplet loss', () => {
  it('computes max(‖A−P‖² − ‖A−N‖² + α, 0) on small cases by hand', () => {
    // d(A,P) = 1, d(A,N) = 4: 1 − 4 + 0.2 < 0 → 0 (easy)
    expect(tripletLossOne([0, 0], [1, 0], [2, 0], 0.2)).toBe(0);
    // d(A,P) = 4, d(A,N) = 1: 4 − 1 + 0.2 = 3.2 (hard)
    expect(tripletLossOne([0, 0], [2, 0], [1, 0], 0.2)).toBeCloseTo(3.2, 12);
    // d(A,P) = 1, d(A,N) = 1.09: 1 − 1.09 + 0.2 = 0.11 (semi-hard)
    expect(tripletLossOne([0, 0], [1, 0], [1, 0.3], 0.2)).toBeCloseTo(0.11, 12);
    expect(tripletLoss([[0, 0], [0, 0]], [[2, 0], [1, 0]], [[1, 0], [1, 0.3]], 0.2)).toBeCloseTo(3.31, 12);
  });
  it('classifies triplets: hard when d(A,N) ≤ d(A,P), semi-hard inside the margin, else easy', () => {
    expect(tripletKind(4, 1, 0.2)).toBe('hard');
    expect(tripletKind(1, 1, 0.2)).toBe('hard');
    expect(tripletKind(1, 1.1, 0.2)).toBe('semi-hard');
    expect(tripletKind(1, 1.5, 0.2)).toBe('easy');
  });
  it('is never negative and zero exactly for easy triplets', () => {
    const vec = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(vec, vec, vec, fc.double({ min: 0, max: 1, noNaN: true }), (a, p, n, alpha) => {
        const l = tripletLossOne(a, p, n, alpha);
        expect(l).toBeGreaterThanOrEqual(0);
        const kind = tripletKind(squaredDistance(a, p), squaredDistance(a, n), alpha);
        if (kind === 'easy') expect(l).toBe(0);
      }),
    );
  });
  it('siamese binary form and χ² feature', () => {
    expect(siameseProbability([1, 2], [1, 2], [1, 1], 0)).toBe(0.5);
    expect(siameseProbability([0, 0], [1, 1], [-2, -2], 0)).toBeCloseTo(1 / (1 + Math.exp(4)), 12);
    expect(chiSquaredFeature(3, 1)).toBe(1);
    expect(chiSquaredFeature(0, 0)).toBe(0);
  });
});

describe('YOLO target encoding', () => {
  it('has the course sizes: 3×3×2×8 = 144 (3×3×16) and COCO 19×19×5×85', () => {
    expect(yoloOutputSize(3, 2, 3)).toBe(3 * 3 * 16);
    expect(yoloOutputSize(19, 5, 80)).toBe(19 * 19 * 5 * 85);
  });
  it('assigns an object to its midpoint cell and its best-shaped anchor, and decodes back', () => {
    // a tall pedestrian-like box centred in the middle cell, anchors: tall and wide
    const person: Box = box(0.45, 0.3, 0.55, 0.65);
    const car: Box = box(0.7, 0.75, 0.95, 0.85);
    const cfg = { grid: 3, anchors: [[0.1, 0.35], [0.25, 0.1]] as Array<[number, number]>, classes: 3 };
    const { target, assignments, collisions } = yoloEncode([{ box: person, classId: 0 }, { box: car, classId: 2 }], cfg);
    expect(collisions).toEqual([]);
    expect(assignments[0]).toMatchObject({ row: 1, col: 1, anchor: 0 });
    expect(assignments[1]).toMatchObject({ row: 2, col: 2, anchor: 1 });
    const slot = ((1 * 3 + 1) * 2 + 0) * 8;
    expect(Array.from(target.subarray(slot, slot + 8)).map((v) => +v.toFixed(4))).toEqual([1, 0.5, 0.425, 1.05, 0.3, 1, 0, 0]);
    const back = yoloDecodeSlot(target.subarray(slot, slot + 8), 1, 1, 3);
    expect(back.x1).toBeCloseTo(0.45, 5);
    expect(back.y2).toBeCloseTo(0.65, 5);
  });
});
