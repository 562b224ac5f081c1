import { describe, expect, it } from 'vitest';
import { cropImage, sampleWindowCrops, windowLabel, FRAMED } from '../../src/data/windowCrops';
import type { DetectionScene } from '../../src/data/detectionScenes';
import { detectionScene } from '../../src/data/detectionScenes';
import { mulberry32 } from '../../src/engine/random';

/** A blank 28×28 scene holding the given objects (only boxes matter for labels). */
const sceneWith = (objects: DetectionScene['objects']): DetectionScene => ({
  seed: 0, objects, mask: new Uint8Array(28 * 28),
  image: { width: 28, height: 28, data: Float32Array.from({ length: 28 * 28 * 3 }, (_, i) => i) },
});

describe('window crops', () => {
  it('copies the pixels of the window', () => {
    const s = sceneWith([]);
    const c = cropImage(s.image, 3, 2, 4);
    // row 0 of the crop = pixels (3..6, 2): value 3·(2·28 + x) + channel
    expect(Array.from(c.subarray(0, 3))).toEqual([3 * (2 * 28 + 3), 3 * (2 * 28 + 3) + 1, 3 * (2 * 28 + 3) + 2]);
    expect(c[4 * 3]).toBe(3 * (3 * 28 + 3)); // row 1 of the crop = image row 3, column 0 = image column 3
    expect(() => cropImage(s.image, 20, 0, 14)).toThrow(RangeError);
  });

  it('labels a framed object, background, and leaves half objects out', () => {
    const s = sceneWith([{ box: { x1: 4, y1: 4, x2: 10, y2: 12 }, classId: 2 }]);
    expect(windowLabel(s, 0, 1, 14, 3)).toBe(2); // centre (7, 8) in the central half, all inside
    expect(windowLabel(s, 14, 14, 14, 3)).toBe(3); // far away: background
    // the object's right third inside the crop: ambiguous (more than LOOSE, not centred)
    expect(windowLabel(s, 8, 0, 14, 3)).toBeNull();
    // centred but cut: only 4 of 6 columns inside is < FRAMED? 4/6 = 0.67 ≥ 0.6 → framed
    expect(4 / 6).toBeGreaterThanOrEqual(FRAMED);
  });

  it('samples only unambiguous crops, one centred on each object first', () => {
    const s = detectionScene(3, { size: 28, minObjects: 2, maxObjects: 2 });
    const crops = sampleWindowCrops(s, 14, 8, 3, mulberry32(1));
    expect(crops.length).toBeGreaterThan(0);
    expect(crops.length).toBeLessThanOrEqual(8);
    for (const c of crops) expect(windowLabel(s, c.x, c.y, 14, 3)).toBe(c.label);
  });
});
