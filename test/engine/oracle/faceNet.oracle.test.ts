// Our face recogniser (src/engine/nn/faceNet.ts on our kernels, weights from our packed file)
// against face-api's own TF.js forward pass on faces cut from its demo photos.
import { beforeAll, describe, expect, it } from 'vitest';
import { cropResize, faceSquare } from '../../../src/data/faceCrop';
import { decodeFaceNet, faceDescriptors, type FaceNetWeights } from '../../../src/engine/nn/faceNet';
import { faceApi, packedNet, samplePhoto } from './faceApi';

// the three faces of sample1, boxes as face-api's detector finds them
const FACES = [
  { x1: 776, y1: 445, x2: 1089, y2: 701 },
  { x1: 1422, y1: 215, x2: 1729, y2: 498 },
  { x1: 336, y1: 396, x2: 642, y2: 649 },
];

function relErr(a: Float32Array, b: Float32Array): number {
  let d = 0, n = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    n += b[i] ** 2;
  }
  return Math.sqrt(d / n);
}

describe('face recogniser against face-api (TF.js)', () => {
  let W: FaceNetWeights;
  let crops: Float32Array[];
  beforeAll(() => {
    const { manifest, bytes } = packedNet('face-recognition');
    W = decodeFaceNet(manifest, bytes);
    const photo = samplePhoto(1);
    crops = FACES.map((box) => cropResize(photo, faceSquare(box), 150));
  }, 120_000);

  it('gives the same 128 numbers for each face to ≤ 1e-3 relative', async () => {
    const fa = await faceApi();
    const ours: Float32Array[] = [];
    for (const crop of crops) {
      const theirs: Float32Array = await fa.nets.faceRecognitionNet.computeFaceDescriptor(fa.tf.tensor4d(crop, [1, 150, 150, 3]));
      const mine = faceDescriptors(W, { shape: [1, 150, 150, 3], data: crop }).data;
      expect(mine.length).toBe(128);
      const err = relErr(mine, theirs);
      expect(err).toBeLessThan(1e-3);
      for (let i = 0; i < 128; i++) expect(Math.abs(mine[i] - theirs[i])).toBeLessThan(1e-3 * Math.hypot(...theirs));
      ours.push(mine);
    }
    // three different faces give three different encodings
    expect(relErr(ours[0], ours[1])).toBeGreaterThan(0.1);
    expect(relErr(ours[1], ours[2])).toBeGreaterThan(0.1);
  }, 120_000);

  it('a batch of faces gives each face its own encoding', () => {
    const batch = new Float32Array(2 * crops[0].length);
    batch.set(crops[0], 0);
    batch.set(crops[1], crops[0].length);
    const both = faceDescriptors(W, { shape: [2, 150, 150, 3], data: batch }).data;
    const one = faceDescriptors(W, { shape: [1, 150, 150, 3], data: crops[1] }).data;
    expect(relErr(both.subarray(128), one)).toBeLessThan(1e-5);
  });

  it('rejects a picture of the wrong size', () => {
    expect(() => faceDescriptors(W, { shape: [1, 100, 100, 3], data: new Float32Array(30000) })).toThrow(/150,150,3/);
  });
});
