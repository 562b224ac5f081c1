// View helpers of the anchor-boxes widget (lesson 31). The IoU itself is geometry's shapeIou.
// A shape comparison centres both boxes on one point, so
//   intersection = min(w₁, w₂) · min(h₁, h₂),   union = w₁h₁ + w₂h₂ − intersection.
import { shapeIou } from '../../geometry/yolo';
import { texNumber } from '../../viz/iouView';

export interface ShapeIouParts {
  inter: number;
  areaObject: number;
  areaAnchor: number;
  union: number;
  iou: number;
  tex: string;
}

/** The lesson's arithmetic for one anchor, with a KaTeX line that shows it. Sizes in cell units. */
export function shapeIouParts(w: number, h: number, aw: number, ah: number): ShapeIouParts {
  const inter = Math.min(w, aw) * Math.min(h, ah);
  const areaObject = w * h, areaAnchor = aw * ah;
  const union = areaObject + areaAnchor - inter;
  const iou = shapeIou(w, h, aw, ah);
  const n = (v: number) => texNumber(Number(v.toFixed(4)));
  const tex = `\\frac{${n(Math.min(w, aw))} \\times ${n(Math.min(h, ah))}}{${n(areaObject)} + ${n(areaAnchor)} - ${n(inter)}} = \\frac{${n(inter)}}{${n(union)}} \\approx ${iou.toFixed(2)}`;
  return { inter, areaObject, areaAnchor, union, iou, tex };
}
