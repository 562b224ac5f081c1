// The localization target and its loss (course §23, errata): y = [p_c, b_x, b_y, b_h, b_w, c_1,
// c_2, c_3] with the box relative to the image; with squared error
//   L(ŷ, y) = Σᵢ (ŷᵢ − yᵢ)²   if y₁ = 1,      L(ŷ, y) = (ŷ₁ − y₁)²   if y₁ = 0.
// The target itself comes from geometry's yoloEncode on a 1×1 "grid" (the whole image is one cell).
import type { Box } from '../../geometry/box';
import { cellSlots, yoloScene, type Entry } from '../../viz/yoloEncoder';

export const LOCALIZATION_CLASSES = 3;

/** y for an image with this object, or [0, ?, …, ?] when there is none. */
export function localizationTarget(box: Box, classId: number, noObject: boolean): Entry[] {
  if (noObject) return [0, ...new Array<Entry>(4 + LOCALIZATION_CLASSES).fill(null)];
  const s = yoloScene([{ box, classId }], 1, 1, LOCALIZATION_CLASSES, [[1, 1]]);
  return cellSlots(s.target, 1, 1, LOCALIZATION_CLASSES, 0, 0)[0].map((v) => (v === null ? null : Number(v.toFixed(6))));
}

/** Each component's squared error (null where the loss ignores it) and their sum. */
export function localizationLoss(yHat: readonly number[], y: readonly Entry[]): { terms: Array<number | null>; loss: number } {
  const on = y[0] === 1;
  const terms = y.map((v, i) => (i === 0 || (on && v !== null) ? (yHat[i] - (v as number)) ** 2 : null));
  return { terms, loss: terms.reduce<number>((s, t) => s + (t ?? 0), 0) };
}
