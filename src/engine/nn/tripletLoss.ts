// The triplet loss (course §35) on the tape, for a batch of embeddings that went through the
// network ONCE: the rows of `emb` are f(x) for every image of the batch, and each triplet names
// three rows (anchor, positive, negative). Using one shared forward pass for A, P and N is the
// siamese network's weight sharing: the gradients of the three roles add up in the same rows.
//
//   L_t = max(‖e_a − e_p‖² − ‖e_a − e_n‖² + α, 0)          J = (1/T) Σ_t L_t   (mean, not sum)
//   for an active triplet (L_t > 0):
//     ∂L/∂e_a = 2(e_n − e_p),  ∂L/∂e_p = −2(e_a − e_p),  ∂L/∂e_n = 2(e_a − e_n)
//
// l2NormalizeRows puts every embedding on the unit sphere, y = x / ‖x‖, so squared distances
// lie in [0, 4] and a fixed margin α means the same thing all through training (otherwise the
// network could satisfy any margin by simply scaling its outputs up).
//   ∂L/∂x = (g − y (y·g)) / ‖x‖      (the component of g along y does not change the direction)
import type { Tensor } from '../tensor';
import { Variable, gradSink } from './variable';
import { record } from './autograd';

/** Which rows of the embedding batch form each triplet. */
export interface TripletIndex {
  a: Int32Array;
  p: Int32Array;
  n: Int32Array;
}

export interface TripletLossValue {
  /** Mean loss over the triplets. */
  loss: number;
  /** Per-triplet loss (0 for a satisfied, "easy" triplet). */
  perTriplet: Float32Array;
  /** d(A,P) and d(A,N) per triplet. */
  dAP: Float32Array;
  dAN: Float32Array;
}

/** ‖e_i − e_j‖² for rows i, j of a row-major n×d embedding matrix (also used by the miners). */
export function sqDist(e: Float32Array, d: number, i: number, j: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) {
    const v = e[i * d + k] - e[j * d + k];
    s += v * v;
  }
  return s;
}

/** The forward values only (no tape): also used by the miners and the tests. */
export function tripletLossValue(emb: Tensor, t: TripletIndex, alpha: number): TripletLossValue {
  const [, d] = emb.shape;
  const T = t.a.length;
  if (t.p.length !== T || t.n.length !== T) throw new RangeError(`triplet lists differ in length: ${T}, ${t.p.length}, ${t.n.length}`);
  const perTriplet = new Float32Array(T), dAP = new Float32Array(T), dAN = new Float32Array(T);
  let sum = 0;
  for (let i = 0; i < T; i++) {
    dAP[i] = sqDist(emb.data, d, t.a[i], t.p[i]);
    dAN[i] = sqDist(emb.data, d, t.a[i], t.n[i]);
    perTriplet[i] = Math.max(dAP[i] - dAN[i] + alpha, 0);
    sum += perTriplet[i];
  }
  return { loss: T ? sum / T : 0, perTriplet, dAP, dAN };
}

/** Mean triplet loss as a scalar Variable; `.info` carries the per-triplet values. */
export function tripletLoss(emb: Variable, t: TripletIndex, alpha: number): Variable & { info: TripletLossValue } {
  const shape = emb.value.shape;
  if (shape.length !== 2) throw new RangeError(`tripletLoss needs embeddings [N, d], got [${shape.join(', ')}]`);
  const info = tripletLossValue(emb.value, t, alpha);
  const d = shape[1];
  const T = t.a.length;
  const node = record({ shape: [], data: Float32Array.of(info.loss) }, [emb], (self) => {
    const g = T ? self.grad!.data[0] / T : 0;
    const sink = gradSink(emb);
    const out = sink.out.data, e = emb.value.data;
    out.fill(0);
    for (let i = 0; i < T; i++) {
      if (!(info.perTriplet[i] > 0)) continue;
      const a = t.a[i] * d, p = t.p[i] * d, n = t.n[i] * d;
      for (let k = 0; k < d; k++) {
        const ea = e[a + k], ep = e[p + k], en = e[n + k];
        out[a + k] += 2 * g * (en - ep);
        out[p + k] += -2 * g * (ea - ep);
        out[n + k] += 2 * g * (ea - en);
      }
    }
    sink.finish();
  }) as Variable & { info: TripletLossValue };
  node.info = info;
  return node;
}

/** y = x / ‖x‖ per row (a row of zeros stays zero). */
export function l2NormalizeRows(x: Variable): Variable {
  const [n, d] = x.value.shape;
  if (x.value.shape.length !== 2) throw new RangeError(`l2NormalizeRows needs [N, d], got [${x.value.shape.join(', ')}]`);
  const src = x.value.data;
  const y = new Float32Array(n * d);
  const norms = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += src[i * d + k] * src[i * d + k];
    const r = Math.sqrt(s);
    norms[i] = r;
    if (r > 0) for (let k = 0; k < d; k++) y[i * d + k] = src[i * d + k] / r;
  }
  return record({ shape: [n, d], data: y }, [x], (self) => {
    const g = self.grad!.data;
    const sink = gradSink(x);
    const out = sink.out.data;
    for (let i = 0; i < n; i++) {
      const r = norms[i];
      let dot = 0;
      for (let k = 0; k < d; k++) dot += y[i * d + k] * g[i * d + k];
      for (let k = 0; k < d; k++) out[i * d + k] = r > 0 ? (g[i * d + k] - y[i * d + k] * dot) / r : 0;
    }
    sink.finish();
  });
}
