// View geometry of the transposed-conv widget (lesson 34): where input cell (i, j)'s stamp lands
// on the uncropped canvas, which canvas rows/columns the padding crops, and which stamps add up
// in one output cell. The numbers themselves come from the engine (worker job transposed-conv).
import type { CellRect } from '../../viz/window';

export const TCONV = { n: 2, f: 3, s: 2, p: 1, outputPadding: 1 } as const;
/** The lecture's worked example. */
export const TCONV_INPUT = [2, 1, 3, 2];
export const TCONV_FILTER = [1, 2, 1, 2, 0, 1, 0, 2, 1];

/** Uncropped canvas side: (n − 1)·s + f. */
export const canvasSize = (n: number, f: number, s: number) => (n - 1) * s + f;

/** The f×f block input cell (i, j) paints on the canvas: top-left at (i·s, j·s). */
export function stampRect(i: number, j: number, f: number, s: number): CellRect {
  return { row: i * s, col: j * s, rows: f, cols: f };
}

/** Rows/columns cut off the canvas: p at the top/left, p − outputPadding at the bottom/right. */
export function croppedSides(p: number, outputPadding: number) {
  return { before: p, after: p - outputPadding };
}

export interface Contribution {
  i: number;
  j: number;
  u: number;
  v: number;
}

/**
 * The stamps that reach output cell (r, c): input (i, j) with filter tap (u, v) such that
 * r = i·s + u − p and c = j·s + v − p. out(r, c) = Σ x[i, j]·w[u, v] over these.
 */
export function contributions(r: number, c: number, n: number, f: number, s: number, p: number): Contribution[] {
  const out: Contribution[] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const u = r + p - i * s, v = c + p - j * s;
    if (u >= 0 && u < f && v >= 0 && v < f) out.push({ i, j, u, v });
  }
  return out;
}
