// Cutting faces out: the square crop, the alignment by the eyes, the turned crop.
import { describe, expect, it } from 'vitest';
import { alignFace, cropAligned, cropResize, faceSquare } from '../../src/data/faceCrop';

function photo(width: number, height: number) {
  // each pixel's red = x, green = y, blue = 7: a crop tells where it came from
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x, y, 7], (y * width + x) * 3);
  return { width, height, data };
}

/** 68 points: eyes at (lx,ly) and (rx,ry), the rest on a ring of radius r around (cx,cy). */
function landmarks(cx: number, cy: number, r: number, lx: number, ly: number, rx: number, ry: number): [number, number][] {
  return Array.from({ length: 68 }, (_, i) => {
    if (i >= 36 && i < 42) return [lx, ly];
    if (i >= 42 && i < 48) return [rx, ry];
    const a = (2 * Math.PI * i) / 68;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

describe('faceCrop', () => {
  it('squares a box around its centre', () => {
    expect(faceSquare({ x1: 10, y1: 20, x2: 30, y2: 60 })).toEqual({ x1: 0, y1: 20, x2: 40, y2: 60 });
    expect(faceSquare({ x1: 0, y1: 0, x2: 10, y2: 10 }, 2)).toEqual({ x1: -5, y1: -5, x2: 15, y2: 15 });
  });

  it('samples pixel centres: a 1:1 crop copies the pixels, outside is black', () => {
    const p = photo(8, 6);
    const c = cropResize(p, { x1: 2, y1: 1, x2: 6, y2: 5 }, 4);
    expect(Array.from(c.subarray(0, 3))).toEqual([2, 1, 7]);
    expect(Array.from(c.subarray(3 * 15, 3 * 16))).toEqual([5, 4, 7]);
    const out = cropResize(p, { x1: -4, y1: -4, x2: 0, y2: 0 }, 4);
    expect(Array.from(out.subarray(0, 3))).toEqual([0, 0, 0]);
  });

  it('levels the eyes: θ is the angle of the eye line, the square holds every landmark', () => {
    const pts = landmarks(50, 50, 20, 40, 40, 60, 50); // eye line rises by 10 over 20
    const sq = alignFace(pts, 0.25);
    expect(sq.angle).toBeCloseTo(Math.atan2(10, 20), 12);
    expect(sq.side).toBeGreaterThanOrEqual(40 * 1.25 - 1e-3); // the ring has 56 points, not a full circle
    const level = alignFace(landmarks(50, 50, 20, 40, 45, 60, 45), 0);
    expect(level.angle).toBe(0);
    expect(level.cx).toBeCloseTo(50, 9);
    expect(level.side).toBeCloseTo(40, 9);
    expect(() => alignFace(pts.slice(1))).toThrow(/68/);
  });

  it('an aligned crop with θ = 0 is the plain crop; with θ = 90° it is turned', () => {
    const p = photo(40, 40);
    const plain = cropResize(p, { x1: 10, y1: 10, x2: 30, y2: 30 }, 10);
    const same = cropAligned(p, { cx: 20, cy: 20, side: 20, angle: 0 }, 10);
    for (let i = 0; i < plain.length; i++) expect(same[i]).toBeCloseTo(plain[i], 4);
    // turned by 90°: walking right along the output's top row walks down the photo
    const turned = cropAligned(p, { cx: 20, cy: 20, side: 20, angle: Math.PI / 2 }, 10);
    expect(turned[3 * 9 + 1] - turned[1]).toBeCloseTo(18, 4); // green (y) grows along the row
    expect(turned[3 * 9] - turned[0]).toBeCloseTo(0, 4); // red (x) does not
  });
});
