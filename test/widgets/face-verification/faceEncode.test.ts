// The face job end to end in Node: a demo photo → faces found → 150×150 crops → encodings.
import { beforeAll, describe, expect, it } from 'vitest';
import { faceEncode } from '../../../src/widgets/face-verification/job/faceEncode';
import { faceDescriptors } from '../../../src/engine/nn/faceNet';
import { decodeFaceNet } from '../../../src/engine/nn/faceNet';
import { faceDistance } from '../../../src/widgets/face-verification/view';
import { packedNet, samplePhoto } from '../../engine/oracle/faceApi';
import type { RgbPhoto } from '../../../src/data/faceCrop';

function toRgba(p: RgbPhoto, step = 1) {
  // every `step`-th pixel: a smaller photo, as the page reads an upload at ≤ 1024 px
  const width = Math.floor(p.width / step), height = Math.floor(p.height / step);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const s = ((y * step) * p.width + x * step) * 3, d = (y * width + x) * 4;
      rgba.set([p.data[s], p.data[s + 1], p.data[s + 2], 255], d);
    }
  return { rgba, width, height };
}

describe('face-encode', () => {
  const recogniser = packedNet('face-recognition');
  const detector = packedNet('tiny-face-detector');
  const landmarks = packedNet('face-landmarks');
  let photo1: RgbPhoto;
  beforeAll(() => {
    photo1 = samplePhoto(1);
  }, 120_000);

  it('finds the three faces of sample1 where face-api finds them, and encodes each', () => {
    const r = faceEncode.run({ recogniser, detector, landmarks, photo: toRgba(photo1, 2) });
    expect(r.found).toBe(3);
    // face-api's detector on the full photo (test/engine/oracle): x of the three boxes, halved
    const xs = r.faces.map((f) => f.box.x1).sort((a, b) => a - b);
    [336 / 2, 776 / 2, 1422 / 2].forEach((x, i) => expect(Math.abs(xs[i] - x)).toBeLessThan(12));
    for (const f of r.faces) {
      expect(f.score).toBeGreaterThan(0.5);
      // the landmarks lie around the detector's box, and the aligned square holds the face
      expect(f.landmarks.length).toBe(136);
      const cx = (f.box.x1 + f.box.x2) / 2, cy = (f.box.y1 + f.box.y2) / 2, w = f.box.x2 - f.box.x1;
      expect(Math.hypot(f.aligned.cx - cx, f.aligned.cy - cy)).toBeLessThan(0.4 * w);
      expect(f.aligned.side).toBeGreaterThan(0.6 * w);
      expect(f.aligned.side).toBeLessThan(2 * w);
      expect(f.crop.length).toBe(150 * 150 * 3);
      // the encoding is the recogniser's output for exactly the crop shown
      const d = faceDescriptors(decodeFaceNet(recogniser.manifest, recogniser.bytes), { shape: [1, 150, 150, 3], data: Float32Array.from(f.crop) }).data;
      expect(faceDistance(d, f.descriptor)).toBeLessThan(0.02); // the crop shown is rounded to bytes
    }
    expect(r.faces[0].score).toBeGreaterThanOrEqual(r.faces[1].score);
  }, 120_000);

  it('finds no face in a plain grey picture', () => {
    const rgba = new Uint8ClampedArray(200 * 120 * 4).fill(128);
    const r = faceEncode.run({ recogniser, detector, landmarks, photo: { rgba, width: 200, height: 120 } });
    expect(r.found).toBe(0);
    expect(r.faces).toEqual([]);
  }, 60_000);

  it('keeps at most maxFaces encodings', () => {
    const r = faceEncode.run({ recogniser, detector, landmarks, photo: toRgba(photo1, 3), maxFaces: 1 });
    expect(r.found).toBe(3);
    expect(r.faces.length).toBe(1);
  }, 120_000);

  it('says what is wrong when the networks are missing', () => {
    expect(() => faceEncode.run({ recogniser: { manifest: recogniser.manifest, bytes: undefined as never }, detector, landmarks, photo: { rgba: new Uint8ClampedArray(4), width: 1, height: 1 } })).toThrow(/not loaded/);
  });
});
