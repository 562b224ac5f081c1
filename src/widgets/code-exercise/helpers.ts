// The helpers an exercise statement may name, given to the student's code as plain functions.
// Arrays are plain nested arrays in the course's order, e.g. (m, n_H, n_W, n_C).
import { iou as iouOfBoxes } from '../../geometry/iou';

/** zeros([2, 3]) → [[0, 0, 0], [0, 0, 0]] */
export function zeros(shape: number[]): unknown {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new RangeError(`zeros(shape): shape must be a list of whole numbers ≥ 0, got ${JSON.stringify(shape)}`);
  }
  if (shape.reduce((a, b) => a * b, 1) > 1_000_000) throw new RangeError(`zeros(${JSON.stringify(shape)}): more than a million numbers`);
  const build = (d: number): unknown => (d === shape.length ? 0 : Array.from({ length: shape[d] }, () => build(d + 1)));
  return build(0);
}

/** shape([[1, 2, 3], [4, 5, 6]]) → [2, 3] (read along the first element at each depth). */
export function shape(x: unknown): number[] {
  const s: number[] = [];
  for (let cur = x; Array.isArray(cur); cur = cur[0]) s.push(cur.length);
  return s;
}

/** IoU of two boxes [x1, y1, x2, y2] (for the NMS exercise, which builds on the IoU one). */
export function iou(a: number[], b: number[]): number {
  return iouOfBoxes({ x1: a[0], y1: a[1], x2: a[2], y2: a[3] }, { x1: b[0], y1: b[1], x2: b[2], y2: b[3] });
}

export const studentHelpers = { zeros, shape, iou };
