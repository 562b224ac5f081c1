import { describe, expect, it } from 'vitest';
import { TEXTURE_CLASSES, textureSet } from '../../src/data/textureClasses';

describe('texture classes', () => {
  it('draws perClass pictures of every class, interleaved, in [0, 1], grey', () => {
    const s = textureSet(3, 32, 5);
    expect(s.images).toHaveLength(3 * TEXTURE_CLASSES.length);
    expect(Array.from(s.labels.slice(0, 8))).toEqual([0, 1, 2, 3, 0, 1, 2, 3]);
    for (const im of s.images) {
      expect(im.data).toHaveLength(3 * 32 * 32);
      expect(im.data.every((v) => v >= 0 && v <= 1)).toBe(true);
    }
  });

  it('is seeded: the same seed draws the same pictures, another seed others', () => {
    const a = textureSet(2, 16, 9), b = textureSet(2, 16, 9), c = textureSet(2, 16, 10);
    expect(a.images[3].data).toEqual(b.images[3].data);
    expect(a.images[3].data).not.toEqual(c.images[3].data);
  });

  it('has a visible pattern: two grey levels far apart in every picture', () => {
    for (const im of textureSet(4, 48, 3).images) {
      // gray: R = G = B up to the per-channel noise; contrast: the 10th and 90th percentiles differ
      const g = Array.from({ length: im.data.length / 3 }, (_, i) => im.data[3 * i]).sort((x, y) => x - y);
      expect(g[Math.floor(0.9 * g.length)] - g[Math.floor(0.1 * g.length)]).toBeGreaterThan(0.15);
    }
  });

  it('rejects a bad count or size with a readable message', () => {
    expect(() => textureSet(0, 32, 1)).toThrow(/examples per class/);
    expect(() => textureSet(2, 4, 1)).toThrow(/side/);
  });
});
