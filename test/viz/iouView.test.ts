// The IoU widget's pure view logic: drag/resize keeps corners ordered, typed empty boxes are
// reported (not fixed), the presets give the exact edge cases, the formula carries the numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area } from '../../src/geometry/box';
import { dragBox, emptyReason, iouView, IOU_PLANE, IOU_PRESETS, keyMove, orderBox } from '../../src/viz/iouView';

const box = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });

describe('iouView: the numbers', () => {
  it("course example (2,1,4,3) & (1,2,3,4): intersection 1, union 7, IoU 1/7", () => {
    const v = iouView(box(2, 1, 4, 3), box(1, 2, 3, 4));
    expect(v.interArea).toBe(1);
    expect(v.unionArea).toBe(7);
    expect(v.iou).toBeCloseTo(1 / 7, 12);
    expect(v.correct).toBe(false);
    expect(v.contact).toBe('overlap');
    expect(v.tex).toContain('\\frac{1}{4 + 4 - 1}');
    expect(v.tex).toContain('\\frac{1}{7} = 0.1429');
  });
  it('presets: touching → 0 (touching), apart → 0 (apart), inside → area ratio (nested), identical → 1', () => {
    const touch = iouView(...IOU_PRESETS.touching);
    expect([touch.iou, touch.contact]).toEqual([0, 'touching']);
    const apart = iouView(...IOU_PRESETS.disjoint);
    expect([apart.iou, apart.contact]).toEqual([0, 'apart']);
    const [big, small] = IOU_PRESETS.inside;
    const nested = iouView(big, small);
    expect(nested.nested).toBe(true);
    expect(nested.iou).toBeCloseTo(area(small) / area(big), 12);
    expect(nested.iou).toBeCloseTo(4 / 36, 12);
    expect(iouView(...IOU_PRESETS.identical).iou).toBe(1);
    expect(iouView(...IOU_PRESETS.good).correct).toBe(true);
  });
  it('a corner-touching pair is touching too', () => {
    expect(iouView(box(0, 0, 1, 1), box(1, 1, 2, 2)).contact).toBe('touching');
  });
  it('a typed empty box (x2 ≤ x1) is reported, not fixed; IoU 0; the formula ends in 0 when nothing is covered', () => {
    const a = box(5, 1, 3, 4);
    expect(emptyReason(a)).toBe('x');
    expect(emptyReason(box(1, 4, 3, 4))).toBe('y');
    expect(emptyReason(box(3, 4, 1, 2))).toBe('both');
    const v = iouView(a, box(2, 2, 6, 6));
    expect(v.emptyA).toBe('x');
    expect(v.iou).toBe(0);
    expect(v.contact).toBe('empty');
    expect(iouView(a, box(3, 4, 1, 2)).tex.endsWith('= 0')).toBe(true);
  });
});

describe('iouView: dragging and the keyboard', () => {
  it('move keeps the size, snaps to 0.1 and stays inside the plane', () => {
    const b = dragBox(box(2, 1, 4, 3), 'move', 1.234, 0.56);
    expect(b).toEqual(box(3.2, 1.6, 5.2, 3.6));
    const far = dragBox(box(2, 1, 4, 3), 'move', 100, -100);
    expect(far).toEqual(box(IOU_PLANE.width - 2, 0, IOU_PLANE.width, 2));
  });
  it('a corner dragged past the opposite corner flips: corners stay ordered', () => {
    // drag the south-east corner (4, 3) by (−3, −3) → (1, 0): the box becomes (1, 0)–(2, 1)
    expect(dragBox(box(2, 1, 4, 3), 'se', -3, -3)).toEqual(box(1, 0, 2, 1));
    expect(dragBox(box(2, 1, 4, 3), 'nw', 0.5, 0.5)).toEqual(box(2.5, 1.5, 4, 3));
  });
  it('property: any drag of any handle gives an ordered box inside the plane', () => {
    const coord = fc.double({ min: 0, max: 8, noNaN: true });
    const d = fc.double({ min: -20, max: 20, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, fc.constantFrom('move', 'nw', 'ne', 'sw', 'se' as const), d, d, (a, b, c, e, h, dx, dy) => {
        const out = dragBox(orderBox(box(a, b, c, e)), h, dx, dy);
        expect(out.x1).toBeLessThanOrEqual(out.x2);
        expect(out.y1).toBeLessThanOrEqual(out.y2);
        expect(out.x1).toBeGreaterThanOrEqual(0);
        expect(out.y1).toBeGreaterThanOrEqual(0);
        expect(out.x2).toBeLessThanOrEqual(IOU_PLANE.width + 1e-9);
        expect(out.y2).toBeLessThanOrEqual(IOU_PLANE.height + 1e-9);
      }),
    );
  });
  it('arrows move by 0.5; shift + arrows resize from the bottom-right and never below one step', () => {
    expect(keyMove(box(2, 1, 4, 3), 'ArrowRight', false)).toEqual(box(2.5, 1, 4.5, 3));
    expect(keyMove(box(2, 1, 4, 3), 'ArrowUp', false)).toEqual(box(2, 0.5, 4, 2.5));
    expect(keyMove(box(2, 1, 4, 3), 'ArrowDown', true)).toEqual(box(2, 1, 4, 3.5));
    expect(keyMove(box(2, 1, 2.5, 3), 'ArrowLeft', true)).toEqual(box(2, 1, 2.5, 3));
    expect(keyMove(box(2, 1, 4, 3), 'Enter', false)).toBeNull();
  });
});
