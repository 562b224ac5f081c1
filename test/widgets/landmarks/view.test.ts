// Landmark target vectors (course §24): layout [face?, l1x, l1y, …], length 1 + 2n (64 → 129),
// a label swap changes y although the points do not move, the keyboard and the mirror rule.
import { describe, expect, it } from 'vitest';
import {
  changedEntries, identityOrder, relabelledEntries, keyMovePoint, labelOfPoint, LANDMARK_POINTS, mirrorPoints, movePoint, swapLabels, targetVector, vectorLength,
  type LandmarkId,
} from '../../../src/widgets/landmarks/view';

const pts = [{ x: 0.3, y: 0.4 }, { x: 0.45, y: 0.41 }, { x: 0.55, y: 0.42 }, { x: 0.7, y: 0.43 }];

describe('target vector', () => {
  it('length 1 + 2n: 4 eye corners → 9 (the lesson\'s 8 coordinates + face?), 64 landmarks → 129', () => {
    expect(vectorLength(4)).toBe(9);
    expect(vectorLength(64)).toBe(129);
    expect(vectorLength(0)).toBe(1);
    expect(() => vectorLength(-1)).toThrow(RangeError);
    expect(targetVector(true, pts, identityOrder(4))).toHaveLength(9);
  });

  it('layout [face, l1x, l1y, l2x, …] in label order', () => {
    const y = targetVector(true, pts, identityOrder(4));
    expect(y.map((e) => e.name)).toEqual(['face', 'l1x', 'l1y', 'l2x', 'l2y', 'l3x', 'l3y', 'l4x', 'l4y']);
    expect(y.map((e) => e.value)).toEqual([1, 0.3, 0.4, 0.45, 0.41, 0.55, 0.42, 0.7, 0.43]);
  });

  it('no face: y = [0, ?, ?, …] (the coordinates are "don\'t care")', () => {
    const y = targetVector(false, pts, identityOrder(4));
    expect(y[0].value).toBe(0);
    expect(y.slice(1).every((e) => e.value === null)).toBe(true);
  });

  it('swapping labels 2 and 3 changes exactly l2x, l2y, l3x, l3y — the points did not move', () => {
    const before = targetVector(true, pts, identityOrder(4));
    const order = swapLabels(identityOrder(4), 1, 2);
    expect(order).toEqual([0, 2, 1, 3]);
    const after = targetVector(true, pts, order);
    expect(changedEntries(before, after)).toEqual([3, 4, 5, 6]);
    expect(after[3].value).toBe(0.55);
    expect(after[5].value).toBe(0.45);
    // the same set of numbers, in another order
    expect(after.map((e) => e.value).sort()).toEqual(before.map((e) => e.value).sort());
    // the point at index 1 now carries label 3
    expect(labelOfPoint(order)).toEqual([0, 2, 1, 3]);
    expect(relabelledEntries(order)).toEqual([3, 4, 5, 6]);
    expect(relabelledEntries(identityOrder(4))).toEqual([]);
    // swapping back restores the consistent order
    expect(swapLabels(order, 1, 2)).toEqual(identityOrder(4));
    expect(() => swapLabels(order, 0, 4)).toThrow(RangeError);
  });
});

describe('moving points', () => {
  it('arrows move by 0.01, shift + arrows by 0.05, clamped to [0, 1]', () => {
    expect(keyMovePoint({ x: 0.5, y: 0.5 }, 'ArrowRight', false)).toEqual({ x: 0.51, y: 0.5 });
    expect(keyMovePoint({ x: 0.5, y: 0.5 }, 'ArrowUp', true)).toEqual({ x: 0.5, y: 0.45 });
    expect(keyMovePoint({ x: 0.02, y: 0.5 }, 'ArrowLeft', true)).toEqual({ x: 0, y: 0.5 });
    expect(keyMovePoint({ x: 0.5, y: 0.5 }, 'Enter', false)).toBeNull();
    expect(movePoint({ x: 0.9, y: 0.1 }, 0.3, -0.3)).toEqual({ x: 1, y: 0 });
  });
});

describe('mirroring a labelled face', () => {
  const ids = LANDMARK_POINTS.slice(0, 4).map((p) => p.id as LandmarkId);
  it('naive flip: x ↦ 1 − x, label 1 (left eye outer) lands on the right of the picture', () => {
    const m = mirrorPoints(pts, ids, false);
    expect(m[0]).toEqual({ x: 0.7, y: 0.4 });
  });
  it('flip with renumbering: label 1 stays the outer corner of the eye on the left', () => {
    const m = mirrorPoints(pts, ids, true);
    // the old right-eye-outer (0.7, 0.43) flips to (0.3, 0.43) and becomes left-eye-outer
    expect(m[0]).toEqual({ x: 0.3, y: 0.43 });
    expect(m[3]).toEqual({ x: 0.7, y: 0.4 });
    expect(m[1]).toEqual({ x: 0.45, y: 0.42 });
  });
});
