// YOLO's target encoding (course §29–30 and "bounding box predictions").
// The image is cut into an S×S grid; each cell has A anchor boxes; each anchor slot holds
//   y = [p_c, b_x, b_y, b_h, b_w, c_1 … c_C]   (5 + C numbers)
// so the target is S×S×A·(5 + C) (3×3 grid, 2 anchors, 3 classes → 3×3×16; COCO: 19×19×5×85).
// An object goes to the cell that contains its midpoint, and to the anchor whose shape has the
// highest IoU with the object's shape (both centred). b_x, b_y ∈ [0, 1) are relative to the cell;
// b_h, b_w are in units of the cell size and may exceed 1.
import { fromCenter, type Box } from './box';
import { iou } from './iou';

export interface YoloObject {
  /** box in image coordinates, each in [0, 1] */
  box: Box;
  classId: number;
}

export interface YoloConfig {
  grid: number;
  /** anchor shapes [width, height] in image units (fractions of the image) */
  anchors: Array<[number, number]>;
  classes: number;
}

export interface YoloAssignment {
  object: number;
  row: number;
  col: number;
  anchor: number;
  /** IoU of the object's shape with each anchor's shape (centred) */
  anchorIous: number[];
  /** the 5 + C numbers written into the slot */
  vector: number[];
}

export function yoloOutputSize(grid: number, anchors: number, classes: number): number {
  return grid * grid * anchors * (5 + classes);
}

/** IoU of two shapes placed on the same centre: the anchor-matching criterion. */
export function shapeIou(w1: number, h1: number, w2: number, h2: number): number {
  return iou(fromCenter(0, 0, w1, h1), fromCenter(0, 0, w2, h2));
}

/**
 * Encode objects into the flat target (row-major [row][col][anchor][5 + C]).
 * When two objects claim the same cell and anchor, the later one is reported as a collision and
 * not written (the course's noted weakness of a small grid with few anchors).
 */
export function yoloEncode(objects: readonly YoloObject[], cfg: YoloConfig): {
  target: Float32Array;
  assignments: YoloAssignment[];
  collisions: number[];
} {
  const { grid: S, anchors, classes: C } = cfg;
  if (!Number.isInteger(S) || S < 1) throw new RangeError(`grid must be a whole number ≥ 1, got ${S}`);
  if (anchors.length < 1) throw new RangeError('at least one anchor box is needed');
  const A = anchors.length;
  const D = 5 + C;
  const target = new Float32Array(S * S * A * D);
  const assignments: YoloAssignment[] = [];
  const collisions: number[] = [];
  objects.forEach((o, idx) => {
    if (o.classId < 0 || o.classId >= C || !Number.isInteger(o.classId)) {
      throw new RangeError(`object ${idx}: class ${o.classId} is not one of the ${C} classes`);
    }
    const cx = (o.box.x1 + o.box.x2) / 2;
    const cy = (o.box.y1 + o.box.y2) / 2;
    const w = o.box.x2 - o.box.x1;
    const h = o.box.y2 - o.box.y1;
    const col = Math.min(S - 1, Math.max(0, Math.floor(cx * S)));
    const row = Math.min(S - 1, Math.max(0, Math.floor(cy * S)));
    const anchorIous = anchors.map(([aw, ah]) => shapeIou(w, h, aw, ah));
    let anchor = 0;
    for (let a = 1; a < A; a++) if (anchorIous[a] > anchorIous[anchor]) anchor = a;
    const vector = new Array<number>(D).fill(0);
    vector[0] = 1;
    vector[1] = cx * S - col;
    vector[2] = cy * S - row;
    vector[3] = h * S;
    vector[4] = w * S;
    vector[5 + o.classId] = 1;
    const at = ((row * S + col) * A + anchor) * D;
    if (target[at] === 1) {
      collisions.push(idx);
      return;
    }
    target.set(vector, at);
    assignments.push({ object: idx, row, col, anchor, anchorIous, vector });
  });
  return { target, assignments, collisions };
}

/** Decode a slot back to an image-space box (the inverse of the encoding above). */
export function yoloDecodeSlot(v: ArrayLike<number>, row: number, col: number, grid: number): Box {
  const cx = (col + v[1]) / grid;
  const cy = (row + v[2]) / grid;
  return fromCenter(cx, cy, v[4] / grid, v[3] / grid);
}
