// gram-matrix (§41, lesson 44): the widget's volumes through the worker job (engine
// gramMatrix + styleLayerCost), against the lesson's numbers and hand sums.
import { describe, expect, it } from 'vitest';
import { gramStyle } from '../../../src/widgets/gram-matrix/job';
import { DEFAULT_G, gramTerms, LESSON_S, packChannels, resizeChannels, rollChannel } from '../../../src/widgets/gram-matrix/view';

describe('gram-matrix', () => {
  it('lesson 44: G(S) = [[6, 3], [3, 3]]; G(G) = [[2, 1], [1, 3]]; J = (16 + 4 + 4)/(2·2·2·2)² = 24/256', () => {
    const r = gramStyle.run({ s: packChannels(LESSON_S, 2), g: packChannels(DEFAULT_G, 2) });
    expect(Array.from(r.gS.data)).toEqual([6, 3, 3, 3]);
    expect(Array.from(r.gG.data)).toEqual([2, 1, 1, 3]);
    expect(r.cost).toBeCloseTo(24 / 256, 12);
    const t = gramTerms(LESSON_S, 0, 1);
    expect(t.reduce((s, x) => s + x.a * x.b, 0)).toBe(3);
  });
  it('moving a channel keeps its own G_kk but changes the cross terms', () => {
    const moved = rollChannel(LESSON_S, 1); // channel 2 [0 1; 1 1] → [1 0; 1 1]
    expect(moved[1]).toEqual([1, 0, 1, 1]);
    const r = gramStyle.run({ s: packChannels(LESSON_S, 2), g: packChannels(moved, 2) });
    expect(r.gG.data[3]).toBe(3); // G₂₂ unchanged
    expect(r.gG.data[1]).toBe(1 + 0 + 2 + 1); // G₁₂ = 1·1 + 0·0 + 2·1 + 1·1 = 4
  });
  it('resizing keeps the values that still fit and fills new cells with 0', () => {
    const big = resizeChannels(LESSON_S, 2, 3, 3);
    expect(big.length).toBe(3);
    expect(big[0]).toEqual([1, 0, 0, 2, 1, 0, 0, 0, 0]);
    expect(big[2]).toEqual(Array(9).fill(0));
    expect(resizeChannels(big, 3, 2, 2)).toEqual(LESSON_S);
    const r = gramStyle.run({ s: packChannels(big, 3), g: packChannels(big, 3) });
    expect(r.gS.shape).toEqual([1, 3, 3]);
    expect(r.cost).toBe(0);
  });
});
