// Synthetic detection scenes (no box-labelled dataset ships on npm, so the app draws its own):
// a few objects of 2–3 classes, and around each a cloud of jittered candidate boxes with
// scores, like a detector's raw output before non-max suppression.
import type { Box } from '../geometry/box';

export interface SceneObject {
  box: Box;
  classId: number;
}

export interface Candidate {
  box: Box;
  score: number;
  classId: number;
  /** which object it was jittered from (−1 for a stray false positive) */
  source: number;
}

export interface Scene {
  width: number;
  height: number;
  objects: SceneObject[];
  candidates: Candidate[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Objects placed without heavy overlap; `rand` is a seeded uniform [0, 1) source. */
export function makeScene(rand: () => number, opts: { objects?: number; classes?: number; perObject?: number; strays?: number } = {}): Scene {
  const { objects: nObj = 4, classes = 3, perObject = 6, strays = 3 } = opts;
  const width = 100, height = 70;
  const objects: SceneObject[] = [];
  let tries = 0;
  while (objects.length < nObj && tries++ < 500) {
    const w = 14 + rand() * 22, h = 12 + rand() * 26;
    const x1 = rand() * (width - w), y1 = rand() * (height - h);
    const b = { x1, y1, x2: x1 + w, y2: y1 + h };
    const overlaps = objects.some((o) => !(b.x2 < o.box.x1 - 2 || b.x1 > o.box.x2 + 2 || b.y2 < o.box.y1 - 2 || b.y1 > o.box.y2 + 2));
    if (!overlaps || tries > 300) objects.push({ box: b, classId: objects.length % classes });
  }
  const candidates: Candidate[] = [];
  objects.forEach((o, source) => {
    const w = o.box.x2 - o.box.x1, h = o.box.y2 - o.box.y1;
    for (let k = 0; k < perObject; k++) {
      const j = k === 0 ? 0.04 : 0.22; // the first candidate is a good one
      const x1 = o.box.x1 + (rand() - 0.5) * j * w * 2, y1 = o.box.y1 + (rand() - 0.5) * j * h * 2;
      const x2 = o.box.x2 + (rand() - 0.5) * j * w * 2, y2 = o.box.y2 + (rand() - 0.5) * j * h * 2;
      const score = clamp((k === 0 ? 0.85 : 0.4) + rand() * (k === 0 ? 0.14 : 0.5), 0.05, 0.99);
      candidates.push({ box: { x1: clamp(x1, 0, width), y1: clamp(y1, 0, height), x2: clamp(x2, 0, width), y2: clamp(y2, 0, height) }, score: +score.toFixed(2), classId: o.classId, source });
    }
  });
  for (let k = 0; k < strays; k++) {
    const w = 8 + rand() * 12, h = 8 + rand() * 12;
    const x1 = rand() * (width - w), y1 = rand() * (height - h);
    candidates.push({ box: { x1, y1, x2: x1 + w, y2: y1 + h }, score: +(0.1 + rand() * 0.5).toFixed(2), classId: Math.floor(rand() * classes), source: -1 });
  }
  return { width, height, objects, candidates };
}

/** n random boxes as flat corners [x1, y1, x2, y2, …] in a size×size image, plus scores. */
export function randomBoxes(n: number, rand: () => number, size = 1000): { corners: Float32Array; scores: Float32Array } {
  const corners = new Float32Array(4 * n);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const w = 10 + rand() * 90, h = 10 + rand() * 90;
    const x1 = rand() * (size - w), y1 = rand() * (size - h);
    corners.set([x1, y1, x1 + w, y1 + h], 4 * i);
    scores[i] = rand();
  }
  return { corners, scores };
}
