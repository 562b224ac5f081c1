// Boxes in corner form (x1, y1, x2, y2). A box with x2 ≤ x1 or y2 ≤ y1 is empty (area 0):
// that is what makes touching boxes overlap by exactly 0.

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function area(b: Box): number {
  return Math.max(0, b.x2 - b.x1) * Math.max(0, b.y2 - b.y1);
}

/** The overlap rectangle (may be empty: then its area is 0). */
export function intersection(a: Box, b: Box): Box {
  return { x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1), x2: Math.min(a.x2, b.x2), y2: Math.min(a.y2, b.y2) };
}

/** YOLO's centre form (b_x, b_y, b_w, b_h) → corners. */
export function fromCenter(bx: number, by: number, bw: number, bh: number): Box {
  return { x1: bx - bw / 2, y1: by - bh / 2, x2: bx + bw / 2, y2: by + bh / 2 };
}

export function toCenter(b: Box): { bx: number; by: number; bw: number; bh: number } {
  return { bx: (b.x1 + b.x2) / 2, by: (b.y1 + b.y2) / 2, bw: b.x2 - b.x1, bh: b.y2 - b.y1 };
}
