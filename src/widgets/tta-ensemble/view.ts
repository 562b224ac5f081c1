// The tta-ensemble table: for each method, held-out accuracy, its gain over one network on
// the picture as is, and the measured test-time cost per picture, also as a multiple of the
// single network's.

export const METHOD_ORDER = ['single', 'crops', 'ensemble', 'ensembleCrops'] as const;
export type MethodName = (typeof METHOD_ORDER)[number];

export interface MethodTally {
  correct: number;
  ms: number;
  passes: number;
}

export interface MethodRow {
  method: MethodName;
  passes: number;
  accuracy: number;
  /** accuracy − the single network's accuracy */
  gain: number;
  msPerPicture: number;
  /** ms of this method / ms of the single network */
  costRatio: number;
}

/** Rows for the pictures scored so far; null before the first picture is scored. */
export function methodRows(results: Record<MethodName, MethodTally>, scored: number): MethodRow[] | null {
  if (scored <= 0) return null;
  const base = results.single;
  return METHOD_ORDER.map((method) => {
    const r = results[method];
    const accuracy = r.correct / scored;
    return {
      method,
      passes: r.passes,
      accuracy,
      gain: accuracy - base.correct / scored,
      msPerPicture: r.ms / scored,
      costRatio: base.ms > 0 ? r.ms / base.ms : NaN,
    };
  });
}
