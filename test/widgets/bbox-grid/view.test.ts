// bbox-grid logic: the lesson's example encodes to [1, 0.4, 0.3, 0.9, 1.6, 0, 1, 0] in cell
// (2, 2); b_h, b_w may exceed 1 while b_x, b_y stay in [0, 1]; the owner cell flips exactly when
// the midpoint crosses a grid line; overlapped cells counted.
import { describe, expect, it } from 'vitest';
import { lessonExample, overlappedCells } from '../../../src/widgets/bbox-grid/view';
import { boxAround, cellSlots, yoloScene } from '../../../src/viz/yoloEncoder';

const one = (box: ReturnType<typeof boxAround>, S: number) => yoloScene([{ box, classId: 1 }], S, 1, 3, [[1 / S, 1 / S]]);

describe('bbox-grid', () => {
  it("the lesson's car: cell (2, 2), y = [1, 0.4, 0.3, 0.9, 1.6, 0, 1, 0]", () => {
    const s = one(lessonExample(3), 3);
    const p = s.placements[0];
    expect([p.row, p.col]).toEqual([1, 1]);
    const y = cellSlots(s.target, 3, 1, 3, 1, 1)[0] as number[];
    [1, 0.4, 0.3, 0.9, 1.6, 0, 1, 0].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 5));
    expect(s.shape.raw).toBe('3x3x8');
    // the car spans columns 1–3 (x from 0.2 to 0.73) and rows 1–2 (y from 0.28 to 0.58): 6 cells
    expect(overlappedCells(lessonExample(3), 3)).toBe(6);
  });
  it('a bus three cells wide: b_w ≈ 3, b_x still in [0, 1]', () => {
    const p = one(boxAround(0.5, 0.5, 0.98, 0.2), 3).placements[0];
    expect(p.vector[4]).toBeCloseTo(2.94, 5);
    expect(p.vector[1]).toBeGreaterThanOrEqual(0);
    expect(p.vector[1]).toBeLessThanOrEqual(1);
  });
  it('the owner cell changes exactly when the midpoint crosses x = 1/3', () => {
    expect(one(boxAround(0.33, 0.5, 0.1, 0.1), 3).placements[0].col).toBe(0);
    expect(one(boxAround(0.34, 0.5, 0.1, 0.1), 3).placements[0].col).toBe(1);
  });
  it('overlappedCells: a box inside one cell → 1; touching a grid line is not overlapping', () => {
    expect(overlappedCells({ x1: 0.05, y1: 0.05, x2: 0.3, y2: 0.3 }, 3)).toBe(1);
    expect(overlappedCells({ x1: 0, y1: 0, x2: 1 / 3, y2: 1 / 3 }, 3)).toBe(1);
    expect(overlappedCells({ x1: 0, y1: 0, x2: 1, y2: 1 }, 19)).toBe(361);
  });
});
