import { describe, expect, it } from 'vitest';
import { drawPicture, drawCheckerboard, drawGradient, drawShapes, drawText, rgbaToGray, PICTURE_NAMES, fitWithin } from '../../src/data/pictures';

describe('built-in pictures', () => {
  it('every picture is size×size with values in [0, 1] and both dark and light pixels', () => {
    for (const name of PICTURE_NAMES) {
      const p = drawPicture(name, 48);
      expect(p.width).toBe(48);
      expect(p.data.length).toBe(48 * 48);
      const min = Math.min(...p.data);
      const max = Math.max(...p.data);
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThanOrEqual(1);
      expect(max - min).toBeGreaterThan(0.5);
    }
  });

  it('checkerboard: top-left black, neighbours alternate every square', () => {
    const p = drawCheckerboard(16, 4);
    const at = (x: number, y: number) => p.data[y * 16 + x];
    expect([at(0, 0), at(3, 3), at(4, 0), at(0, 4), at(4, 4), at(15, 15)]).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('gradient: 0 at the left, 1 at the right, same in every row', () => {
    const p = drawGradient(11);
    expect(p.data[0]).toBe(0);
    expect(p.data[10]).toBe(1);
    expect(p.data[5 * 11 + 5]).toBeCloseTo(0.5, 6);
  });

  it('shapes: inside the square is bright, the corner is background', () => {
    const p = drawShapes(64);
    expect(p.data[15 * 64 + 15]).toBeCloseTo(0.9, 6);
    expect(p.data[0]).toBeCloseTo(0.1, 6);
    expect(p.data[17 * 64 + 46]).toBeCloseTo(0.7, 6); // disc centre
  });

  it('text: some ink on a light page, left-right centred', () => {
    const p = drawText(64);
    const ink = p.data.filter((v) => v < 0.5).length;
    expect(ink).toBeGreaterThan(100);
    expect(ink).toBeLessThan(64 * 64 * 0.5);
  });
});

describe('reading an upload', () => {
  it('fitWithin keeps the aspect ratio and never scales up', () => {
    expect(fitWithin(1024, 512, 256)).toEqual({ width: 256, height: 128 });
    expect(fitWithin(100, 300, 256)).toEqual({ width: 85, height: 256 });
    expect(fitWithin(20, 10, 256)).toEqual({ width: 20, height: 10 });
  });

  it('rgbaToGray uses 0.299 R + 0.587 G + 0.114 B; transparent is white', () => {
    const g = rgbaToGray(new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 0, 0]), 3, 1);
    expect(g.data[0]).toBeCloseTo(0.299, 5);
    expect(g.data[1]).toBeCloseTo(0.587, 5);
    expect(g.data[2]).toBeCloseTo(1, 5);
    expect(() => rgbaToGray(new Uint8Array(5), 1, 1)).toThrow(RangeError);
  });
});
