// Faces the app draws, with exact landmarks, for landmark regression (course §24). No
// landmark-labelled dataset ships on npm, so each picture is a pure function of a seed: a
// cartoon face (skin ellipse, hair, two eyes, a nose, a mouth) at a random place, size and tilt
// on a random background with noise, and the five landmarks of the classic face-alignment
// benchmarks: left eye, right eye, nose tip, left and right mouth corner ("left" as seen in
// the picture).
//
// The face is drawn in its own frame (u, v) ∈ [−1, 1]², mapped to the picture by a rotation θ,
// a scale r and a centre (cx, cy): x = cx + r(u cos θ − v sin θ), y = cy + r(u sin θ + v cos θ).
// A landmark is a point of the face frame sent through the same map, so it is exact.
import { mulberry32 } from '../engine/random';
import type { RgbImage } from './colorPicture';

export const LANDMARK_FACE_SIZE = 32;
export const FACE_LANDMARKS = ['left-eye', 'right-eye', 'nose-tip', 'mouth-left', 'mouth-right'] as const;
export const LANDMARK_TEST_SEED_BASE = 900_000;

export interface LandmarkFace {
  seed: number;
  image: RgbImage;
  /** FACE_LANDMARKS.length points in pixels (x right, y down), pixel (x, y) covering [x, x+1) × [y, y+1). */
  points: { x: number; y: number }[];
}

type Rgb = [number, number, number];
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The face for one seed. Same seed ⇒ the same pixels and points. */
export function landmarkFace(seed: number, size = LANDMARK_FACE_SIZE): LandmarkFace {
  const rand = mulberry32(seed * 2246822519 + 7);
  const r = size * (0.24 + 0.12 * rand());
  const cx = r + 1 + rand() * (size - 2 * r - 2), cy = r + 1 + rand() * (size - 2 * r - 2);
  const theta = (rand() - 0.5) * 0.7; // up to ±20°
  const eyeX = 0.3 + 0.12 * rand(), eyeY = -0.22 + 0.12 * (rand() - 0.5);
  const mouthX = 0.25 + 0.15 * rand(), mouthY = 0.5 + 0.1 * (rand() - 0.5);
  const noseY = 0.18 + 0.08 * (rand() - 0.5);
  const skinTone = 0.55 + 0.4 * rand();
  const skin: Rgb = [clamp01(skinTone + 0.15), clamp01(skinTone * 0.82), clamp01(skinTone * 0.68)];
  const hair: Rgb = [0.1 + 0.4 * rand(), 0.07 + 0.25 * rand(), 0.05 + 0.15 * rand()];
  const bgTop: Rgb = [0.2 + 0.6 * rand(), 0.2 + 0.6 * rand(), 0.2 + 0.6 * rand()];
  const bgBottom: Rgb = [0.15 + 0.5 * rand(), 0.15 + 0.5 * rand(), 0.15 + 0.5 * rand()];
  const dark: Rgb = [0.08, 0.06, 0.06];
  const lips: Rgb = [0.65, 0.2, 0.25];
  const cos = Math.cos(theta), sin = Math.sin(theta);
  const toPicture = (u: number, v: number) => ({ x: cx + r * (u * cos - v * sin), y: cy + r * (u * sin + v * cos) });

  const data = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // the pixel centre in the face frame (inverse rotation)
      const dx = (x + 0.5 - cx) / r, dy = (y + 0.5 - cy) / r;
      const u = dx * cos + dy * sin, v = -dx * sin + dy * cos;
      const t = y / (size - 1);
      let c: Rgb = [bgTop[0] * (1 - t) + bgBottom[0] * t, bgTop[1] * (1 - t) + bgBottom[1] * t, bgTop[2] * (1 - t) + bgBottom[2] * t];
      const head = (u / 0.8) ** 2 + v ** 2 <= 1;
      if (head) c = v < -0.55 ? hair : skin;
      if (head && ((Math.abs(u) - eyeX) / 0.13) ** 2 + ((v - eyeY) / 0.08) ** 2 <= 1) c = dark;
      if (head && Math.abs(u) < 0.09 * (1 - (noseY - v) / 0.35) && v > noseY - 0.35 && v <= noseY) c = [skin[0] * 0.75, skin[1] * 0.7, skin[2] * 0.7];
      if (head && Math.abs(u) <= mouthX && Math.abs(v - mouthY) <= 0.06 + 0.05 * (1 - (u / mouthX) ** 2)) c = lips;
      for (let k = 0; k < 3; k++) data[(y * size + x) * 3 + k] = c[k];
    }
  }
  for (let i = 0; i < data.length; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    data[i] = clamp01(data[i] + 0.03 * z);
  }
  const points = [toPicture(-eyeX, eyeY), toPicture(eyeX, eyeY), toPicture(0, noseY), toPicture(-mouthX, mouthY), toPicture(mouthX, mouthY)];
  return { seed, image: { width: size, height: size, data }, points };
}

/** The fixed held-out faces (seeds from LANDMARK_TEST_SEED_BASE up, never trained on). */
export function landmarkTestFaces(n: number, size = LANDMARK_FACE_SIZE): LandmarkFace[] {
  return Array.from({ length: n }, (_, k) => landmarkFace(LANDMARK_TEST_SEED_BASE + k, size));
}

/** Mean Euclidean distance between predicted and true points, in pixels (all points of all faces). */
export function meanLandmarkError(predicted: readonly { x: number; y: number }[][], truth: readonly { x: number; y: number }[][]): number {
  let s = 0, n = 0;
  truth.forEach((pts, i) => pts.forEach((p, k) => {
    s += Math.hypot(predicted[i][k].x - p.x, predicted[i][k].y - p.y);
    n++;
  }));
  return n ? s / n : NaN;
}
