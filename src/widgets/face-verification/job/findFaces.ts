// From a photo to faces and their encodings, all on our engine:
//   1. letterbox the photo into 416×416 (longer side scaled to 416, black below or to the right),
//   2. the tiny face detector → boxes with scores > 0.5, back in photo pixels, then NMS (IoU 0.4),
//   3. each face's box made square, resampled to 112×112 → the landmark net → 68 points,
//   4. aligned: the square turned so the eyes are level, around the landmarks, resampled to 150×150,
//   5. the recogniser → f(x), 128 numbers per face.
import type { Tensor } from '../../../engine/tensor';
import { alignFace, cropAligned, cropResize, faceSquare, type AlignedSquare, type RgbPhoto } from '../../../data/faceCrop';
import { nonMaxSuppression, type Box } from '../../../geometry/index';
import { decodeGrid, detectorForward, DETECTOR_INPUT_SIZE, type DetectorWeights } from '../../../engine/nn/tinyFaceDetector';
import { faceDescriptors, FACE_INPUT_SIZE, type FaceNetWeights } from '../../../engine/nn/faceNet';
import { landmarksForward, LANDMARK_INPUT_SIZE, type LandmarkWeights } from '../../../engine/nn/faceLandmarks';

export const MIN_FACE_SCORE = 0.5;
export const FACE_NMS_IOU = 0.4;

export interface FoundFace {
  /** the detector's box, in photo pixels */
  box: Box;
  score: number;
}

export interface EncodedFace extends FoundFace {
  /** the 68 landmarks, photo pixels, x₀ y₀ x₁ y₁ … */
  landmarks: Float32Array;
  /** the aligned square that was cut out (centre, side, angle), photo pixels */
  aligned: AlignedSquare;
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

/** The 68 landmarks of each face, in photo pixels (x₀, y₀, x₁, y₁, …). */
export function faceLandmarks(W: LandmarkWeights, photo: RgbPhoto, faces: readonly FoundFace[]): Float32Array[] {
  if (faces.length === 0) return [];
  const S = LANDMARK_INPUT_SIZE, n = S * S * 3;
  const squares = faces.map((f) => faceSquare(f.box));
  const batch = new Float32Array(faces.length * n);
  squares.forEach((sq, k) => batch.set(cropResize(photo, sq, S), k * n));
  const out = landmarksForward(W, { shape: [faces.length, S, S, 3], data: batch }).data;
  return squares.map((sq, k) => {
    const side = sq.x2 - sq.x1;
    return Float32Array.from({ length: 136 }, (_, i) => (i % 2 === 0 ? sq.x1 : sq.y1) + out[k * 136 + i] * side);
  });
}

/** Align each face by its landmarks, cut it out (150×150) and encode the batch with the recogniser. */
export function encodeFaces(W: FaceNetWeights, L: LandmarkWeights, photo: RgbPhoto, faces: readonly FoundFace[]): EncodedFace[] {
  if (faces.length === 0) return [];
  const n = FACE_INPUT_SIZE * FACE_INPUT_SIZE * 3;
  const landmarks = faceLandmarks(L, photo, faces);
  const batch = new Float32Array(faces.length * n);
  const aligned = landmarks.map((lm, k) => {
    const sq = alignFace(Array.from({ length: 68 }, (_, i) => [lm[2 * i], lm[2 * i + 1]] as const));
    batch.set(cropAligned(photo, sq, FACE_INPUT_SIZE), k * n);
    return sq;
  });
  const d = faceDescriptors(W, { shape: [faces.length, FACE_INPUT_SIZE, FACE_INPUT_SIZE, 3], data: batch }).data;
  return faces.map((f, k) => ({
    ...f,
    landmarks: landmarks[k],
    aligned: aligned[k],
    crop: Uint8ClampedArray.from(batch.subarray(k * n, (k + 1) * n), (v) => Math.round(v)),
    descriptor: d.slice(k * 128, (k + 1) * 128),
  }));
}
