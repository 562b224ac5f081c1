// From a photo to faces and their encodings, all on our engine:
//   1. letterbox the photo into 416×416 (longer side scaled to 416, black below or to the right),
//   2. the tiny face detector → boxes with scores > 0.5, back in photo pixels, then NMS (IoU 0.4),
//   3. each face's box made square and resampled to 150×150 (position and scale only),
//   4. the recogniser → f(x), 128 numbers per face.
import type { Tensor } from '../../../engine/tensor';
import { cropResize, faceSquare, type RgbPhoto } from '../../../data/faceCrop';
import { nonMaxSuppression, type Box } from '../../../geometry/index';
import { decodeGrid, detectorForward, DETECTOR_INPUT_SIZE, type DetectorWeights } from '../../../engine/nn/tinyFaceDetector';
import { faceDescriptors, FACE_INPUT_SIZE, type FaceNetWeights } from '../../../engine/nn/faceNet';

export const MIN_FACE_SCORE = 0.5;
export const FACE_NMS_IOU = 0.4;

export interface FoundFace {
  /** the detector's box, in photo pixels */
  box: Box;
  score: number;
}

export interface EncodedFace extends FoundFace {
  /** the square that was cut out, in photo pixels */
  square: Box;
  /** the 150×150 crop the recogniser saw, RGB bytes */
  crop: Uint8ClampedArray;
  /** f(x): the 128-number encoding */
  descriptor: Float32Array;
}

/** RGBA bytes (a canvas's ImageData) → an RGB photo. */
export function rgbaToPhoto(rgba: Uint8ClampedArray, width: number, height: number): RgbPhoto {
  if (rgba.length !== width * height * 4) throw new RangeError(`photo: ${width}×${height} needs ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  const data = new Uint8ClampedArray(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    data[j] = rgba[i];
    data[j + 1] = rgba[i + 1];
    data[j + 2] = rgba[i + 2];
  }
  return { width, height, data };
}

/** Faces the detector finds, best first. */
export function findFaces(W: DetectorWeights, photo: RgbPhoto): FoundFace[] {
  const side = Math.max(photo.width, photo.height);
  const input: Tensor = { shape: [1, DETECTOR_INPUT_SIZE, DETECTOR_INPUT_SIZE, 3], data: cropResize(photo, { x1: 0, y1: 0, x2: side, y2: side }, DETECTOR_INPUT_SIZE) };
  const raw = decodeGrid(W, detectorForward(W, input), MIN_FACE_SCORE);
  const clip = (v: number, hi: number) => Math.min(hi, Math.max(0, v));
  const boxes = raw.map((b) => ({
    x1: clip(b.x1 * side, photo.width), y1: clip(b.y1 * side, photo.height),
    x2: clip(b.x2 * side, photo.width), y2: clip(b.y2 * side, photo.height),
  }));
  const keep = nonMaxSuppression(boxes, raw.map((b) => b.score), { iouThreshold: FACE_NMS_IOU });
  return keep.map((i) => ({ box: boxes[i], score: raw[i].score })).filter((f) => f.box.x2 - f.box.x1 >= 8 && f.box.y2 - f.box.y1 >= 8);
}

/** Cut each face out (150×150) and encode the batch with the recogniser. */
export function encodeFaces(W: FaceNetWeights, photo: RgbPhoto, faces: readonly FoundFace[]): EncodedFace[] {
  if (faces.length === 0) return [];
  const n = FACE_INPUT_SIZE * FACE_INPUT_SIZE * 3;
  const batch = new Float32Array(faces.length * n);
  const squares = faces.map((f, k) => {
    const square = faceSquare(f.box);
    batch.set(cropResize(photo, square, FACE_INPUT_SIZE), k * n);
    return square;
  });
  const d = faceDescriptors(W, { shape: [faces.length, FACE_INPUT_SIZE, FACE_INPUT_SIZE, 3], data: batch }).data;
  return faces.map((f, k) => ({
    ...f,
    square: squares[k],
    crop: Uint8ClampedArray.from(batch.subarray(k * n, (k + 1) * n), (v) => Math.round(v)),
    descriptor: d.slice(k * 128, (k + 1) * 128),
  }));
}
