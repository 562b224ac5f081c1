import { describe, expect, it } from 'vitest';
import { initLearnFilter, stepLearnFilter, learnFilterLoss, maxAbsDiff, learnFilter } from '../../../src/widgets/learn-filter/job';

const SOBEL_V = [1, 0, -1, 2, 0, -2, 1, 0, -1];

describe('learn-filter job (pure step logic)', () => {
  it('the gradient matches central differences of the loss', () => {
    const s = initLearnFilter({ target: SOBEL_V, size: 12 });
    // gradient implied by one step with lr = 1 from a copy
    const before = Float64Array.from(s.w.data);
    const probe = initLearnFilter({ target: SOBEL_V, size: 12, learningRate: 1 });
    stepLearnFilter(probe);
    const grad = Array.from(before, (w, k) => w - probe.w.data[k]);
    const h = 1e-2;
    for (let k = 0; k < 9; k++) {
      s.w.data[k] = before[k] + h;
      const up = learnFilterLoss(s);
      s.w.data[k] = before[k] - h;
      const down = learnFilterLoss(s);
      s.w.data[k] = before[k];
      expect(grad[k]).toBeCloseTo((up - down) / (2 * h), 3);
    }
  });

  it('converges to within 0.05 of Sobel (vertical) in 300 steps, loss falling', () => {
    const s = initLearnFilter({ target: SOBEL_V, seed: 7 });
    stepLearnFilter(s);
    const first = s.loss;
    for (let i = 1; i < 300; i++) stepLearnFilter(s);
    expect(s.loss).toBeLessThan(first / 100);
    expect(maxAbsDiff(s.w.data, SOBEL_V)).toBeLessThan(0.05);
  });

  it('also learns Scharr (large numbers) and the horizontal filter', () => {
    for (const target of [[3, 0, -3, 10, 0, -10, 3, 0, -3], [1, 1, 1, 0, 0, 0, -1, -1, -1]]) {
      const s = initLearnFilter({ target, size: 16 });
      for (let i = 0; i < 400; i++) stepLearnFilter(s);
      expect(maxAbsDiff(s.w.data, target)).toBeLessThan(0.05);
    }
  });

  it('is deterministic for a seed; done at maxSteps', () => {
    const a = initLearnFilter({ target: SOBEL_V, seed: 3, maxSteps: 20 });
    const b = initLearnFilter({ target: SOBEL_V, seed: 3, maxSteps: 20 });
    let doneA = false;
    for (let i = 0; i < 20; i++) doneA = stepLearnFilter(a);
    for (let i = 0; i < 20; i++) stepLearnFilter(b);
    expect(doneA).toBe(true);
    expect(Array.from(a.w.data)).toEqual(Array.from(b.w.data));
  });

  it('too large a learning rate diverges with a readable error; bad settings are refused', () => {
    const s = initLearnFilter({ target: SOBEL_V, learningRate: 10, size: 12 });
    expect(() => {
      for (let i = 0; i < 1000; i++) stepLearnFilter(s);
    }).toThrow(/diverged/);
    expect(() => initLearnFilter({ target: [1, 2, 3] })).toThrow(RangeError);
    expect(() => learnFilter.update!(initLearnFilter({ target: SOBEL_V }), { learningRate: -1 })).toThrow(/positive/);
  });

  it('progress and snapshot report the nine numbers and the distance to the target', () => {
    const s = initLearnFilter({ target: SOBEL_V });
    stepLearnFilter(s);
    const p = learnFilter.progress(s);
    expect(p.step).toBe(1);
    expect(p.maxAbsDiff).toBeCloseTo(maxAbsDiff(s.w.data, SOBEL_V), 6);
    expect(learnFilter.snapshot!(s).kernel.length).toBe(9);
  });
});
