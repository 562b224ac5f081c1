import { describe, expect, it } from 'vitest';
import { DARK_PALETTE, LIGHT_PALETTE, divergingScale, grayScale, luminance, maxAbs, sequentialScale, textOn } from '../../src/viz/colors';
import { formatCell, formatCount, rawShape, formatShape } from '../../src/viz/format';
import { flipKernel, isFlipSymmetric } from '../../src/viz/products';
import { poolWinners } from '../../src/viz/pool';
import { windowGeometry } from '../../src/viz/window';

describe('colour scales', () => {
  it('diverging: 0 is the zero colour, ±max are the pos/neg colours, symmetric strength', () => {
    const sc = divergingScale(30, LIGHT_PALETTE);
    expect(sc(0)).toBe('#ffffff');
    expect(sc(30)).toBe(LIGHT_PALETTE.pos);
    expect(sc(-30)).toBe(LIGHT_PALETTE.neg);
    expect(sc(60)).toBe(LIGHT_PALETTE.pos); // clamped
    expect(Math.abs(luminance(sc(15)) - 1)).toBeGreaterThan(0.1);
  });
  it('dark palette: 0 blends with the dark background', () => {
    expect(divergingScale(1, DARK_PALETTE)(0)).toBe(DARK_PALETTE.zero);
  });
  it('sequential and gray are monotone in luminance', () => {
    const g = grayScale(0, 255);
    expect(g(0)).toBe('#000000');
    expect(g(255)).toBe('#ffffff');
    const s = sequentialScale(0, 10, LIGHT_PALETTE);
    expect(luminance(s(0))).toBeGreaterThan(luminance(s(5)));
    expect(luminance(s(5))).toBeGreaterThan(luminance(s(10)));
  });
  it('text colour contrasts with its cell', () => {
    expect(textOn('#ffffff')).toBe('#000000');
    expect(textOn('#1d5fd1')).toBe('#ffffff');
    expect(maxAbs([3, -7, 2])).toBe(7);
  });
});

describe('formats', () => {
  it('cells: integers exact, no -0, decimals trimmed', () => {
    expect(formatCell(30)).toBe('30');
    expect(formatCell(-0)).toBe('0');
    expect(formatCell(0.5)).toBe('0.5');
    expect(formatCell(-0.001)).toBe('0');
    expect(formatCell(NaN)).toBe('—');
    expect(formatCount(14450688)).toBe('14,450,688');
    expect(rawShape([4, 4])).toBe('4x4');
    expect(formatShape([4, 4, 2])).toBe('4×4×2');
  });
});

describe('kernels and pooling winners', () => {
  it('flip rotates by 180°; Sobel-vertical is not flip-symmetric, box blur is', () => {
    expect(flipKernel([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(isFlipSymmetric([1, 0, -1, 2, 0, -2, 1, 0, -1], 3)).toBe(false);
    expect(isFlipSymmetric([1, 1, 1, 1, 1, 1, 1, 1, 1], 3)).toBe(true);
  });
  it('max-pool winners on the course’s 4×4 example (f=2, s=2)', () => {
    // 1 3 2 1 / 2 9 1 1 / 1 3 2 3 / 5 6 1 2 → max 9 2 / 6 3
    const x = [1, 3, 2, 1, 2, 9, 1, 1, 1, 3, 2, 3, 5, 6, 1, 2];
    const g = windowGeometry(4, 4, 2, 2, 0);
    expect(poolWinners(g, x)).toEqual([{ row: 1, col: 1 }, { row: 0, col: 2 }, { row: 3, col: 1 }, { row: 2, col: 3 }]);
  });
});
