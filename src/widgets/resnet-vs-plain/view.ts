// Where the gradient bars sit: a log₁₀ axis fitted to the norms on screen. A fixed floor hid
// the plain network at 32 layers (its first layers' ‖∂L/∂W‖ fall far below 10⁻¹⁰), so the
// floor follows the smallest non-zero norm, and every non-zero bar keeps a visible minimum.

export interface GradScale {
  /** log₁₀ of the floor and of the top of the axis (whole decades). */
  lo: number;
  hi: number;
  /** Decades to label, lowest first. */
  ticks: number[];
}

/** The smallest bar a non-zero norm draws, as a fraction of the axis. */
export const MIN_BAR = 0.04;

/** A log axis covering every positive value of every row (at least 10⁻⁴ … 10¹). */
export function gradScale(rows: readonly (ArrayLike<number> | null)[]): GradScale {
  let lo = -4;
  let hi = 1;
  for (const row of rows) {
    if (!row) continue;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (!(v > 0) || !Number.isFinite(v)) continue;
      const e = Math.log10(v);
      lo = Math.min(lo, Math.floor(e));
      hi = Math.max(hi, Math.ceil(e));
    }
  }
  // at most five labels, on whole decades, ending at the top
  const step = Math.max(1, Math.ceil((hi - lo) / 4));
  const ticks: number[] = [];
  for (let t = hi; t >= lo; t -= step) ticks.unshift(t);
  return { lo, hi, ticks };
}

/** Bar height in [0, 1]: 0 for an exact zero, at least MIN_BAR for any positive norm. */
export function barHeight(v: number, s: GradScale): number {
  if (!(v > 0)) return 0;
  const h = (Math.log10(v) - s.lo) / (s.hi - s.lo);
  return Math.max(MIN_BAR, Math.min(1, h));
}

/** How many decades the first layer's norm sits below the last layer's (null if either is 0). */
export function decadesLost(row: ArrayLike<number> | null): number | null {
  if (!row || row.length < 2) return null;
  const first = row[0];
  const last = row[row.length - 1];
  if (!(first > 0) || !(last > 0)) return null;
  return Math.log10(last) - Math.log10(first);
}
