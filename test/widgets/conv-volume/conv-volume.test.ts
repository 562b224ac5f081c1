// conv-volume: the engine's layer (worker job, run in Node) agrees with the per-channel
// sums the widget shows, and the parameter count is the errata's 280.
import { describe, expect, it } from 'vitest';
import { convLayer } from '../../../src/widgets/conv-volume/job';
import { bias, filterSlice, inputChannel, packVolume } from '../../../src/widgets/conv-volume/volume';
import { convVolume } from '../../../src/widgets/conv-volume/widget';
import { convParamCount } from '../../../src/engine/shape';
import { windowGeometry } from '../../../src/viz/window';
import { windowProducts } from '../../../src/viz/products';

describe('conv-volume', () => {
  it('10 filters of 3×3×3 → (27 + 1)·10 = 280 parameters (errata §7); 2 filters → 56', () => {
    expect(convParamCount(3, 3, 10)).toBe(280);
    expect(convParamCount(3, 3, 2)).toBe(56);
  });

  it('6×6×3 with 10 filters → 4×4×10; z = Σ_channels Σ products + b, a = ReLU(z), at every position', () => {
    const { z, a } = convLayer.run({ ...packVolume(3, 10), stride: 1, pad: 0 });
    expect(z.shape).toEqual([1, 4, 4, 10]);
    const g = windowGeometry(6, 6, 3, 1, 0);
    for (let k = 0; k < 10; k++) {
      for (let step = 0; step < g.steps; step++) {
        let expected = bias(k);
        for (let ch = 0; ch < 3; ch++) expected += windowProducts(g, inputChannel(ch), filterSlice(k, ch), step).sum;
        expect(z.data[step * 10 + k]).toBeCloseTo(expected, 5);
        expect(a.data[step * 10 + k]).toBe(Math.max(0, z.data[step * 10 + k]));
      }
    }
  });

  it('hand check: filter 1 on the R channel alone (3s in columns 0–1) → z rows 10 10 1 1', () => {
    // filter 0, channel 0 is the vertical-edge kernel 1 0 −1: windows at columns 0 and 1 see
    // 3+3+3 on the left and 0 on the right → 9; further right everything is 0; bias(0) = 1
    const { z } = convLayer.run({ ...packVolume(1, 1), stride: 1, pad: 0 });
    expect(Array.from(z.data)).toEqual(Array(4).fill([10, 10, 1, 1]).flat());
  });

  it('validates lesson params', () => {
    expect(convVolume.validate({ channels: 3, filters: 10 }).ok).toBe(true);
    expect(convVolume.validate({ channels: 5 }).ok).toBe(false);
  });
});
