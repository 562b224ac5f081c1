// Shape IoU against the anchors, lesson 31's arithmetic: 0.6 × 1.4 vs tall 0.5 × 1.5 →
// 0.70 / 0.89 ≈ 0.79; vs wide 1.5 × 0.5 → 0.30 / 1.29 ≈ 0.23. Check-yourself 2: 2.0 × 0.6.
import { describe, expect, it } from 'vitest';
import { shapeIouParts } from '../../../src/widgets/anchor-boxes/view';

describe('shapeIouParts', () => {
  it("the lesson's pedestrian", () => {
    const tall = shapeIouParts(0.6, 1.4, 0.5, 1.5);
    expect(tall.inter).toBeCloseTo(0.7, 12);
    expect(tall.union).toBeCloseTo(0.89, 12);
    expect(tall.iou.toFixed(2)).toBe('0.79');
    expect(tall.tex).toContain('\\frac{0.7}{0.89}');
    const wide = shapeIouParts(0.6, 1.4, 1.5, 0.5);
    expect(wide.inter).toBeCloseTo(0.3, 12);
    expect(wide.union).toBeCloseTo(1.29, 12);
    expect(wide.iou.toFixed(2)).toBe('0.23');
  });
  it('a 2.0 × 0.6 object: 0.3 / 1.65 with the tall anchor, 0.75 / 1.2 with the wide one', () => {
    expect(shapeIouParts(2, 0.6, 0.5, 1.5).iou).toBeCloseTo(0.3 / 1.65, 12);
    expect(shapeIouParts(2, 0.6, 1.5, 0.5).iou).toBeCloseTo(0.75 / 1.2, 12);
  });
});
