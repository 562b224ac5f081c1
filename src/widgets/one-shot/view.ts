// Pure logic of the one-shot widget (course §32–36): verification pairs among digits of classes
// the encoder never saw, accuracy at a threshold τ, distance histograms, 1:K recognition against
// a one-example-per-class database, and the §36 pair features |f(x_i)_k − f(x_j)_k|.
import { siameseProbability, squaredDistance } from '../../geometry/triplet';

export interface EncodedSet {
  dim: number;
  embeddings: Float32Array;
  labels: ArrayLike<number>;
  unseen: readonly number[];
}

export interface VerificationPairs {
  i: Int32Array;
  j: Int32Array;
  same: Uint8Array;
  /** Squared distance of each pair. */
  d: Float32Array;
}

export function encoding(s: EncodedSet, i: number): Float32Array {
  return s.embeddings.subarray(i * s.dim, (i + 1) * s.dim);
}

export function distance(s: EncodedSet, i: number, j: number): number {
  return squaredDistance(encoding(s, i), encoding(s, j));
}

/** Indices of the digits of unseen classes (the strangers of seen classes are left out). */
export function unseenIndices(s: EncodedSet): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.labels.length; i++) if (s.unseen.includes(s.labels[i])) out.push(i);
  return out;
}

/**
 * Every same-class pair of unseen digits and as many different-class pairs (evenly spread over
 * all of them), so that always answering "different" scores 50 %: chance is 50 %.
 */
export function verificationPairs(s: EncodedSet): VerificationPairs {
  const idx = unseenIndices(s);
  const same: [number, number][] = [], diff: [number, number][] = [];
  for (let a = 0; a < idx.length; a++) {
    for (let b = a + 1; b < idx.length; b++) (s.labels[idx[a]] === s.labels[idx[b]] ? same : diff).push([idx[a], idx[b]]);
  }
  const keep: [number, number][] = [];
  const step = diff.length / Math.max(1, same.length);
  for (let q = 0; q < same.length && q * step < diff.length; q++) keep.push(diff[Math.floor(q * step)]);
  const all = [...same.map((p) => [...p, 1]), ...keep.map((p) => [...p, 0])];
  return {
    i: Int32Array.from(all, (p) => p[0]),
    j: Int32Array.from(all, (p) => p[1]),
    same: Uint8Array.from(all, (p) => p[2]),
    d: Float32Array.from(all, (p) => distance(s, p[0], p[1])),
  };
}

export interface VerificationScore {
  accuracy: number;
  /** Same-class pairs rejected (d > τ) and different-class pairs accepted (d ≤ τ). */
  falseRejections: number;
  falseAcceptances: number;
  total: number;
}

/** "Same" when d ≤ τ (course §33). */
export function verificationScore(p: VerificationPairs, tau: number): VerificationScore {
  let ok = 0, fr = 0, fa = 0;
  for (let k = 0; k < p.d.length; k++) {
    const saysSame = p.d[k] <= tau;
    if (saysSame === (p.same[k] === 1)) ok++;
    else if (p.same[k]) fr++;
    else fa++;
  }
  const n = p.d.length;
  return { accuracy: n ? ok / n : 0, falseRejections: fr, falseAcceptances: fa, total: n };
}

/** The τ (among the pair distances and midpoints) with the best accuracy; ties → the smallest. */
export function bestTau(p: VerificationPairs): number {
  const ds = Array.from(p.d).sort((a, b) => a - b);
  let best = 0, bestAcc = -1;
  for (let k = 0; k < ds.length; k++) {
    const t = k + 1 < ds.length ? (ds[k] + ds[k + 1]) / 2 : ds[k];
    const acc = verificationScore(p, t).accuracy;
    if (acc > bestAcc) {
      bestAcc = acc;
      best = t;
    }
  }
  return best;
}

/** Counts of values in `bins` equal bins over [lo, hi] (values outside go to the end bins). */
export function histogram(values: ArrayLike<number>, bins: number, lo: number, hi: number): number[] {
  const out = new Array<number>(bins).fill(0);
  for (let k = 0; k < values.length; k++) {
    const b = Math.floor(((values[k] - lo) / (hi - lo)) * bins);
    out[Math.min(bins - 1, Math.max(0, b))]++;
  }
  return out;
}

