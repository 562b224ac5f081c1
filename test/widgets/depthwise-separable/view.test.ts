import { describe, expect, it } from 'vitest';
import { depthwiseCosts, depthwiseSteps, mobileNetV2Block } from '../../../src/widgets/depthwise-separable/view';
import { convMultiplyCount, depthwiseMultiplyCount, depthwiseParamCount } from '../../../src/engine/shape';

describe('depthwise-separable (lesson 19)', () => {
  it('6×6×3, f 3, 5 filters: normal 2160 vs depthwise 432 + pointwise 240 = 672', () => {
    const c = depthwiseCosts(6, 3, 3, 5);
    expect(c.nOut).toBe(4);
    expect(c.normal.multiplies).toBe(2160);
    expect(c.depthwise.multiplies).toBe(432);
    expect(c.depthwise.outShape).toEqual([4, 4, 3]);
    expect(c.pointwise.multiplies).toBe(240);
    expect(c.pointwise.outShape).toEqual([4, 4, 5]);
    expect(c.separable).toBe(672);
    expect(c.ratio).toBeCloseTo(1 / 5 + 1 / 9, 12);
    expect(c.rule).toBeCloseTo(672 / 2160, 12);
  });
  it('14×14×512 same, f 3 → 512: about a ninth of the cost', () => {
    const c = depthwiseCosts(14, 512, 3, 512, 'same');
    expect(c.nOut).toBe(14);
    expect(c.normal.multiplies).toBe(14 * 14 * 512 * 9 * 512);
    expect(c.separable).toBe(14 * 14 * 9 * 512 + 14 * 14 * 512 * 512);
    expect(c.ratio).toBeCloseTo(1 / 512 + 1 / 9, 12);
  });
  it('depthwise shape maths: n_out²·f²·n_C multiplies, (f² + 1)·n_C parameters', () => {
    expect(depthwiseMultiplyCount(4, 4, 3, 3)).toBe(432);
    expect(depthwiseMultiplyCount(4, 4, 3, 3)).toBe(convMultiplyCount(4, 4, 3, 3, 1));
    expect(depthwiseParamCount(3, 3)).toBe(30);
    expect(depthwiseParamCount(3, 3, false)).toBe(27);
  });
  it('step-through: channel by channel, then filter by filter, ending at the separable total', () => {
    const c = depthwiseCosts(6, 3, 3, 5);
    const s = depthwiseSteps(c, 3, 5);
    expect(s.map((x) => x.stage)).toEqual(['depthwise', 'depthwise', 'depthwise', 'pointwise', 'pointwise', 'pointwise', 'pointwise', 'pointwise']);
    expect(s[2].done).toBe(432);
    expect(s.at(-1)!.done).toBe(672);
    const big = depthwiseSteps(depthwiseCosts(14, 512, 3, 512, 'same'), 512, 512);
    expect(big.length).toBe(16);
    expect(big.at(-1)!.done).toBe(depthwiseCosts(14, 512, 3, 512, 'same').separable);
  });
  it('MobileNet v2 block on 6×6×3: 1×1 → 6×6×18, depthwise 3×3 → 6×6×18, project → 6×6×3', () => {
    const b = mobileNetV2Block(6, 3);
    expect(b.expand.outShape).toEqual([6, 6, 18]);
    expect(b.depthwise.outShape).toEqual([6, 6, 18]);
    expect(b.project.outShape).toEqual([6, 6, 3]);
    const m = mobileNetV2Block(14, 64);
    expect([m.expand.multiplies, m.depthwise.multiplies, m.project.multiplies]).toEqual([14 * 14 * 384 * 64, 14 * 14 * 384 * 9, 14 * 14 * 64 * 384]);
  });
  it('a filter that does not fit is a RangeError with the reason', () => {
    expect(() => depthwiseCosts(2, 3, 3, 5)).toThrow(/larger than the padded input/);
  });
});
