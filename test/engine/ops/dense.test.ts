import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { dense, denseBackward } from '../../../src/engine/ops/dense';
import { gradCheck, randTensor } from '../gradcheck';

describe('dense', () => {
  it('x·w + b by hand', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const w = tensor([1, 0, 0, 1, 1, 1], [3, 2]); // out0 = x0 + x2, out1 = x1 + x2
    const b = tensor([0.5, -1], [2]);
    expect(Array.from(dense(x, w, b).data)).toEqual([4.5, 4, 10.5, 10]);
    expect(Array.from(dense(x, w, null).data)).toEqual([4, 5, 10, 11]);
  });

  it('backward by hand: dx = dy·wᵀ, dw = xᵀ·dy, db = Σ dy', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 3]);
    const w = tensor([1, 0, 0, 1, 1, 1], [3, 2]);
    const dy = tensor([1, 0, 0, 2], [2, 2]);
    const g = denseBackward(dy, x, w);
    expect(Array.from(g.dx.data)).toEqual([1, 0, 1, 0, 2, 2]);
    expect(Array.from(g.dw.data)).toEqual([1, 8, 2, 10, 3, 12]);
    expect(Array.from(g.db.data)).toEqual([1, 2]);
  });

  it('bad input names the shapes', () => {
    expect(() => dense(zeros([2, 3]), zeros([4, 2]), null)).toThrow('dense: x [2, 3] has 3 features but w [4, 2] expects 4');
    expect(() => dense(zeros([2, 3]), zeros([3, 2]), zeros([3]))).toThrow(/bias has 3 values/);
    expect(() => dense(zeros([2, 3, 1]), zeros([3, 2]), null)).toThrow(/rank 2/);
  });

  it('gradient check', () => {
    const x = randTensor([5, 7], 1), w = randTensor([7, 6], 2), b = randTensor([6], 3);
    gradCheck('dense', [x, w, b], () => dense(x, w, b), (dy) => {
      const g = denseBackward(dy as typeof x, x, w);
      return [g.dx.data, g.dw.data, g.db.data];
    });
  });
});
