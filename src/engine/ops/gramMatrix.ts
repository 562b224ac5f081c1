// Gram ("style") matrix of a layer's activations, per example, unnormalised (§41):
//   forward  G[b,k,k'] = Σ_{i,j} a[b,i,j,k]·a[b,i,j,k']          a [n,h,w,c] → G [n,c,c]
//   backward da[b,i,j,k] = Σ_k' (dG[b,k,k'] + dG[b,k',k])·a[b,i,j,k']
// G_kk' is large when channels k and k' are active at the same places: the "style" of the
// activations, with where things are summed away. Style transfer differentiates it w.r.t. a.
import type { Tensor } from '../tensor';
import { assertRank, fmtShape, outTensor } from './check';

export function gramMatrix(a: Tensor, out?: Tensor): Tensor {
  assertRank('gramMatrix', 'activations a', a, 4, 'NHWC');
  const [n, h, w, c] = a.shape;
  const g = outTensor('gramMatrix', [n, c, c], out);
  const ad = a.data, gd = g.data;
  const hw = h * w;
  gd.fill(0);
  for (let b = 0; b < n; b++) {
    const gb = b * c * c;
    for (let p = 0; p < hw; p++) {
      const src = (b * hw + p) * c;
      for (let k = 0; k < c; k++) {
        const v = ad[src + k];
        if (v === 0) continue;
        // upper triangle (k' ≥ k); mirrored below
        for (let k2 = k; k2 < c; k2++) gd[gb + k * c + k2] += v * ad[src + k2];
      }
    }
    for (let k = 0; k < c; k++) for (let k2 = 0; k2 < k; k2++) gd[gb + k * c + k2] = gd[gb + k2 * c + k];
  }
  return g;
}

export function gramMatrixBackward(dG: Tensor, a: Tensor, daOut?: Tensor): { da: Tensor } {
  assertRank('gramMatrix', 'activations a', a, 4, 'NHWC');
  const [n, h, w, c] = a.shape;
  if (dG.data.length !== n * c * c) {
    throw new RangeError(`gramMatrix: dG shape ${fmtShape(dG.shape)} does not match the Gram matrix shape ${fmtShape([n, c, c])}`);
  }
  const da = outTensor('gramMatrix', a.shape.slice(), daOut);
  const ad = a.data, dd = da.data, gd = dG.data;
  const hw = h * w;
  // S = dG + dGᵀ per example, then da[p, k] = Σ_k' S[k, k']·a[p, k']
  const s = new Float32Array(c * c);
  for (let b = 0; b < n; b++) {
    const gb = b * c * c;
    for (let k = 0; k < c; k++) for (let k2 = 0; k2 < c; k2++) s[k * c + k2] = gd[gb + k * c + k2] + gd[gb + k2 * c + k];
    for (let p = 0; p < hw; p++) {
      const base = (b * hw + p) * c;
      for (let k = 0; k < c; k++) {
        let acc = 0;
        for (let k2 = 0; k2 < c; k2++) acc += s[k * c + k2] * ad[base + k2];
        dd[base + k] = acc;
      }
    }
  }
  return { da };
}

/**
 * The style cost of one layer (§41), from the Gram matrices of S and G (each [1, c, c] or [c, c]):
 *   J = 1/(2·n_H·n_W·n_C)² · Σ_k Σ_k' (G_S[k,k'] − G_G[k,k'])²
 *   ∂J/∂G_G = −2/(2·n_H·n_W·n_C)² · (G_S − G_G)
 */
export function styleLayerCost(gS: Tensor, gG: Tensor, nH: number, nW: number, nC: number): number {
  if (gS.data.length !== gG.data.length) {
    throw new RangeError(`styleLayerCost: Gram matrices ${fmtShape(gS.shape)} and ${fmtShape(gG.shape)} differ in size`);
  }
  const norm = (2 * nH * nW * nC) ** 2;
  let s = 0;
  for (let i = 0; i < gS.data.length; i++) s += (gS.data[i] - gG.data[i]) ** 2;
  return s / norm;
}

export function styleLayerCostBackward(gS: Tensor, gG: Tensor, nH: number, nW: number, nC: number, out?: Tensor): { dG: Tensor } {
  const k = -2 / (2 * nH * nW * nC) ** 2;
  const dG = outTensor('styleLayerCost', gG.shape.slice(), out);
  // a plain loop: Float32Array.from with a mapping function walks an iterator, many times slower
  const s = gS.data, g = gG.data, d = dG.data;
  for (let i = 0; i < d.length; i++) d[i] = k * (s[i] - g[i]);
  return { dG };
}
