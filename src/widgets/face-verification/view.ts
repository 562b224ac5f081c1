// The numbers the face widget shows, from two encodings f(x₁), f(x₂) (128 numbers each):
//   d = ‖f(x₁) − f(x₂)‖ (Euclidean, not squared: dlib's threshold 0.6 is on this distance)
//   "same person" when d ≤ τ
//   recognition (1:K): the enrolled person with the smallest d, if that d ≤ τ; else "not in the database"
//   triplet loss (§35): L = max(‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α, 0)
import { squaredDistance, tripletLossOne } from '../../geometry/index';

export const DEFAULT_TAU = 0.6;

export function faceDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.sqrt(squaredDistance(a, b));
}

export function samePerson(d: number, tau: number): boolean {
  return d <= tau;
}

/** |f(x₁)_k − f(x₂)_k| for k = 1…128: what §36's logistic unit weighs. */
export function absDifferences(a: ArrayLike<number>, b: ArrayLike<number>): Float32Array {
  if (a.length !== b.length) throw new RangeError(`encodings of different lengths: ${a.length} and ${b.length}`);
  return Float32Array.from({ length: a.length }, (_, k) => Math.abs(a[k] - b[k]));
}

export interface Enrolled {
  id: string;
  name: string;
  descriptor: ArrayLike<number>;
}

export type Recognition =
  | { known: true; id: string; name: string; d: number; distances: { id: string; d: number }[] }
  | { known: false; nearest: { id: string; name: string; d: number } | null; distances: { id: string; d: number }[] };

export function recognise(db: readonly Enrolled[], query: ArrayLike<number>, tau: number): Recognition {
  const distances = db.map((p) => ({ id: p.id, d: faceDistance(p.descriptor, query) }));
  let best = -1;
  distances.forEach((x, i) => {
    if (best < 0 || x.d < distances[best].d) best = i;
  });
  if (best >= 0 && distances[best].d <= tau) return { known: true, id: db[best].id, name: db[best].name, d: distances[best].d, distances };
  return { known: false, nearest: best >= 0 ? { id: db[best].id, name: db[best].name, d: distances[best].d } : null, distances };
}

export interface TripletNumbers {
  dAP: number;
  dAN: number;
  loss: number;
}

/** The triplet loss on squared distances, as in the course. */
export function faceTriplet(a: ArrayLike<number>, p: ArrayLike<number>, n: ArrayLike<number>, alpha: number): TripletNumbers {
  return { dAP: squaredDistance(a, p), dAN: squaredDistance(a, n), loss: tripletLossOne(a, p, n, alpha) };
}
