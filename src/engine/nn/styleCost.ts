// The neural-style-transfer costs (§39–41) as nodes on the tape, so ∂J/∂G reaches the pixels.
//   J_content = ½‖a[l](C) − a[l](G)‖²                       (the lecture's form; the exercise
//               uses 1/(4·n_H·n_W·n_C)·Σ(…)² instead — a constant that α absorbs)
//   G_kk'     = Σ_i Σ_j a_ijk·a_ijk'                         (Gram / style matrix, unnormalised)
//   J_style^[l] = 1/(2·n_H·n_W·n_C)² · Σ_k Σ_k' (G_kk'(S) − G_kk'(G))²
//   J_style   = Σ_l λ_l·J_style^[l];   J(G) = α·J_content + β·J_style
import type { Tensor } from '../tensor';
import { styleLayerCost, styleLayerCostBackward } from '../ops/gramMatrix';
import { kernels } from '../kernels/index';
import { record } from './autograd';
import { gradSink, type Variable } from './variable';

function scalar(v: number): Tensor {
  return { shape: [], data: Float32Array.of(v) };
}

/** ½‖aC − aG‖² for one layer; backward ∂J/∂aG = aG − aC. */
export function contentCost(aG: Variable, aC: Tensor): Variable {
  const g = aG.value.data, c = aC.data;
  if (g.length !== c.length) throw new RangeError(`contentCost: activations of ${c.length} and ${g.length} values differ`);
  let s = 0;
  for (let i = 0; i < g.length; i++) s += (c[i] - g[i]) ** 2;
  return record(scalar(0.5 * s), [aG], (self) => {
    const k = self.grad!.data[0];
    const sx = gradSink(aG);
    const o = sx.out.data;
    for (let i = 0; i < g.length; i++) o[i] = k * (g[i] - c[i]);
    sx.finish();
  });
}

/**
 * J_style^[l] between G's activations (one picture, [1,h,w,c]) and S's Gram matrix (computed
 * once, outside the tape). With A = the activations unrolled to [h·w, c], the Gram matrix is
 * AᵀA and the backward pass da = A·(dG + dGᵀ): both as blocked matrix products (the same
 * numbers as ops/gramMatrix, which loops per pixel; the matrix product is faster at 256 channels).
 */
export function styleCost(aG: Variable, gramS: Tensor): Variable {
  const [n, h, w, c] = aG.value.shape;
  if (n !== 1) throw new RangeError(`styleCost: one picture at a time, got a batch of ${n}`);
  const a = aG.value.data, hw = h * w;
  const gG: Tensor = { shape: [1, c, c], data: new Float32Array(c * c) };
  kernels().gemm(c, c, hw, a, a, gG.data, { transA: true });
  const j = styleLayerCost(gramS, gG, h, w, c);
  return record(scalar(j), [aG], (self) => {
    // dG is symmetric (both Gram matrices are), so dG + dGᵀ = 2·dG
    const { dG } = styleLayerCostBackward(gramS, gG, h, w, c, gG);
    const k = 2 * self.grad!.data[0], sym = dG.data;
    for (let i = 0; i < sym.length; i++) sym[i] *= k;
    const sx = gradSink(aG);
    kernels().gemm(hw, c, c, a, sym, sx.out.data);
    sx.finish();
  });
}

/** Σ_i w_i·J_i for scalar nodes (the weighted sum that is J(G)). */
export function weightedSum(terms: Variable[], weights: number[]): Variable {
  let s = 0;
  terms.forEach((t, i) => (s += weights[i] * t.value.data[0]));
  return record(scalar(s), terms, (self) => {
    const g = self.grad!.data[0];
    terms.forEach((t, i) => {
      if (!t.requiresGrad) return;
      const sx = gradSink(t);
      sx.out.data[0] = weights[i] * g;
      sx.finish();
    });
  });
}
