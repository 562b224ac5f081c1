// Where the sliding window is, in pure geometry (tested in Node). Every size comes from
// engine/shape.ts — this file never repeats the output-size formula.
//
// Coordinates: "padded" coordinates put (0, 0) at the top-left of the PADDED input; an input
// cell (r, c) sits at padded (r + top, c + left). Step k (0-based) is row-major over the output:
// outRow = ⌊k / outW⌋, outCol = k mod outW, window top-left = (outRow·s, outCol·s) padded.
import { convOutputSizeSides, resolvePadding, type PadSides, type Padding } from '../engine/shape';

export interface WindowGeometry {
  /** Input size (rows, cols). */
  h: number;
  w: number;
  /** Filter size and stride. */
  f: number;
  s: number;
  /** Per-side padding (TensorFlow's 'same': the extra row/column goes bottom/right). */
  pad: PadSides;
  /** Padded input size. */
  paddedH: number;
  paddedW: number;
  /** Output size. */
  outH: number;
  outW: number;
  /** Number of window positions = outH·outW. */
  steps: number;
}

export type GeometryResult = { ok: true; geom: WindowGeometry } | { ok: false; error: string };

/** Geometry of an f×f window with stride s over an h×w input; throws the engine's RangeError on bad sizes. */
export function windowGeometry(h: number, w: number, f: number, s: number, padding: Padding): WindowGeometry {
  const pad = resolvePadding(h, w, f, f, s, padding);
  const outH = convOutputSizeSides(h, f, pad.top, pad.bottom, s);
  const outW = convOutputSizeSides(w, f, pad.left, pad.right, s);
  return {
    h, w, f, s, pad,
    paddedH: h + pad.top + pad.bottom,
    paddedW: w + pad.left + pad.right,
    outH, outW, steps: outH * outW,
  };
}

/** Like windowGeometry, but an impossible setting becomes { ok: false, error } (the engine's message). */
export function tryWindowGeometry(h: number, w: number, f: number, s: number, padding: Padding): GeometryResult {
  try {
    return { ok: true, geom: windowGeometry(h, w, f, s, padding) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A rectangle of cells: rows r0..r0+rows−1, cols c0..c0+cols−1. */
export interface CellRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface WindowPosition {
  /** Output cell this window produces. */
  outRow: number;
  outCol: number;
  /** The window in padded coordinates. */
  padded: CellRect;
}

/** The window of step k (0 ≤ k < steps). */
export function windowAt(g: WindowGeometry, k: number): WindowPosition {
  if (!Number.isInteger(k) || k < 0 || k >= g.steps) throw new RangeError(`step k must be in 0..${g.steps - 1}, got ${k}`);
  const outRow = Math.floor(k / g.outW);
  const outCol = k % g.outW;
  return { outRow, outCol, padded: { row: outRow * g.s, col: outCol * g.s, rows: g.f, cols: g.f } };
}

/** Step index of an output cell (inverse of windowAt). */
export function stepOf(g: WindowGeometry, outRow: number, outCol: number): number {
  return outRow * g.outW + outCol;
}

/** The input cells (input coordinates, clipped to the real input) an output cell sees; null if it sees only padding. */
export function inputWindowOf(g: WindowGeometry, outRow: number, outCol: number): CellRect | null {
  const r0 = outRow * g.s - g.pad.top;
  const c0 = outCol * g.s - g.pad.left;
  const r1 = Math.min(r0 + g.f, g.h);
  const c1 = Math.min(c0 + g.f, g.w);
  const rs = Math.max(r0, 0);
  const cs = Math.max(c0, 0);
  if (r1 <= rs || c1 <= cs) return null;
  return { row: rs, col: cs, rows: r1 - rs, cols: c1 - cs };
}

/** The output cells whose window covers input cell (r, c) (input coordinates), row-major. */
export function outputsSeeing(g: WindowGeometry, r: number, c: number): { row: number; col: number }[] {
  const pr = r + g.pad.top;
  const pc = c + g.pad.left;
  const rows = outputIndicesCovering(pr, g.f, g.s, g.outH);
  const cols = outputIndicesCovering(pc, g.f, g.s, g.outW);
  const out: { row: number; col: number }[] = [];
  for (const row of rows) for (const col of cols) out.push({ row, col });
  return out;
}

/** Output indices i with i·s ≤ x < i·s + f (one axis, padded coordinate x). */
function outputIndicesCovering(x: number, f: number, s: number, out: number): number[] {
  const res: number[] = [];
  for (let i = Math.max(0, Math.ceil((x - f + 1) / s)); i < out && i * s <= x; i++) res.push(i);
  return res;
}

/**
 * Rows and columns of the PADDED input that no window ever reaches: when (n + 2p − f)/s is
 * not a whole number the floor drops the last partial step, leaving these uncovered.
 */
export function unreachedPadded(g: WindowGeometry): { rows: number[]; cols: number[] } {
  const lastRow = (g.outH - 1) * g.s + g.f; // one past the last row any window covers
  const lastCol = (g.outW - 1) * g.s + g.f;
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  return { rows: range(lastRow, g.paddedH), cols: range(lastCol, g.paddedW) };
}

/** Whether padded cell (r, c) is padding (outside the real input). */
export function isPadding(g: WindowGeometry, r: number, c: number): boolean {
  return r < g.pad.top || r >= g.pad.top + g.h || c < g.pad.left || c >= g.pad.left + g.w;
}
