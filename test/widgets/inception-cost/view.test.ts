import { describe, expect, it } from 'vitest';
import { breakEvenWidth, inceptionCost } from '../../../src/widgets/inception-cost/view';
import { sameConvStage } from '../../../src/viz/convStage';

describe('inception-cost (§17, errata numbers)', () => {
  it('direct 5×5 on 28×28×192 → 28×28×32 costs 120,422,400 multiplies', () => {
    const c = inceptionCost(16);
    expect(c.direct.inShape).toEqual([28, 28, 192]);
    expect(c.direct.outShape).toEqual([28, 28, 32]);
    expect(c.direct.multiplies).toBe(120_422_400);
  });
  it('bottleneck 16: 2,408,448 + 10,035,200 = 12,443,648, shapes through 28×28×16', () => {
    const c = inceptionCost(16);
    expect(c.reduce.outShape).toEqual([28, 28, 16]);
    expect(c.reduce.multiplies).toBe(2_408_448);
    expect(c.conv.inShape).toEqual([28, 28, 16]);
    expect(c.conv.outShape).toEqual([28, 28, 32]);
    expect(c.conv.multiplies).toBe(10_035_200);
    expect(c.bottleneckCost).toBe(12_443_648);
    expect(c.ratio).toBeCloseTo(120_422_400 / 12_443_648, 10);
    expect(c.dearer).toBe(false);
  });
  it('at k = 192 the bottleneck costs more; the break-even width is the first k with 28·28·k·(192 + 800) > 120,422,400', () => {
    const c = inceptionCost(192);
    expect(c.bottleneckCost).toBe(28 * 28 * 192 * 192 + 28 * 28 * 32 * 25 * 192);
    expect(c.dearer).toBe(true);
    expect(breakEvenWidth()).toBe(155); // 154·992·784 < 120,422,400 < 155·992·784
    expect(inceptionCost(154).dearer).toBe(false);
  });
  it('parameters: 1×1×192 ×16 = (192+1)·16; 5×5×16 ×32 = (400+1)·32', () => {
    expect(inceptionCost(16).reduce.params).toBe(3088);
    expect(inceptionCost(16).conv.params).toBe(12832);
    expect(sameConvStage(28, 192, 3, 128).outShape).toEqual([28, 28, 128]);
  });
});
