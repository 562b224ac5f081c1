// Intersection over union: IoU(A, B) = area(A ∩ B) / area(A ∪ B),
// with area(A ∪ B) = area(A) + area(B) − area(A ∩ B). By convention a detection is
// "correct" when IoU ≥ 0.5. Two empty boxes have no union: IoU 0.
import { area, intersection, type Box } from './box';

export interface IouParts {
  intersection: Box;
  interArea: number;
  unionArea: number;
  areaA: number;
  areaB: number;
  iou: number;
}

export function iouParts(a: Box, b: Box): IouParts {
  const inter = intersection(a, b);
  const interArea = area(inter);
  const areaA = area(a);
  const areaB = area(b);
  const unionArea = areaA + areaB - interArea;
  return { intersection: inter, interArea, unionArea, areaA, areaB, iou: unionArea > 0 ? interArea / unionArea : 0 };
}

export function iou(a: Box, b: Box): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  const inter = w > 0 && h > 0 ? w * h : 0;
  const union = area(a) + area(b) - inter;
  return union > 0 ? inter / union : 0;
}

/** IoU of boxes i and j stored flat as [x1, y1, x2, y2, …] (the fast path for thousands of boxes). */
export function iouFlat(c: Float32Array | Float64Array, areas: Float32Array | Float64Array, i: number, j: number): number {
  const w = Math.min(c[4 * i + 2], c[4 * j + 2]) - Math.max(c[4 * i], c[4 * j]);
  if (w <= 0) return 0;
  const h = Math.min(c[4 * i + 3], c[4 * j + 3]) - Math.max(c[4 * i + 1], c[4 * j + 1]);
  if (h <= 0) return 0;
  const inter = w * h;
  const union = areas[i] + areas[j] - inter;
  return union > 0 ? inter / union : 0;
}
