// The measured side of a cost comparison: milliseconds of two forms on this device beside the
// counted multiplies. Counted ratio = multiplies A / multiplies B; measured ratio = ms A / ms B.
// They agree when the device spends its time on multiplying; they drift apart when memory
// traffic, per-layer overhead or a slower kernel dominate.

export interface TimingComparison {
  countedRatio: number;
  measuredRatio: number;
  /** measured / counted: 1 means the clock saw exactly the counted saving. */
  agreement: number;
  /** Whether the two ratios are within a factor AGREE_WITHIN of each other. */
  agree: boolean;
  /** Multiply-adds per second of each form, in billions (GMAC/s). */
  rateA: number;
  rateB: number;
}

export const AGREE_WITHIN = 1.25;

export function compareTimings(a: { ms: number; multiplies: number }, b: { ms: number; multiplies: number }): TimingComparison {
  if (!(a.ms > 0) || !(b.ms > 0)) throw new RangeError('timings must be positive milliseconds');
  const countedRatio = a.multiplies / b.multiplies;
  const measuredRatio = a.ms / b.ms;
  const agreement = measuredRatio / countedRatio;
  return {
    countedRatio,
    measuredRatio,
    agreement,
    agree: agreement <= AGREE_WITHIN && agreement >= 1 / AGREE_WITHIN,
    rateA: a.multiplies / a.ms / 1e6,
    rateB: b.multiplies / b.ms / 1e6,
  };
}
