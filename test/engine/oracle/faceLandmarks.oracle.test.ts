// Our 68-point landmark net (src/engine/nn/faceLandmarks.ts) against face-api's TF.js forward
// pass on the three faces of one of its demo photos. (face-api's bundled TF.js shares TF's
// global environment, so this file uses it alone.)
import { beforeAll, describe, expect, it } from 'vitest';
import { cropResize, faceSquare } from '../../../src/data/faceCrop';
import { decodeLandmarks, landmarksForward, type LandmarkWeights } from '../../../src/engine/nn/faceLandmarks';
import { faceApi, packedNet, samplePhoto } from './faceApi';

const FACES = [
  { x1: 776, y1: 445, x2: 1089, y2: 701 },
  { x1: 1422, y1: 215, x2: 1729, y2: 498 },
  { x1: 336, y1: 396, x2: 642, y2: 649 },
];

describe('landmark net against face-api (TF.js)', () => {
  let W: LandmarkWeights;
  let crops: Float32Array[];
  beforeAll(() => {
    const { manifest, bytes } = packedNet('face-landmarks');
    W = decodeLandmarks(manifest, bytes);
    const photo = samplePhoto(1);
    crops = FACES.map((box) => cropResize(photo, faceSquare(box), 112));
  }, 120_000);

  it('gives the same 68 points to ≤ 1e-3 relative, and they fall on the face', async () => {
    const fa = await faceApi();
    for (const crop of crops) {
      const theirs: Float32Array = await (await fa.nets.faceLandmark68TinyNet.forward(fa.tf.tensor4d(crop, [1, 112, 112, 3]))).data();
      const ours = landmarksForward(W, { shape: [1, 112, 112, 3], data: crop });
      expect(ours.shape).toEqual([1, 136]);
      let d = 0, n = 0;
      for (let i = 0; i < 136; i++) {
        d += (ours.data[i] - theirs[i]) ** 2;
        n += theirs[i] ** 2;
      }
      expect(Math.sqrt(d / n)).toBeLessThan(1e-3);
      // the eyes (36–47) are above the mouth (48–67) on average, and every point inside the crop
      const meanY = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => ours.data[2 * (from + k) + 1]).reduce((a, b) => a + b) / (to - from);
      expect(meanY(36, 48) + 0.1).toBeLessThan(meanY(48, 68));
      for (const v of ours.data) expect(v > -0.1 && v < 1.1).toBe(true);
    }
  }, 120_000);
});
