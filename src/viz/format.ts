// Number formats for cells and metrics: short, exact for whole numbers, no "-0", no "NaN".
import { format } from 'd3';

const thousands = format(',');

/** A value shown in a grid cell: integers as-is, others with up to `digits` decimals (trailing zeros trimmed). */
export function formatCell(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return '—';
  if (Object.is(v, -0) || Math.abs(v) < 0.5 * 10 ** -digits) return '0';
  if (Number.isInteger(v)) return String(v);
  const s = v.toFixed(digits).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** A count with thousands separators: 14450688 → "14,450,688". */
export function formatCount(v: number): string {
  return Number.isFinite(v) ? thousands(v) : '—';
}

/** A shape as the course writes it: [4, 4, 2] → "4×4×2". */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/** The raw form a test reads from data-value: [4, 4] → "4x4". */
export function rawShape(shape: readonly number[]): string {
  return shape.join('x');
}

/** A signed product term for the "nine products" view: (10)(−1) style without noise. */
export function formatTerm(a: number, b: number): string {
  const w = (x: number) => (x < 0 ? `(${formatCell(x)})` : formatCell(x));
  return `${w(a)}·${w(b)}`;
}
