import { describe, expect, it } from 'vitest';
import { FACE_LANDMARKS, landmarkFace, landmarkTestFaces, meanLandmarkError } from '../../src/data/landmarkFaces';

describe('landmark faces', () => {
  it('is a pure function of the seed, with five points inside the picture', () => {
    const a = landmarkFace(12), b = landmarkFace(12);
    expect(Array.from(a.image.data)).toEqual(Array.from(b.image.data));
    expect(a.points).toEqual(b.points);
    expect(a.points).toHaveLength(FACE_LANDMARKS.length);
    for (const f of landmarkTestFaces(20)) for (const p of f.points) {
      expect(p.x).toBeGreaterThan(0); expect(p.x).toBeLessThan(32);
      expect(p.y).toBeGreaterThan(0); expect(p.y).toBeLessThan(32);
    }
  });

  it('puts the eye landmark on dark eye pixels and keeps left left of right (up to the ±20° tilt)', () => {
    for (const f of landmarkTestFaces(20)) {
      const [le, re, nose, ml, mr] = f.points;
      expect(le.x).toBeLessThan(re.x);
      expect(ml.x).toBeLessThan(mr.x);
      expect(nose.y).toBeGreaterThan((le.y + re.y) / 2);
      expect((ml.y + mr.y) / 2).toBeGreaterThan(nose.y);
      // the pixel under each eye landmark is dark (eyes are drawn 0.08 ± noise)
      for (const e of [le, re]) {
        const i = (Math.floor(e.y) * 32 + Math.floor(e.x)) * 3;
        expect(f.image.data[i] + f.image.data[i + 1] + f.image.data[i + 2]).toBeLessThan(0.6);
      }
    }
  });

  it('measures the mean distance in pixels', () => {
    const truth = [[{ x: 0, y: 0 }, { x: 10, y: 10 }]];
    expect(meanLandmarkError([[{ x: 3, y: 4 }, { x: 10, y: 10 }]], truth)).toBeCloseTo(2.5, 9); // (5 + 0) / 2
  });
});
