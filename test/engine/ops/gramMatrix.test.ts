import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { gramMatrix, gramMatrixBackward, styleLayerCost, styleLayerCostBackward } from '../../../src/engine/ops/gramMatrix';
import * as engine from '../../../src/engine/index';
import { gradCheck, randTensor } from '../gradcheck';

// Lesson 44's worked example: a 2×2×2 volume, channel 1 = [1 0; 2 1], channel 2 = [0 1; 1 1].
// NHWC: pixel (0,0) = [1, 0], (0,1) = [0, 1], (1,0) = [2, 1], (1,1) = [1, 1].
const lesson = tensor([1, 0, 0, 1, 2, 1, 1, 1], [1, 2, 2, 2]);

describe('gramMatrix (style matrix, §41)', () => {
  it("lesson 44: G₁₁ = 1+0+4+1 = 6, G₂₂ = 0+1+1+1 = 3, G₁₂ = G₂₁ = 0+0+2+1 = 3", () => {
    const g = gramMatrix(lesson);
    expect(g.shape).toEqual([1, 2, 2]);
    expect(Array.from(g.data)).toEqual([6, 3, 3, 3]);
  });
  it('per example, symmetric, diagonal = squared norms of the channels', () => {
    const a = randTensor([2, 3, 2, 4], 7);
    const g = gramMatrix(a);
    expect(g.shape).toEqual([2, 4, 4]);
    for (let b = 0; b < 2; b++)
      for (let k = 0; k < 4; k++) {
        let sq = 0;
        for (let p = 0; p < 6; p++) sq += a.data[(b * 6 + p) * 4 + k] ** 2;
        expect(g.data[b * 16 + k * 4 + k]).toBeCloseTo(sq, 5);
        for (let k2 = 0; k2 < 4; k2++) expect(g.data[b * 16 + k * 4 + k2]).toBe(g.data[b * 16 + k2 * 4 + k]);
      }
  });
  it('gradient check (non-symmetric dG, two examples)', () => {
    const a = randTensor([2, 2, 3, 3], 11);
    gradCheck('gramMatrix', [a], () => gramMatrix(a), (dy) => [gramMatrixBackward(dy as typeof a, a).da.data]);
  });
  it("is exported by the engine's index; a wrong dG shape is a readable error", () => {
    expect(engine.gramMatrix).toBe(gramMatrix);
    expect(engine.gramMatrixBackward).toBe(gramMatrixBackward);
    expect(() => gramMatrixBackward(zeros([1, 3, 3]), lesson)).toThrow(/does not match the Gram matrix shape \[1, 2, 2\]/);
    expect(() => gramMatrix(zeros([2, 2]))).toThrow(/gramMatrix/);
  });
});

describe('styleLayerCost (§41)', () => {
  it('1/(2·n_H·n_W·n_C)² · Σ (G_S − G_G)², by hand; 0 for equal styles', () => {
    const gS = gramMatrix(lesson); // [[6,3],[3,3]]
    const gG = gramMatrix(tensor([1, 0, 0, 1, 0, 1, 1, 1], [1, 2, 2, 2])); // ch1 [1 0; 0 1], ch2 [0 1; 1 1]
    expect(Array.from(gG.data)).toEqual([2, 1, 1, 3]);
    // differences 4, 2, 2, 0 → 16 + 4 + 4 = 24; normaliser (2·2·2·2)² = 256
    expect(styleLayerCost(gS, gG, 2, 2, 2)).toBeCloseTo(24 / 256, 12);
    expect(styleLayerCost(gS, gS, 2, 2, 2)).toBe(0);
  });
  it('gradient w.r.t. the generated activations through the Gram matrix (chain rule, numerically checked)', () => {
    const s = randTensor([1, 3, 2, 3], 5);
    const a = randTensor([1, 3, 2, 3], 6);
    const gS = gramMatrix(s);
    gradCheck('style cost', [a], () => styleLayerCost(gS, gramMatrix(a), 3, 2, 3), () => {
      const { dG } = styleLayerCostBackward(gS, gramMatrix(a), 3, 2, 3);
      return [gramMatrixBackward(dG, a).da.data];
    }, { atol: 1e-4 });
  });
});
