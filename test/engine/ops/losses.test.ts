import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/engine/tensor';
import { softmaxCrossEntropy } from '../../../src/engine/ops/softmaxCrossEntropy';
import { meanSquaredError, meanSquaredErrorBackward } from '../../../src/engine/ops/meanSquaredError';
import { gradCheck, randTensor } from '../gradcheck';

describe('softmaxCrossEntropy', () => {
  it('uniform logits over k classes cost log k', () => {
    const r = softmaxCrossEntropy(tensor(new Float32Array(12), [3, 4]), [0, 1, 3]);
    expect(r.loss).toBeCloseTo(Math.log(4), 12);
    // dlogits = (1/4 − onehot)/3
    expect(r.dlogits.data[0]).toBeCloseTo((0.25 - 1) / 3, 6);
    expect(r.dlogits.data[1]).toBeCloseTo(0.25 / 3, 6);
  });

  it('hand example: logits [2, 0] label 0 → log(1 + e^−2)', () => {
    expect(softmaxCrossEntropy(tensor([2, 0], [1, 2]), Int32Array.from([0])).loss).toBeCloseTo(Math.log(1 + Math.exp(-2)), 6);
  });

  it('one-hot labels give the same as class indices; extreme logits stay finite', () => {
    const z = tensor([1, -3, 0.5, 800, -800, 0], [2, 3]);
    const a = softmaxCrossEntropy(z, [2, 1]);
    const b = softmaxCrossEntropy(z, tensor([0, 0, 1, 0, 1, 0], [2, 3]));
    expect(b.loss).toBeCloseTo(a.loss, 6);
    expect(Number.isFinite(a.loss)).toBe(true);
    expect(Array.from(b.dlogits.data)).toEqual(Array.from(a.dlogits.data));
  });

  it('bad labels', () => {
    expect(() => softmaxCrossEntropy(tensor([0, 0], [1, 2]), [2])).toThrow(/not a class index/);
    expect(() => softmaxCrossEntropy(tensor([0, 0], [1, 2]), [0, 1])).toThrow(/2 labels for 1 rows/);
  });

  it('gradient check (class indices and soft targets)', () => {
    const z = randTensor([4, 5], 8, -2, 2);
    gradCheck('softmaxCE', [z], () => softmaxCrossEntropy(z, [0, 4, 2, 2]).loss, () => [softmaxCrossEntropy(z, [0, 4, 2, 2]).dlogits.data]);
    const t = tensor([0.2, 0.8, 0, 0, 0, 0, 0, 0.5, 0.5, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.7], [4, 5]);
    gradCheck('softmaxCE soft', [z], () => softmaxCrossEntropy(z, t).loss, () => [softmaxCrossEntropy(z, t).dlogits.data]);
  });
});

describe('meanSquaredError', () => {
  it('hand example', () => {
    const p = tensor([1, 2, 3, 4], [2, 2]), t = tensor([1, 0, 3, 1], [2, 2]);
    expect(meanSquaredError(p, t)).toBe((0 + 4 + 0 + 9) / 4);
    expect(Array.from(meanSquaredErrorBackward(p, t).dpred.data)).toEqual([0, 1, 0, 1.5]);
  });
  it('gradient check for pred and target', () => {
    const p = randTensor([3, 4], 1), t = randTensor([3, 4], 2);
    gradCheck('mse', [p, t], () => meanSquaredError(p, t), () => {
      const g = meanSquaredErrorBackward(p, t);
      return [g.dpred.data, g.dtarget.data];
    });
  });
  it('shape mismatch', () => {
    expect(() => meanSquaredError(tensor([1, 2], [2]), tensor([1, 2], [1, 2]))).toThrow(/does not match/);
  });
});
