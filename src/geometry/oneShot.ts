// N-way one-shot classification (course §32, as in Omniglot's benchmark): an episode holds N
// characters, each with ONE example (the support set) and one other drawing to name (a query).
// A query is named after its nearest support by squared distance of the encodings; chance is 1/N.

export interface Episode {
  /** Positions (rows of the support and query matrices) of the episode's N characters. */
  members: Int32Array;
}

/** Which support the query of `members[q]` is nearest to (an index into members). */
export function nearestSupport(support: Float32Array, query: Float32Array, dim: number, members: Int32Array, q: number): number {
  const qo = members[q] * dim;
  let best = -1, bestD = Infinity;
  for (let s = 0; s < members.length; s++) {
    const so = members[s] * dim;
    let d = 0;
    for (let k = 0; k < dim; k++) {
      const v = query[qo + k] - support[so + k];
      d += v * v;
    }
    if (d < bestD) {
      bestD = d;
      best = s;
    }
  }
  return best;
}

/** Share of queries (every character of every episode) named correctly. */
export function oneShotAccuracy(support: Float32Array, query: Float32Array, dim: number, episodes: readonly Episode[]): number {
  let ok = 0, total = 0;
  for (const e of episodes) {
    for (let q = 0; q < e.members.length; q++) {
      if (nearestSupport(support, query, dim, e.members, q) === q) ok++;
      total++;
    }
  }
  return total ? ok / total : 0;
}