/** The recognition database: the first digit of each unseen class (one example per "person"). */
export function database(s: EncodedSet): number[] {
  return s.unseen.map((c) => {
    for (let i = 0; i < s.labels.length; i++) if (s.labels[i] === c) return i;
    return -1;
  }).filter((i) => i >= 0);
}

export interface Recognition {
  distances: number[];
  /** Index into the database of the closest entry with d ≤ τ, or −1 ("not recognised"). */
  match: number;
}

/** 1:K recognition (course §32–33): the closest database entry if its distance is ≤ τ. */
export function recognise(s: EncodedSet, query: number, db: readonly number[], tau: number): Recognition {
  const distances = db.map((j) => distance(s, query, j));
  let match = -1;
  distances.forEach((d, k) => {
    if (d <= tau && (match < 0 || d < distances[match])) match = k;
  });
  return { distances, match };
}

/** The §36 features |f(x_i)_k − f(x_j)_k| and ŷ = σ(Σ_k w_k·feature_k + b). */
export function pairFeatures(s: EncodedSet, i: number, j: number, w: ArrayLike<number>, b: number): { features: number[]; probability: number } {
  const a = encoding(s, i), c = encoding(s, j);
  return { features: Array.from(a, (v, k) => Math.abs(v - c[k])), probability: siameseProbability(a, c, w, b) };
}

export interface BeforeAfter {
  /** Best-τ verification accuracy on balanced pairs, before and after training. */
  newBefore: number;
  newAfter: number;
  knownBefore: number;
  knownAfter: number;
}

function bestAccuracy(s: EncodedSet): number {
  const p = verificationPairs(s);
  return p.d.length ? verificationScore(p, bestTau(p)).accuracy : 0;
}

/**
 * What training on the seen classes bought: pairs of NEW classes (the one-shot case) and pairs of
 * new pictures of the TRAINING classes, each with the untrained and the trained encoder, each at
 * its own best τ (so the comparison is fair to all four).
 */
export function beforeAfter(s: EncodedSet & { untrained: Float32Array; seenLabels: ArrayLike<number>; seenTrained: Float32Array; seenUntrained: Float32Array }): BeforeAfter {
  const known = [...new Set(Array.from(s.seenLabels))];
  const seen = (e: Float32Array): EncodedSet => ({ dim: s.dim, embeddings: e, labels: s.seenLabels, unseen: known });
  return {
    newBefore: bestAccuracy({ ...s, embeddings: s.untrained }),
    newAfter: bestAccuracy(s),
    knownBefore: bestAccuracy(seen(s.seenUntrained)),
    knownAfter: bestAccuracy(seen(s.seenTrained)),
  };
}

/** One query of an N-way episode of held-out characters, as the glyph view shows it. */
export interface EpisodeQuery {
  /** Rows (held-out characters) of the episode's supports, in order. */
  members: number[];
  /** Which member's second drawing is the query. */
  query: number;
  /** Squared distance from the query's encoding to each support's. */
  distances: number[];
  /** The nearest support (an index into members): the one-shot answer. */
  pick: number;
}

/**
 * Query `k` of the flat episode list (N members per episode): episode ⌊k/N⌋, its (k mod N)-th
 * character's second drawing against the N first drawings.
 */
export function episodeQuery(flat: Int32Array, n: number, k: number, support: Float32Array, query: Float32Array, dim: number): EpisodeQuery {
  const count = flat.length / n;
  const e = Math.floor(k / n) % count;
  const members = Array.from(flat.subarray(e * n, (e + 1) * n));
  const q = k % n;
  const distances = members.map((s) => squaredDistance(query.subarray(members[q] * dim, (members[q] + 1) * dim), support.subarray(s * dim, (s + 1) * dim)));
  let pick = 0;
  distances.forEach((d, i) => {
    if (d < distances[pick]) pick = i;
  });
  return { members, query: q, distances, pick };
}
