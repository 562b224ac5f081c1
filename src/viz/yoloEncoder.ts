// Pure view logic shared by the YOLO widgets (bbox-grid, anchor-boxes, yolo-encoder): the
// image is the unit square (top-left (0, 0), bottom-right (1, 1)), objects are boxes in it.
// Every number comes from geometry's yoloEncode / shapeIou (one home for the maths); this file
// only places objects, reads slots back out of the target and turns p_c = 0 slots into "?".
import type { Box } from '../geometry/box';
import { yoloEncode, yoloOutputSize, type YoloAssignment } from '../geometry/yolo';
import { dragBox, keyMove, type Handle, type IOU_PLANE } from './iouView';

/** The image the objects live in: the unit square. */
export const IMAGE_PLANE = { width: 1, height: 1 } as unknown as typeof IOU_PLANE; // iouView's drag maths take any plane size
/** Drags snap to this (image units) so the numbers stay readable. */
export const SCENE_SNAP = 0.01;
/** Arrow keys move (shift: resize) by this much. */
export const SCENE_KEY_STEP = 0.02;
/** No object is dragged smaller than this (an empty box has no shape to match). */
export const MIN_SIDE = 0.03;

/**
 * Anchor shapes [width, height] in CELL units, in the order the course introduces them:
 * anchor 1 tall (a pedestrian), anchor 2 wide (a car), then square, large, very wide.
 */
export const ANCHOR_SHAPES_CELL: ReadonlyArray<readonly [number, number]> = [
  [0.5, 1.5],
  [1.5, 0.5],
  [1, 1],
  [2, 2],
  [2.5, 1],
];

/** The first `count` anchors in image units for an S×S grid (a cell is 1/S of the image). */
export function anchorsInImage(count: number, grid: number): Array<[number, number]> {
  return ANCHOR_SHAPES_CELL.slice(0, count).map(([w, h]) => [w / grid, h / grid]);
}

export interface SceneObject {
  box: Box;
  classId: number;
}

/** Output shape S×S×A(5 + C): raw "3x3x16" for tests, the course's two spellings, the count. */
export function outputShape(grid: number, anchors: number, classes: number) {
  const depth = anchors * (5 + classes);
  return {
    raw: `${grid}x${grid}x${depth}`,
    flat: `${grid}×${grid}×${depth}`,
    full: `${grid}×${grid}×${anchors}×${5 + classes}`,
    count: yoloOutputSize(grid, anchors, classes),
  };
}

/** One entry of a label vector: a number, or null for "don't care" (?). */
export type Entry = number | null;

/**
 * The A slots of cell (row, col) read out of a flat target ([row][col][anchor][5 + C]).
 * A slot with p_c = 0 is [0, ?, ?, …]: its box and classes are undefined, and the loss ignores them.
 */
export function cellSlots(target: Float32Array, grid: number, anchors: number, classes: number, row: number, col: number): Entry[][] {
  const D = 5 + classes;
  const out: Entry[][] = [];
  for (let a = 0; a < anchors; a++) {
    const at = ((row * grid + col) * anchors + a) * D;
    const pc = target[at];
    out.push(Array.from({ length: D }, (_, i) => (i === 0 ? pc : pc === 1 ? target[at + i] : null)));
  }
  return out;
}

/** Where one object lands, whether or not it won its slot. */
export interface Placement extends YoloAssignment {
  /** Another object already holds this (cell, anchor) slot: this one is not written. */
  collided: boolean;
}

export interface YoloScene {
  target: Float32Array;
  placements: Placement[];
  /** "r,c" of every cell that holds at least one p_c = 1 slot → which anchors are filled. */
  filled: Map<string, boolean[]>;
  shape: ReturnType<typeof outputShape>;
}

/**
 * Encode a scene. Objects whose class is beyond C (after the user lowered C) are drawn with the
 * last class rather than dropped, so raising C again brings their class back.
 */
export function yoloScene(objects: readonly SceneObject[], grid: number, anchors: number, classes: number, anchorShapes = anchorsInImage(anchors, grid)): YoloScene {
  const cfg = { grid, anchors: anchorShapes, classes };
  const objs = objects.map((o) => ({ box: o.box, classId: Math.min(o.classId, classes - 1) }));
  const enc = yoloEncode(objs, cfg);
  // Each object alone gives its cell, anchor and IoUs even when it lost its slot to another one.
  const placements = objs.map((o, i) => ({ ...yoloEncode([o], cfg).assignments[0], object: i, collided: enc.collisions.includes(i) }));
  const filled = new Map<string, boolean[]>();
  for (const a of enc.assignments) {
    const k = `${a.row},${a.col}`;
    const f = filled.get(k) ?? new Array<boolean>(anchors).fill(false);
    f[a.anchor] = true;
    filled.set(k, f);
  }
  return { target: enc.target, placements, filled, shape: outputShape(grid, anchors, classes) };
}

/** A drag of a box or corner inside the image; null when it would make the box too small. */
export function dragObject(start: Box, handle: Handle, dx: number, dy: number): Box | null {
  const b = dragBox(start, handle, dx, dy, IMAGE_PLANE, SCENE_SNAP);
  return b.x2 - b.x1 < MIN_SIDE - 1e-9 || b.y2 - b.y1 < MIN_SIDE - 1e-9 ? null : b;
}

/** Arrow keys move a box; shift + arrows resize it. null for other keys. */
export function keyObject(b: Box, key: string, shift: boolean): Box | null {
  return keyMove(b, key, shift, IMAGE_PLANE, SCENE_KEY_STEP);
}

/** A box of the given size (image units) centred on (cx, cy), kept inside the image. */
export function boxAround(cx: number, cy: number, w: number, h: number): Box {
  const ww = Math.min(1, w), hh = Math.min(1, h);
  const x1 = Math.min(1 - ww, Math.max(0, cx - ww / 2));
  const y1 = Math.min(1 - hh, Math.max(0, cy - hh / 2));
  const r = (v: number) => Number(v.toFixed(6));
  return { x1: r(x1), y1: r(y1), x2: r(x1 + ww), y2: r(y1 + hh) };
}

/** Class names of the course's running example; beyond three, "class k". */
export const COURSE_CLASSES = ['pedestrian', 'car', 'motorcycle'] as const;

/** Centre of the cell nearest the image centre that owns no object yet (for a new object). */
export function freeSpot(objects: readonly SceneObject[], grid: number): { cx: number; cy: number } {
  const taken = new Set(objects.map((o) => {
    const cx = (o.box.x1 + o.box.x2) / 2, cy = (o.box.y1 + o.box.y2) / 2;
    return `${Math.min(grid - 1, Math.floor(cy * grid))},${Math.min(grid - 1, Math.floor(cx * grid))}`;
  }));
  const mid = (grid - 1) / 2;
  const cells = Array.from({ length: grid * grid }, (_, k) => ({ r: Math.floor(k / grid), c: k % grid }))
    .sort((a, b) => Math.hypot(a.r - mid, a.c - mid) - Math.hypot(b.r - mid, b.c - mid));
  const free = cells.find(({ r, c }) => !taken.has(`${r},${c}`)) ?? cells[0];
  return { cx: (free.c + 0.5) / grid, cy: (free.r + 0.5) / grid };
}
