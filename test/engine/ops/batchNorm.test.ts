import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { batchNorm, batchNormBackward, type BatchNormState } from '../../../src/engine/ops/batchNorm';
import { gradCheck, randTensor } from '../gradcheck';

const state = (c: number): BatchNormState => ({ runningMean: zeros([c]), runningVar: tensor(new Float32Array(c).fill(1), [c]) });

describe('batchNorm', () => {
  it('training: normalises each channel with the batch statistics, ε = 1e-3 by default', () => {
    // channel 0: 1, 3 (μ = 2, σ² = 1); channel 1: 10, 10 (μ = 10, σ² = 0)
    const x = tensor([1, 10, 3, 10], [2, 2]);
    const s = state(2);
    const r = batchNorm(x, tensor([1, 1], [2]), tensor([0, 5], [2]), s, { training: true });
    const k = 1 / Math.sqrt(1 + 1e-3);
    expect(r.y.data[0]).toBeCloseTo(-k, 6);
    expect(r.y.data[2]).toBeCloseTo(k, 6);
    expect(r.y.data[1]).toBe(5);
    // running stats: 0.99·old + 0.01·batch (variance unbiased: 2/(2−1)·1 = 2)
    expect(s.runningMean.data[0]).toBeCloseTo(0.02, 6);
    expect(s.runningVar.data[0]).toBeCloseTo(0.99 + 0.02, 6);
    expect(s.runningVar.data[1]).toBeCloseTo(0.99, 6);
  });

  it('inference uses the running statistics and leaves them alone', () => {
    const s: BatchNormState = { runningMean: tensor([1], [1]), runningVar: tensor([4], [1]) };
    const r = batchNorm(tensor([5, 1], [2, 1]), tensor([2], [1]), tensor([1], [1]), s, { eps: 0 });
    expect(Array.from(r.y.data)).toEqual([2 * (4 / 2) + 1, 1]);
    expect(s.runningMean.data[0]).toBe(1);
  });

  it('wrong parameter length', () => {
    expect(() => batchNorm(zeros([2, 2, 2, 3]), zeros([2]), zeros([3]), state(3))).toThrow(/gamma has 2 values.*3 channels/);
  });

  it('gradient check in training mode (x, γ, β), NHWC', () => {
    const x = randTensor([3, 2, 2, 3], 1, -2, 2), g = randTensor([3], 2, 0.5, 1.5), b = randTensor([3], 3);
    const fwd = () => batchNorm(x, g, b, state(3), { training: true });
    gradCheck('batchNorm train', [x, g, b], () => fwd().y, (dy) => {
      const r = batchNormBackward(dy as typeof x, x, g, fwd());
      return [r.dx.data, r.dgamma.data, r.dbeta.data];
    }, { atol: 3e-3 });
  });

  it('gradient check in inference mode', () => {
    const x = randTensor([4, 3], 4), g = randTensor([3], 5), b = randTensor([3], 6);
    const s: BatchNormState = { runningMean: randTensor([3], 7), runningVar: randTensor([3], 8, 0.5, 2) };
    const fwd = () => batchNorm(x, g, b, s, { training: false });
    gradCheck('batchNorm infer', [x, g, b], () => fwd().y, (dy) => {
      const r = batchNormBackward(dy as typeof x, x, g, fwd());
      return [r.dx.data, r.dgamma.data, r.dbeta.data];
    });
  });
});
