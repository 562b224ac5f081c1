import { describe, expect, it } from 'vitest';
import { graphSegmentation } from '../../src/data/graphSegmentation';
import { selectiveSearch } from '../../src/data/selectiveSearch';
import { detectionScene } from '../../src/data/detectionScenes';
import { iou } from '../../src/geometry/iou';
import type { RgbImage } from '../../src/data/colorPicture';

/** A W×H picture: grey background with flat coloured rectangles [x1, y1, x2, y2, r, g, b]. */
function flat(W: number, H: number, rects: number[][]): RgbImage {
  const data = new Float32Array(W * H * 3).fill(0.5);
  for (const [x1, y1, x2, y2, r, g, b] of rects) for (let y = y1; y < y2; y++) for (let x = x1; x < x2; x++) data.set([r, g, b], (y * W + x) * 3);
  return { width: W, height: H, data };
}

describe('graph-based segmentation (Felzenszwalb–Huttenlocher)', () => {
  it('finds the flat regions of a picture exactly (no blur)', () => {
    const img = flat(20, 16, [[2, 3, 8, 9, 1, 0, 0], [12, 6, 18, 14, 0, 0, 1]]);
    const s = graphSegmentation(img, { k: 50, sigma: 0 });
    expect(s.count).toBe(3);
    const red = s.labels[5 * 20 + 4], blue = s.labels[10 * 20 + 15], bg = s.labels[0];
    expect(new Set([red, blue, bg]).size).toBe(3);
    for (let y = 0; y < 16; y++) for (let x = 0; x < 20; x++) {
      const want = x >= 2 && x < 8 && y >= 3 && y < 9 ? red : x >= 12 && x < 18 && y >= 6 && y < 14 ? blue : bg;
      expect(s.labels[y * 20 + x]).toBe(want);
    }
  });

  it('labels are 0 … count − 1, larger k gives no more segments, minSize is respected', () => {
    const img = detectionScene(5).image;
    const fine = graphSegmentation(img, { k: 50 }), coarse = graphSegmentation(img, { k: 500 });
    expect(coarse.count).toBeLessThanOrEqual(fine.count);
    for (const s of [fine, coarse]) {
      const sizes = new Array(s.count).fill(0);
      for (const l of s.labels) sizes[l]++;
      expect(sizes.every((n) => n >= 4)).toBe(true);
    }
    expect(() => graphSegmentation(img, { k: -1 })).toThrow(RangeError);
  });
});

describe('selective search grouping', () => {
  it('proposes each segment, the merges, and finally the whole picture', () => {
    const img = flat(20, 16, [[2, 3, 8, 9, 1, 0, 0], [12, 6, 18, 14, 0, 0, 1]]);
    const r = selectiveSearch(img, { k: 50, sigma: 0 });
    expect(r.merges).toBe(2); // 3 segments → 2 merges
    const boxes = r.proposals.map((p) => p.box);
    expect(boxes).toContainEqual({ x1: 2, y1: 3, x2: 8, y2: 9 });
    expect(boxes).toContainEqual({ x1: 12, y1: 6, x2: 18, y2: 14 });
    expect(boxes).toContainEqual({ x1: 0, y1: 0, x2: 20, y2: 16 });
    expect(boxes.length).toBeLessThanOrEqual(2 * 3 - 1);
  });

  it('on the scenes, some proposal fits each object (IoU ≥ 0.5) for most objects', () => {
    let found = 0, total = 0;
    for (let k = 0; k < 10; k++) {
      const s = detectionScene(900_000 + k, { size: 28, maxObjects: 2 });
      const { proposals } = selectiveSearch(s.image);
      expect(proposals.length).toBeGreaterThan(0);
      for (const o of s.objects) {
        total++;
        if (proposals.some((p) => iou(p.box, o.box) >= 0.5)) found++;
      }
    }
    expect(found / total).toBeGreaterThan(0.6);
  });
});
