// Triplet loss (course §35), on plain embedding vectors:
//   L(A, P, N) = max(‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α, 0),   J = Σ over the triplets.
// A triplet is "easy" when d(A,N) ≥ d(A,P) + α (loss 0, nothing to learn), "semi-hard" when
// d(A,P) < d(A,N) < d(A,P) + α, and "hard" when d(A,N) ≤ d(A,P). Training picks the hard ones:
// random triplets are mostly easy and teach little.

export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`embeddings of different lengths: ${a.length} and ${b.length}`);
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const d = a[k] - b[k];
    s += d * d;
  }
  return s;
}

export function tripletLossOne(a: ArrayLike<number>, p: ArrayLike<number>, n: ArrayLike<number>, alpha: number): number {
  return Math.max(squaredDistance(a, p) - squaredDistance(a, n) + alpha, 0);
}

/** Summed over the batch: J = Σ_i L(A_i, P_i, N_i). */
export function tripletLoss(a: number[][], p: number[][], n: number[][], alpha: number): number {
  if (a.length !== p.length || a.length !== n.length) {
    throw new RangeError(`triplet batch sizes differ: ${a.length} anchors, ${p.length} positives, ${n.length} negatives`);
  }
  let j = 0;
  for (let i = 0; i < a.length; i++) j += tripletLossOne(a[i], p[i], n[i], alpha);
  return j;
}

export type TripletKind = 'easy' | 'semi-hard' | 'hard';

export function tripletKind(dAP: number, dAN: number, alpha: number): TripletKind {
  if (dAN <= dAP) return 'hard';
  if (dAN < dAP + alpha) return 'semi-hard';
  return 'easy';
}

/** Siamese verification (course §33–34): "same person" when d(x1, x2) ≤ τ. */
export function verify(e1: ArrayLike<number>, e2: ArrayLike<number>, tau: number): boolean {
  return squaredDistance(e1, e2) <= tau;
}

/** Binary-classification form (§36): ŷ = σ(Σ_k w_k·|f(x_i)_k − f(x_j)_k| + b). */
export function siameseProbability(e1: ArrayLike<number>, e2: ArrayLike<number>, w: ArrayLike<number>, b: number): number {
  let z = b;
  for (let k = 0; k < e1.length; k++) z += w[k] * Math.abs(e1[k] - e2[k]);
  return 1 / (1 + Math.exp(-z));
}

/** χ² similarity feature (§36): (f_k(x_i) − f_k(x_j))² / (f_k(x_i) + f_k(x_j)). */
export function chiSquaredFeature(a: number, b: number): number {
  const s = a + b;
  return s === 0 ? 0 : ((a - b) * (a - b)) / s;
}
