import { describe, expect, it } from 'vitest';
import { centreOfMass, inkBounds, preprocessDrawing } from '../../src/data/drawDigit';
import { affine28, augmentBatch } from '../../src/data/augment';
import { makeScene, randomBoxes } from '../../src/data/scenes';
import { nonMaxSuppressionPerClass } from '../../src/geometry';
import { mulberry32 } from '../../src/engine/random';

const mulberry = mulberry32;

describe('drawing → MNIST-like digit', () => {
  it('centres a small stroke drawn in a corner: 20-pixel box, centre of mass at (14, 14)', () => {
    const w = 200, h = 200;
    const img = new Float32Array(w * h);
    // a vertical bar 10 px wide, 60 px tall near the top-left corner
    for (let y = 10; y < 70; y++) for (let x = 20; x < 30; x++) img[y * w + x] = 1;
    const out = preprocessDrawing(img, w, h)!;
    const b = inkBounds(out, 28, 28)!;
    expect(b.y1 - b.y0).toBe(20); // the long side is scaled to 20
    const com = centreOfMass(out, 28, 28);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });
  it('returns null for an empty drawing', () => {
    expect(preprocessDrawing(new Float32Array(100), 10, 10)).toBeNull();
  });
});

describe('augmentation', () => {
  it('a zero rotation and a shift of (2, 1) moves every pixel by (2, 1)', () => {
    const src = new Float32Array(784);
    src[10 * 28 + 10] = 1;
    const dst = new Float32Array(784);
    affine28(src, 0, dst, 0, 0, 2, 1);
    expect(dst[11 * 28 + 12]).toBeCloseTo(1, 6);
    expect(dst.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
  it('is seeded: the same seed gives the same batch', () => {
    const base = new Float32Array(2 * 784).map((_, i) => (i % 29) / 29);
    const a = base.slice(), b = base.slice();
    augmentBatch(a, 2, mulberry(7));
    augmentBatch(b, 2, mulberry(7));
    expect(a).toEqual(b);
    expect(a).not.toEqual(base);
  });
});

describe('synthetic detection scenes', () => {
  it('makes objects with candidate clouds that NMS reduces to about one box per object', () => {
    const scene = makeScene(mulberry(3), { objects: 4, classes: 3, perObject: 6, strays: 0 });
    expect(scene.objects).toHaveLength(4);
    expect(scene.candidates).toHaveLength(24);
    const kept = nonMaxSuppressionPerClass(scene.candidates.map((c) => c.box), scene.candidates.map((c) => c.score), scene.candidates.map((c) => c.classId), { iouThreshold: 0.5, scoreThreshold: 0.6 });
    const sources = new Set(kept.map((i) => scene.candidates[i].source));
    expect(sources.size).toBe(4); // every object still detected
    expect(kept.length).toBeLessThan(scene.candidates.length / 2);
  });
  it('random boxes are valid and inside the image', () => {
    const { corners, scores } = randomBoxes(1000, mulberry(1));
    for (let i = 0; i < 1000; i++) {
      expect(corners[4 * i + 2]).toBeGreaterThan(corners[4 * i]);
      expect(corners[4 * i + 3]).toBeLessThanOrEqual(1000);
      expect(scores[i]).toBeLessThan(1);
    }
  });
});
