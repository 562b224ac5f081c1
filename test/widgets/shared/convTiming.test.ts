import { describe, expect, it } from 'vitest';
import { depthwiseConv, timeForms } from '../../../src/widgets/shared/job/convTiming';
import { conv2d } from '../../../src/engine/ops/conv2d';
import { rng } from '../../../src/engine/random';
import { inceptionCost } from '../../../src/widgets/inception-cost/view';
import { depthwiseCosts } from '../../../src/widgets/depthwise-separable/view';

describe('conv timing', () => {
  it('depthwise convolution equals the engine conv2d run on each channel alone', () => {
    const r = rng(3);
    const n = 7, c = 5, f = 3;
    const x = { shape: [1, n, n, c], data: Float32Array.from({ length: n * n * c }, () => r.uniform(-1, 1)) };
    const w = Float32Array.from({ length: f * f * c }, () => r.uniform(-1, 1));
    for (const pad of ['same', 'valid'] as const) {
      const y = depthwiseConv(x, w, f, pad);
      const o = pad === 'same' ? n : n - f + 1;
      expect(y.shape).toEqual([1, o, o, c]);
      for (let k = 0; k < c; k++) {
        const xk = { shape: [1, n, n, 1], data: Float32Array.from({ length: n * n }, (_, i) => x.data[i * c + k]) };
        const wk = { shape: [f, f, 1, 1], data: Float32Array.from({ length: f * f }, (_, i) => w[i * c + k]) };
        const yk = conv2d(xk, wk, null, { pad });
        for (let i = 0; i < o * o; i++) expect(y.data[i * c + k]).toBeCloseTo(yk.data[i], 5);
      }
    }
  });

  it('counts the same multiplies as the widgets do, and times every form', () => {
    const k = 16;
    const ic = inceptionCost(k);
    const [direct, bottleneck] = timeForms({
      n: 28, c: 192, budgetMs: 5, minRuns: 2,
      forms: [[{ kind: 'conv', f: 5, cOut: 32, pad: 'same' }], [{ kind: 'conv', f: 1, cOut: k, pad: 'same' }, { kind: 'conv', f: 5, cOut: 32, pad: 'same' }]],
    });
    expect(direct.multiplies).toBe(ic.direct.multiplies);
    expect(bottleneck.multiplies).toBe(ic.bottleneckCost);
    for (const t of [direct, bottleneck]) {
      expect(t.runs).toBeGreaterThanOrEqual(2);
      expect(t.ms).toBeGreaterThan(0);
    }
    const dc = depthwiseCosts(10, 8, 3, 16, 'valid');
    const [normal, separable] = timeForms({
      n: 10, c: 8, budgetMs: 5,
      forms: [[{ kind: 'conv', f: 3, cOut: 16, pad: 'valid' }], [{ kind: 'depthwise', f: 3, pad: 'valid' }, { kind: 'conv', f: 1, cOut: 16, pad: 'valid' }]],
    });
    expect(normal.multiplies).toBe(dc.normal.multiplies);
    expect(separable.multiplies).toBe(dc.separable);
  });

  it('refuses a size too large to time, with the reason', () => {
    expect(() => timeForms({ n: 1024, c: 1024, forms: [[{ kind: 'conv', f: 5, cOut: 1024, pad: 'same' }]] })).toThrow(/too large to time/);
  });
});

describe('counted vs measured ratio', () => {
  it('divides multiplies by multiplies and milliseconds by milliseconds', async () => {
    const { compareTimings, AGREE_WITHIN } = await import('../../../src/widgets/shared/view/timing');
    const c = compareTimings({ ms: 20, multiplies: 120_422_400 }, { ms: 4, multiplies: 12_443_648 });
    expect(c.countedRatio).toBeCloseTo(120_422_400 / 12_443_648, 9);
    expect(c.measuredRatio).toBe(5);
    expect(c.agreement).toBeCloseTo(5 / (120_422_400 / 12_443_648), 9);
    expect(c.agree).toBe(false);
    // 120,422,400 multiplies in 20 ms = 6.02 billion per second
    expect(c.rateA).toBeCloseTo(6.0211, 3);
    const near = compareTimings({ ms: 10, multiplies: 1000 }, { ms: 1, multiplies: 100 * AGREE_WITHIN * 0.99 });
    expect(near.agree).toBe(true);
    expect(() => compareTimings({ ms: 0, multiplies: 1 }, { ms: 1, multiplies: 1 })).toThrow(RangeError);
  });
});
