// Pure view logic of the IoU widget: dragging and resizing a box in a small plane, the
// keyboard moves, typed coordinates, and the quick presets. The numbers themselves come from
// geometry's iouParts (one home for the maths).
//
// A drag never produces a box with swapped corners: dragging a corner past the opposite one
// flips which corner it is (x1 ≤ x2, y1 ≤ y2 always). A box can only become EMPTY (x2 ≤ x1 or
// y2 ≤ y1) when the user types such coordinates; then it is kept as typed and explained.
import type { Box } from '../geometry/box';
import { iouParts, type IouParts } from '../geometry/iou';

/** The plane the two boxes live in (units; y grows downwards, as in image coordinates). */
export const IOU_PLANE = { width: 12, height: 8 } as const;
/** Mouse drags snap to this grid so the numbers stay readable. */
export const DRAG_SNAP = 0.1;
/** Arrow keys move (or, with shift, resize) by this much. */
export const KEY_STEP = 0.5;

export type Handle = 'move' | 'nw' | 'ne' | 'sw' | 'se';
export const CORNERS: readonly Exclude<Handle, 'move'>[] = ['nw', 'ne', 'sw', 'se'];

const round = (v: number, snap: number) => Number((Math.round(v / snap) * snap).toFixed(6));
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Corners in order (x1 ≤ x2, y1 ≤ y2). */
export function orderBox(b: Box): Box {
  return { x1: Math.min(b.x1, b.x2), y1: Math.min(b.y1, b.y2), x2: Math.max(b.x1, b.x2), y2: Math.max(b.y1, b.y2) };
}

/** Why a box is empty (area 0), or null when it has an area. */
export function emptyReason(b: Box): 'x' | 'y' | 'both' | null {
  const x = !(b.x2 > b.x1);
  const y = !(b.y2 > b.y1);
  return x && y ? 'both' : x ? 'x' : y ? 'y' : null;
}

/** Where a corner handle sits. */
export function cornerPoint(b: Box, h: Exclude<Handle, 'move'>): { x: number; y: number } {
  return { x: h === 'nw' || h === 'sw' ? b.x1 : b.x2, y: h === 'nw' || h === 'ne' ? b.y1 : b.y2 };
}

/**
 * The box after dragging `handle` by (dx, dy) from `start` (plane units). Moving keeps the
 * size and stays inside the plane; a corner follows the pointer (snapped, inside the plane)
 * while the opposite corner stays put; corners are re-ordered if they cross.
 */
export function dragBox(start: Box, handle: Handle, dx: number, dy: number, plane = IOU_PLANE, snap = DRAG_SNAP): Box {
  if (handle === 'move') {
    const b = orderBox(start);
    const w = b.x2 - b.x1, h = b.y2 - b.y1;
    const x1 = clamp(round(b.x1 + dx, snap), 0, Math.max(0, plane.width - w));
    const y1 = clamp(round(b.y1 + dy, snap), 0, Math.max(0, plane.height - h));
    return { x1, y1, x2: round(x1 + w, snap / 100), y2: round(y1 + h, snap / 100) };
  }
  const p = cornerPoint(start, handle);
  const x = clamp(round(p.x + dx, snap), 0, plane.width);
  const y = clamp(round(p.y + dy, snap), 0, plane.height);
  const b = { ...start };
  if (handle === 'nw' || handle === 'sw') b.x1 = x; else b.x2 = x;
  if (handle === 'nw' || handle === 'ne') b.y1 = y; else b.y2 = y;
  return orderBox(b);
}

/**
 * Keyboard: arrows move the box by `step`; shift + arrows resize it (→/↓ grow the right/bottom
 * edge, ←/↑ shrink it), never below one step in size (a typed coordinate is the way to an
 * empty box). Returns null for keys that are not arrows.
 */
export function keyMove(b: Box, key: string, shift: boolean, plane = IOU_PLANE, step = KEY_STEP): Box | null {
  const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[key];
  if (!d) return null;
  const [dx, dy] = [d[0] * step, d[1] * step];
  if (!shift) return dragBox(b, 'move', dx, dy, plane, step / 10);
  const o = orderBox(b);
  const x2 = clamp(o.x2 + dx, o.x1 + step, plane.width);
  const y2 = clamp(o.y2 + dy, o.y1 + step, plane.height);
  return { ...o, x2: Number(x2.toFixed(6)), y2: Number(y2.toFixed(6)) };
}

