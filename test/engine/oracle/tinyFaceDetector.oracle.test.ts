// Our tiny face detector (src/engine/nn/tinyFaceDetector.ts) against face-api's own TF.js
// forward pass, on one of its demo photos letterboxed to 416×416. (face-api's bundled TF.js
// shares TF's global environment, so this file uses it alone, not test/engine/oracle/tf.ts.)
import { beforeAll, describe, expect, it } from 'vitest';
import { cropResize } from '../../../src/data/faceCrop';
import { decodeDetector, decodeGrid, depthwiseConv2d, detectorForward, type DetectorWeights } from '../../../src/engine/nn/tinyFaceDetector';
import { faceApi, packedNet, samplePhoto } from './faceApi';
import { rng } from '../../../src/engine/random';

describe('tiny face detector against face-api (TF.js)', () => {
  let W: DetectorWeights;
  let input: Float32Array;
  beforeAll(async () => {
    const { manifest, bytes } = packedNet('tiny-face-detector');
    W = decodeDetector(manifest, bytes);
    const photo = samplePhoto(1); // three faces
    const side = Math.max(photo.width, photo.height);
    input = cropResize(photo, { x1: 0, y1: 0, x2: side, y2: side }, 416);
  }, 120_000);

  it('depthwise convolution matches tf.depthwiseConv2d', async () => {
    const fa = await faceApi();
    const r = rng(7);
    const rand = (shape: number[]) => ({ shape, data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => r.uniform(-1, 1)) });
    const x = rand([2, 6, 5, 4]), k = rand([3, 3, 4, 1]);
    const ours = depthwiseConv2d(x, k);
    const theirs = fa.tf.depthwiseConv2d(fa.tf.tensor4d(x.data, x.shape), fa.tf.tensor4d(k.data, k.shape), 1, 'valid');
    expect(ours.shape).toEqual(theirs.shape);
    const t: Float32Array = theirs.dataSync();
    for (let i = 0; i < t.length; i++) expect(ours.data[i]).toBeCloseTo(t[i], 5);
  }, 120_000);

  it('gives the same 13×13×25 grid and the same faces', async () => {
    const fa = await faceApi();
    const x = fa.tf.tensor4d(input, [1, 416, 416, 3]);
    const theirs: Float32Array = await (await fa.nets.tinyFaceDetector.forward(x, 416)).data();
    const ours = detectorForward(W, { shape: [1, 416, 416, 3], data: input });
    expect(ours.shape).toEqual([1, 13, 13, 25]);
    let d = 0, n = 0;
    for (let i = 0; i < theirs.length; i++) {
      d += (ours.data[i] - theirs[i]) ** 2;
      n += theirs[i] ** 2;
    }
    expect(Math.sqrt(d / n)).toBeLessThan(1e-3);

    const dets = await fa.nets.tinyFaceDetector.locateFaces(x, new fa.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 }));
    const boxes = decodeGrid(W, ours, 0.5);
    expect(dets.length).toBe(3);
    for (const det of dets) {
      const rb = det.relativeBox;
      const match = boxes.find((b) => Math.abs(b.x1 - rb.x) < 1e-3 && Math.abs(b.y1 - rb.y) < 1e-3);
      expect(match, `a box at (${rb.x}, ${rb.y})`).toBeDefined();
      expect(match!.x2 - match!.x1).toBeCloseTo(rb.width, 3);
      expect(match!.score).toBeCloseTo(det.score, 3);
    }
  }, 120_000);
});
