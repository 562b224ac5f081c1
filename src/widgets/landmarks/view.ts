// Landmark detection (course §24): the target vector of a face picture with n landmarks,
//   y = [face?, l_1x, l_1y, …, l_nx, l_ny]   (1 + 2n numbers, coordinates in [0, 1] of the picture)
// and what a swap of two labels does to it. `order[k]` is the point that carries label k+1:
// consistent labelling means order = [0, 1, …, n−1] in every picture of the training set.

export interface Point {
  x: number;
  y: number;
}

/** The face's key points (left/right as seen in the picture), in [0, 1] picture units. */
export const LANDMARK_POINTS = [
  { id: 'left-eye-outer', x: 0.3, y: 0.42 },
  { id: 'left-eye-inner', x: 0.43, y: 0.42 },
  { id: 'right-eye-inner', x: 0.57, y: 0.42 },
  { id: 'right-eye-outer', x: 0.7, y: 0.42 },
  { id: 'nose-tip', x: 0.5, y: 0.6 },
  { id: 'mouth-left', x: 0.38, y: 0.73 },
  { id: 'mouth-right', x: 0.62, y: 0.73 },
  { id: 'chin', x: 0.5, y: 0.9 },
  { id: 'left-brow-outer', x: 0.27, y: 0.33 },
  { id: 'left-brow-inner', x: 0.44, y: 0.32 },
  { id: 'right-brow-inner', x: 0.56, y: 0.32 },
  { id: 'right-brow-outer', x: 0.73, y: 0.33 },
] as const;

export type LandmarkId = (typeof LANDMARK_POINTS)[number]['id'];

/** How many landmarks the widget offers: the four eye corners of the lesson, 8, or 12. */
export const LANDMARK_COUNTS = [4, 8, 12] as const;
export type LandmarkCount = (typeof LANDMARK_COUNTS)[number];

/** The left/right partner of each landmark (what a mirror image turns it into). */
export const MIRROR_PARTNER: Record<LandmarkId, LandmarkId> = {
  'left-eye-outer': 'right-eye-outer', 'right-eye-outer': 'left-eye-outer',
  'left-eye-inner': 'right-eye-inner', 'right-eye-inner': 'left-eye-inner',
  'nose-tip': 'nose-tip', chin: 'chin',
  'mouth-left': 'mouth-right', 'mouth-right': 'mouth-left',
  'left-brow-outer': 'right-brow-outer', 'right-brow-outer': 'left-brow-outer',
  'left-brow-inner': 'right-brow-inner', 'right-brow-inner': 'left-brow-inner',
};

/** 1 + 2n: one "is there a face?" unit and an (x, y) pair per landmark. */
export function vectorLength(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`vectorLength: n must be a whole number ≥ 0, got ${n}`);
  return 1 + 2 * n;
}

/** One entry of y: its name (p, l3x, …) and value (null = "don't care" when there is no face). */
export interface VectorEntry {
  name: string;
  value: number | null;
  /** which label k (1-based) and which axis, for entries after the first */
  label?: number;
  axis?: 'x' | 'y';
}

/** y = [face?, l_1x, l_1y, …]: label k takes the coordinates of point order[k−1]. */
export function targetVector(face: boolean, points: readonly Point[], order: readonly number[]): VectorEntry[] {
  const y: VectorEntry[] = [{ name: 'face', value: face ? 1 : 0 }];
  order.forEach((pi, k) => {
    const p = points[pi];
    y.push({ name: `l${k + 1}x`, value: face ? p.x : null, label: k + 1, axis: 'x' });
    y.push({ name: `l${k + 1}y`, value: face ? p.y : null, label: k + 1, axis: 'y' });
  });
  return y;
}

export function identityOrder(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Swap labels i and j (0-based): the points stay where they are, their numbers trade places. */
export function swapLabels(order: readonly number[], i: number, j: number): number[] {
  if (![i, j].every((k) => Number.isInteger(k) && k >= 0 && k < order.length)) throw new RangeError(`swapLabels: labels must be 0…${order.length - 1}`);
  const o = [...order];
  [o[i], o[j]] = [o[j], o[i]];
  return o;
}

/** The label (0-based) each point carries: the inverse permutation of order. */
export function labelOfPoint(order: readonly number[]): number[] {
  const inv = new Array<number>(order.length);
  order.forEach((p, k) => (inv[p] = k));
  return inv;
}

/** Indices of y whose value differs between two vectors (the entries a swap changed). */
export function changedEntries(a: readonly VectorEntry[], b: readonly VectorEntry[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i]?.value !== b[i]?.value) out.push(i);
  return out;
}

export const KEY_STEP = 0.01;
export const KEY_STEP_BIG = 0.05;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** A point moved by (dx, dy), kept inside the picture, rounded to 0.001. */
export function movePoint(p: Point, dx: number, dy: number): Point {
  return { x: round3(clamp01(p.x + dx)), y: round3(clamp01(p.y + dy)) };
}

/** Arrow keys move a focused landmark by 0.01 (shift: 0.05); null for any other key. */
export function keyMovePoint(p: Point, key: string, shift: boolean): Point | null {
  const s = shift ? KEY_STEP_BIG : KEY_STEP;
  const d: Record<string, [number, number]> = { ArrowLeft: [-s, 0], ArrowRight: [s, 0], ArrowUp: [0, -s], ArrowDown: [0, s] };
  return d[key] ? movePoint(p, d[key][0], d[key][1]) : null;
}

/**
 * A horizontal flip done right (the lesson's common mistake): x ↦ 1 − x for every point AND
 * each label moves to its mirror partner, so label "left eye outer" still marks the eye that
 * is on the left in the flipped picture.
 *   naive: the points flip but keep their labels → label 1 now sits on the right eye.
 */
export function mirrorPoints(points: readonly Point[], ids: readonly LandmarkId[], renumber: boolean): Point[] {
  const flipped = points.map((p) => ({ x: round3(1 - p.x), y: p.y }));
  if (!renumber) return flipped;
  // point i flipped lands where partner(i) is; so the new point for id i is the flipped partner
  return ids.map((id) => flipped[ids.indexOf(MIRROR_PARTNER[id])] ?? flipped[ids.indexOf(id)]);
}

/** Indices of y that describe another point than in the consistent order (both x and y of every moved label). */
export function relabelledEntries(order: readonly number[]): number[] {
  const out: number[] = [];
  order.forEach((p, k) => p !== k && out.push(1 + 2 * k, 2 + 2 * k));
  return out;
}
