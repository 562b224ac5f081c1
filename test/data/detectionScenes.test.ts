import { describe, expect, it } from 'vitest';
import { detectionScene, testScenes, trainingScene, scenesToBatch, TEST_SEED_BASE, DETECTION_CLASSES } from '../../src/data/detectionScenes';

describe('detection scenes', () => {
  it('the same seed gives the same pixels, boxes and mask; another seed does not', () => {
    const a = detectionScene(7), b = detectionScene(7), c = detectionScene(8);
    expect(Array.from(a.image.data)).toEqual(Array.from(b.image.data));
    expect(a.objects).toEqual(b.objects);
    expect(Array.from(a.mask)).toEqual(Array.from(b.mask));
    expect(Array.from(a.image.data)).not.toEqual(Array.from(c.image.data));
  });

  it('pixels are in [0, 1]; object counts stay in the asked range', () => {
    for (let s = 0; s < 40; s++) {
      const sc = detectionScene(s, { minObjects: 1, maxObjects: 3 });
      expect(sc.objects.length).toBeGreaterThanOrEqual(1);
      expect(sc.objects.length).toBeLessThanOrEqual(3);
      let lo = Infinity, hi = -Infinity;
      for (const v of sc.image.data) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(1);
    }
  });

  it('every masked pixel of a class lies inside a box of that class, and every box is tight on its object', () => {
    for (let s = 0; s < 40; s++) {
      const sc = detectionScene(s, { noise: 0 });
      const size = sc.image.width;
      for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
        const m = sc.mask[y * size + x];
        if (m === 0) continue;
        const inSome = sc.objects.some((o) => o.classId === m - 1 && x >= o.box.x1 && x < o.box.x2 && y >= o.box.y1 && y < o.box.y2);
        expect(inSome).toBe(true);
      }
      // with no overlap allowed, each box's four edges touch a pixel of its own class
      const apart = detectionScene(s, { noise: 0, maxOverlap: 0 });
      for (const o of apart.objects) {
        const has = (x: number, y: number) => apart.mask[y * size + x] === o.classId + 1;
        const { x1, y1, x2, y2 } = o.box;
        const rowHas = (y: number) => Array.from({ length: x2 - x1 }, (_, i) => has(x1 + i, y)).some(Boolean);
        const colHas = (x: number) => Array.from({ length: y2 - y1 }, (_, i) => has(x, y1 + i)).some(Boolean);
        expect([rowHas(y1), rowHas(y2 - 1), colHas(x1), colHas(x2 - 1)]).toEqual([true, true, true, true]);
      }
    }
  });

  it('the classes have the shapes anchors can tell apart: cars wide, pedestrians tall', () => {
    const aspect: number[][] = DETECTION_CLASSES.map(() => []);
    for (let s = 0; s < 200; s++) for (const o of detectionScene(s, { maxOverlap: 0 }).objects) aspect[o.classId].push((o.box.x2 - o.box.x1) / (o.box.y2 - o.box.y1));
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const [car, pedestrian, motorcycle] = aspect.map(mean);
    expect(car).toBeGreaterThan(1.5);
    expect(pedestrian).toBeLessThan(0.6);
    expect(motorcycle).toBeGreaterThan(pedestrian);
    expect(motorcycle).toBeLessThan(car);
  });

  it('held-out scenes are fixed and never among the training seeds', () => {
    const t = testScenes(3);
    expect(t.map((s) => s.seed)).toEqual([TEST_SEED_BASE, TEST_SEED_BASE + 1, TEST_SEED_BASE + 2]);
    expect(trainingScene(TEST_SEED_BASE).seed).toBe(0);
    expect(Array.from(testScenes(1)[0].image.data)).toEqual(Array.from(t[0].image.data));
  });

  it('scenesToBatch lays pictures out NHWC, one after another', () => {
    const s = [detectionScene(1, { size: 16 }), detectionScene(2, { size: 16 })];
    const batch = scenesToBatch(s);
    expect(batch.length).toBe(2 * 16 * 16 * 3);
    expect(batch[16 * 16 * 3 + 5]).toBe(s[1].image.data[5]);
    expect(() => scenesToBatch([detectionScene(1, { size: 16 }), detectionScene(1, { size: 8 })])).toThrow(/different sizes/);
  });
});