export type IouPresetName = 'course' | 'touching' | 'disjoint' | 'inside' | 'identical' | 'good';
export const IOU_PRESET_NAMES: readonly IouPresetName[] = ['course', 'touching', 'disjoint', 'inside', 'identical', 'good'];

/** Quick presets: the course's example (IoU 1/7), the exact edge cases, and a good match. */
export const IOU_PRESETS: Record<IouPresetName, [Box, Box]> = {
  course: [{ x1: 2, y1: 1, x2: 4, y2: 3 }, { x1: 1, y1: 2, x2: 3, y2: 4 }],
  touching: [{ x1: 2, y1: 2, x2: 5, y2: 5 }, { x1: 5, y1: 3, x2: 8, y2: 6 }],
  disjoint: [{ x1: 1, y1: 1, x2: 4, y2: 3 }, { x1: 7, y1: 4, x2: 10, y2: 7 }],
  inside: [{ x1: 2, y1: 1, x2: 8, y2: 7 }, { x1: 4, y1: 3, x2: 6, y2: 5 }],
  identical: [{ x1: 3, y1: 2, x2: 7, y2: 6 }, { x1: 3, y1: 2, x2: 7, y2: 6 }],
  good: [{ x1: 3, y1: 2, x2: 8, y2: 6 }, { x1: 3.5, y1: 2.5, x2: 8.5, y2: 6.5 }],
};

/** The pair the widget starts with: overlapping visibly, IoU below 0.5. */
export const IOU_START: [Box, Box] = [{ x1: 2, y1: 1.5, x2: 6.5, y2: 5.5 }, { x1: 4.5, y1: 3, x2: 9.5, y2: 7 }];

/** Correct localisation by the course's convention. */
export const IOU_CORRECT = 0.5;

export interface IouView extends IouParts {
  correct: boolean;
  emptyA: ReturnType<typeof emptyReason>;
  emptyB: ReturnType<typeof emptyReason>;
  /** The intersection has an area (false for touching/disjoint boxes). */
  overlaps: boolean;
  /** One box lies inside the other (and has an area): IoU = small area / large area. */
  nested: boolean;
  /** How the two (non-empty) boxes meet: area overlap, only an edge or corner, or not at all. */
  contact: 'overlap' | 'touching' | 'apart' | 'empty';
  tex: string;
}

/** A number for the formula: at most 4 decimals, no trailing zeros. */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return '0';
  const s = v.toFixed(4).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

export function iouView(a: Box, b: Box): IouView {
  const p = iouParts(a, b);
  const inside = (s: Box, l: Box) => s.x1 >= l.x1 && s.y1 >= l.y1 && s.x2 <= l.x2 && s.y2 <= l.y2;
  const emptyA = emptyReason(a), emptyB = emptyReason(b);
  const nested = !emptyA && !emptyB && (inside(a, b) || inside(b, a));
  const n = texNumber;
  const tex =
    `\\operatorname{IoU} = \\frac{\\operatorname{area}(A \\cap B)}{\\operatorname{area}(A) + \\operatorname{area}(B) - \\operatorname{area}(A \\cap B)}` +
    ` = \\frac{${n(p.interArea)}}{${n(p.areaA)} + ${n(p.areaB)} - ${n(p.interArea)}}` +
    (p.unionArea > 0 ? ` = \\frac{${n(p.interArea)}}{${n(p.unionArea)}} = ${n(p.iou)}` : ` = 0`);
  const iw = p.intersection.x2 - p.intersection.x1, ih = p.intersection.y2 - p.intersection.y1;
  const contact = emptyA || emptyB ? 'empty' : p.interArea > 0 ? 'overlap' : iw >= 0 && ih >= 0 ? 'touching' : 'apart';
  return { ...p, correct: p.iou >= IOU_CORRECT, emptyA, emptyB, overlaps: p.interArea > 0, nested, contact, tex };
}
