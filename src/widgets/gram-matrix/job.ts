// gram-style: the Gram (style) matrices of two small activation volumes S and G and the
// layer's style cost between them (§41), from the engine's gramMatrix and styleLayerCost.
import { gramMatrix, styleLayerCost, type Tensor } from '../../engine/index';
import { defineRequest } from '../../worker/job';

export interface GramStyleArgs {
  s: Tensor; // [1, n_H, n_W, n_C]
  g: Tensor; // same shape
}

export interface GramStyleResult {
  gS: Tensor; // [1, n_C, n_C]
  gG: Tensor;
  cost: number;
}

export const gramStyle = defineRequest<GramStyleArgs, GramStyleResult>(({ s, g }) => {
  const [, h, w, c] = s.shape;
  const gS = gramMatrix(s);
  const gG = gramMatrix(g);
  return { gS, gG, cost: styleLayerCost(gS, gG, h, w, c) };
});
