// one-by-one (§16): the engine's 1×1 layer (the worker job, run in Node) is, at every pixel,
// the sum of the 32 products the widget shows plus the bias, then ReLU; the shapes and counts
// are the errata's.
import { describe, expect, it } from 'vitest';
import { convLayer } from '../../../src/widgets/conv-volume/job';
import { channelMap, OBO_C, oboBias, oboFibre, oboFilter, packOneByOne } from '../../../src/widgets/one-by-one/view';
import { convMultiplyCount, convOutputSize, convParamCount } from '../../../src/engine/shape';

describe('one-by-one', () => {
  it('one 1×1×32 filter on 6×6×32 → 6×6×1 (not 6×6×32); n filters → 6×6×n', () => {
    expect(convLayer.run({ ...packOneByOne(1), stride: 1, pad: 0 }).z.shape).toEqual([1, 6, 6, 1]);
    expect(convLayer.run({ ...packOneByOne(5), stride: 1, pad: 0 }).z.shape).toEqual([1, 6, 6, 5]);
  });

  it('z at every pixel = Σ_c x_c·w_c + b and a = max(0, z), for each of 4 filters', () => {
    const n = 4;
    const { z, a } = convLayer.run({ ...packOneByOne(n), stride: 1, pad: 0 });
    let positives = 0;
    for (let k = 0; k < n; k++) {
      const w = oboFilter(k);
      for (let r = 0; r < 6; r++)
        for (let c = 0; c < 6; c++) {
          const x = oboFibre(r, c);
          let s = oboBias(k);
          for (let ch = 0; ch < OBO_C; ch++) s += x[ch] * w[ch];
          const i = (r * 6 + c) * n + k;
          expect(z.data[i]).toBe(s);
          expect(a.data[i]).toBe(Math.max(0, s));
          if (s > 0) positives++;
        }
      expect(channelMap(a.data, 36, n, k)[7]).toBe(a.data[7 * n + k]);
    }
    // the example is not degenerate: ReLU both keeps and cuts values
    expect(positives).toBeGreaterThan(10);
    expect(positives).toBeLessThan(4 * 36 - 10);
  });

  it('28×28×192 with 32 filters of 1×1×192 → 28×28×32, 6,176 parameters, 4,816,896 multiplies', () => {
    expect(convOutputSize(28, 1, 0, 1)).toBe(28);
    expect(convParamCount(1, 192, 32)).toBe(6176);
    expect(convMultiplyCount(28, 28, 32, 1, 192)).toBe(28 * 28 * 32 * 192);
    expect(convParamCount(1, 32, 1)).toBe(33);
  });
});
