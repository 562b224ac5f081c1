// The YOLO scene logic: output shapes (errata §29/30: 3×3×16, COCO 19×19×5×85 = 19×19×425),
// the owner cell and anchor of placed objects, "?" for p_c = 0 slots, collisions, drags.
import { describe, expect, it } from 'vitest';
import { anchorsInImage, boxAround, cellSlots, dragObject, freeSpot, keyObject, outputShape, yoloScene } from '../../src/viz/yoloEncoder';

describe('outputShape', () => {
  it('3×3 grid, 2 anchors, 3 classes → 3x3x16 (144 numbers)', () => {
    const s = outputShape(3, 2, 3);
    expect(s.raw).toBe('3x3x16');
    expect(s.full).toBe('3×3×2×8');
    expect(s.count).toBe(144);
  });
  it('COCO: 19×19×5×85 = 19×19×425', () => {
    const s = outputShape(19, 5, 80);
    expect(s.raw).toBe('19x19x425');
    expect(s.full).toBe('19×19×5×85');
    expect(s.count).toBe(19 * 19 * 425);
  });
  it('one anchor, 3 classes on a 3×3 grid: the 3×3×8 of the bounding-box lesson', () => {
    expect(outputShape(3, 1, 3).raw).toBe('3x3x8');
  });
});

describe('yoloScene', () => {
  it('a wide car goes to its midpoint cell and the wide anchor; its slot holds cell-relative numbers', () => {
    // midpoint (0.62, 0.74) → column ⌊1.86⌋ = 1, row ⌊2.22⌋ = 2 (0-based)
    const car = { box: boxAround(0.62, 0.74, 0.42, 0.16), classId: 1 };
    const s = yoloScene([car], 3, 2, 3);
    const p = s.placements[0];
    expect([p.row, p.col, p.anchor]).toEqual([2, 1, 1]);
    expect(p.collided).toBe(false);
    const slots = cellSlots(s.target, 3, 2, 3, 2, 1);
    expect(slots[0]).toEqual([0, null, null, null, null, null, null, null]); // anchor 1: [0, ?, …]
    const v = slots[1];
    expect(v[0]).toBe(1);
    expect(v[1]).toBeCloseTo(0.86, 5); // b_x = 0.62·3 − 1
    expect(v[2]).toBeCloseTo(0.22, 5); // b_y = 0.74·3 − 2
    expect(v[3]).toBeCloseTo(0.48, 5); // b_h = 0.16·3
    expect(v[4]).toBeCloseTo(1.26, 5); // b_w = 0.42·3 > 1
    expect(v.slice(5)).toEqual([0, 1, 0]);
    // every other cell is all don't-care
    expect(cellSlots(s.target, 3, 2, 3, 0, 0).flat().filter((x) => x !== null)).toEqual([0, 0]);
    expect(s.filled.get('2,1')).toEqual([false, true]);
  });
  it("the anchor lesson's shapes: 0.6 × 1.4 cell units → IoU 0.79 with the tall anchor, 0.23 with the wide one", () => {
    const S = 3;
    const ped = { box: boxAround(0.5, 0.5, 0.6 / S, 1.4 / S), classId: 0 };
    const p = yoloScene([ped], S, 2, 3).placements[0];
    expect(p.anchorIous[0]).toBeCloseTo(0.7 / 0.89, 5) // the box is stored to 6 decimals;
    expect(p.anchorIous[1]).toBeCloseTo(0.3 / 1.29, 5);
    expect(Number(p.anchorIous[0].toFixed(2))).toBe(0.79);
    expect(Number(p.anchorIous[1].toFixed(2))).toBe(0.23);
    expect(p.anchor).toBe(0);
  });
  it('two tall objects in one cell: the second collides and is not written', () => {
    const a = { box: boxAround(0.15, 0.5, 0.1, 0.3), classId: 0 };
    const b = { box: boxAround(0.2, 0.5, 0.1, 0.3), classId: 0 };
    const s = yoloScene([a, b], 3, 2, 3);
    expect(s.placements.map((p) => p.collided)).toEqual([false, true]);
    expect(s.placements[1].anchor).toBe(0);
    expect(cellSlots(s.target, 3, 2, 3, 1, 0)[0][1]).toBeCloseTo(0.45, 5); // a's b_x
  });
  it('a pedestrian and a car in one cell use both anchors', () => {
    const ped = { box: boxAround(0.5, 0.5, 0.1, 0.3), classId: 0 };
    const car = { box: boxAround(0.52, 0.55, 0.3, 0.1), classId: 1 };
    const s = yoloScene([ped, car], 3, 2, 3);
    expect(s.placements.map((p) => p.anchor)).toEqual([0, 1]);
    const slots = cellSlots(s.target, 3, 2, 3, 1, 1);
    expect(slots[0].slice(5)).toEqual([1, 0, 0]);
    expect(slots[1].slice(5)).toEqual([0, 1, 0]);
  });
  it('lowering C draws an object of a removed class with the last class', () => {
    const s = yoloScene([{ box: boxAround(0.5, 0.5, 0.2, 0.2), classId: 2 }], 3, 1, 2);
    expect(cellSlots(s.target, 3, 1, 2, 1, 1)[0].slice(5)).toEqual([0, 1]);
  });
  it('anchors in image units scale with the grid', () => {
    expect(anchorsInImage(2, 5)).toEqual([[0.1, 0.3], [0.3, 0.1]]);
  });
});

describe('dragging objects', () => {
  const b = { x1: 0.2, y1: 0.2, x2: 0.4, y2: 0.5 };
  it('moves inside the image, snapped to 0.01', () => {
    expect(dragObject(b, 'move', 0.1234, 0.9)).toEqual({ x1: 0.32, y1: 0.7, x2: 0.52, y2: 1 }) // y clamped: 1 − 0.3;
  });
  it('a corner drag that would leave no area is refused', () => {
    expect(dragObject(b, 'se', -0.19, 0)).toBeNull();
    expect(dragObject(b, 'se', 0.1, 0.1)).toEqual({ x1: 0.2, y1: 0.2, x2: 0.5, y2: 0.6 });
  });
  it('arrow keys move by 0.02; shift + arrows resize', () => {
    expect(keyObject(b, 'ArrowRight', false)).toEqual({ x1: 0.22, y1: 0.2, x2: 0.42, y2: 0.5 });
    expect(keyObject(b, 'ArrowDown', true)).toEqual({ x1: 0.2, y1: 0.2, x2: 0.4, y2: 0.52 });
    expect(keyObject(b, 'a', false)).toBeNull();
  });
});

describe('freeSpot', () => {
  it('the centre cell first, then the nearest cell without an object', () => {
    expect(freeSpot([], 3)).toEqual({ cx: 0.5, cy: 0.5 });
    const centre = { box: boxAround(0.5, 0.5, 0.1, 0.1), classId: 0 };
    const s = freeSpot([centre], 3);
    expect(Math.floor(s.cx * 3) === 1 && Math.floor(s.cy * 3) === 1).toBe(false);
    expect(Math.abs(Math.floor(s.cx * 3) - 1) + Math.abs(Math.floor(s.cy * 3) - 1)).toBe(1); // an edge neighbour
  });
});
