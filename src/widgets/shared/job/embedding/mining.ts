// Building a batch for the triplet loss and choosing its triplets (course §35).
//
// A batch holds K classes × M digits each ("P-K sampling", as in FaceNet-style training), so every
// anchor has positives in the batch. Every ordered pair (A, P) of the same class is one triplet;
// its negative N comes from the other classes of the batch, chosen by the mining mode from the
// CURRENT embeddings of the batch (the forward pass that the loss will use):
//   random     any digit of another class — mostly already far away: zero loss, nothing learnt
//   semi-hard  the closest negative that is still farther than P: d(A,N) > d(A,P), so inside the
//              band d(A,P) < d(A,N) < d(A,P) + α when there is one; if every negative is closer
//              than P, the farthest one (as TensorFlow Addons does: never collapse onto a point)
//   hard       the closest negative of all (the largest loss; can be too aggressive at first)
// "Hard" means d(A,N) close to or below d(A,P) — the course notes have it backwards (ERRATA §35).
import type { Rng } from '../../../../engine/random';
import { sqDist, type TripletIndex } from '../../../../engine/nn/tripletLoss';

export type Mining = 'random' | 'semi-hard' | 'hard';
export const MININGS: readonly Mining[] = ['random', 'semi-hard', 'hard'];

/** Indices (into `labels`) of a K-classes × M-per-class batch, class by class. */
export function sampleBatch(byClass: Int32Array[], classes: readonly number[], k: number, m: number, r: Rng): Int32Array {
  const pool = classes.slice();
  r.shuffle(pool);
  const chosen = pool.slice(0, Math.min(k, pool.length));
  const out = new Int32Array(chosen.length * m);
  let o = 0;
  for (const c of chosen) {
    const members = byClass[c];
    if (members.length < m) throw new RangeError(`class ${c} has only ${members.length} digits; a batch needs ${m}`);
    // m distinct members by partial Fisher–Yates on a copy-free index draw
    const picked = new Set<number>();
    while (picked.size < m) picked.add(members[Math.floor(r.next() * members.length)]);
    for (const i of picked) out[o++] = i;
  }
  return out;
}

/**
 * The triplets of one batch: every ordered same-class pair (A, P), A ≠ P, with a negative chosen
 * by `mining` among the rows of another class. `emb` is [n, d] row-major, `labels` the n classes.
 */
export function mineTriplets(emb: Float32Array, d: number, labels: ArrayLike<number>, mining: Mining, r: Rng): TripletIndex {
  const n = labels.length;
  const a: number[] = [], p: number[] = [], ng: number[] = [];
  const negs: number[][] = [];
  for (let i = 0; i < n; i++) {
    const list: number[] = [];
    for (let j = 0; j < n; j++) if (labels[j] !== labels[i]) list.push(j);
    negs.push(list);
  }
  for (let i = 0; i < n; i++) {
    const cand = negs[i];
    if (!cand.length) continue;
    for (let j = 0; j < n; j++) {
      if (j === i || labels[j] !== labels[i]) continue;
      let pick = -1;
      if (mining === 'random') pick = cand[Math.floor(r.next() * cand.length)];
      else {
        const dap = sqDist(emb, d, i, j);
        let hardest = -1, hardestD = Infinity; // closest negative overall
        let easiest = -1, easiestD = -Infinity; // farthest negative
        let semi = -1, semiD = Infinity; // closest negative with d(A,N) > d(A,P)
        for (const q of cand) {
          const dan = sqDist(emb, d, i, q);
          if (dan < hardestD) [hardest, hardestD] = [q, dan];
          if (dan > easiestD) [easiest, easiestD] = [q, dan];
          if (dan > dap && dan < semiD) [semi, semiD] = [q, dan];
        }
        pick = mining === 'hard' ? hardest : semi >= 0 ? semi : easiest;
      }
      a.push(i);
      p.push(j);
      ng.push(pick);
    }
  }
  return { a: Int32Array.from(a), p: Int32Array.from(p), n: Int32Array.from(ng) };
}

/** Share of triplets whose loss is exactly 0 (d(A,N) ≥ d(A,P) + α): the "easy" ones. */
export function easyFraction(perTriplet: ArrayLike<number>): number {
  if (!perTriplet.length) return 0;
  let z = 0;
  for (let i = 0; i < perTriplet.length; i++) if (perTriplet[i] === 0) z++;
  return z / perTriplet.length;
}

/** Indices of each class 0–9 in a label list. */
export function indexByClass(labels: ArrayLike<number>): Int32Array[] {
  const lists: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < labels.length; i++) lists[labels[i]].push(i);
  return lists.map((l) => Int32Array.from(l));
}
