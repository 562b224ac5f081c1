import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { conv1d, conv1dBackward } from '../../../src/engine/ops/conv1d';
import { conv3d, conv3dBackward } from '../../../src/engine/ops/conv3d';
import { conv2d } from '../../../src/engine/ops/conv2d';
import { gradCheck, randTensor } from '../gradcheck';

describe('conv1d', () => {
  it('edge detector [1, 0, −1] on a step signal', () => {
    const x = tensor([10, 10, 10, 0, 0, 0], [1, 6, 1]);
    const y = conv1d(x, tensor([1, 0, -1], [3, 1, 1]), null);
    expect(y.shape).toEqual([1, 4, 1]);
    expect(Array.from(y.data)).toEqual([0, 10, 10, 0]);
  });
  it("'same', stride 2, bias", () => {
    const x = tensor([1, 2, 3, 4, 5], [1, 5, 1]);
    // ⌈5/2⌉ = 3 outputs, total pad (3−1)·2 + 3 − 5 = 2 → 1 each side: windows [0,1,2],[2,3,4],[4,5,0]
    const y = conv1d(x, tensor([1, 1, 1], [3, 1, 1]), tensor([100], [1]), { stride: 2, pad: 'same' });
    expect(Array.from(y.data)).toEqual([103, 109, 109]);
  });
  it('bad input', () => {
    expect(() => conv1d(zeros([1, 3, 1]), zeros([5, 1, 1]), null)).toThrow('conv1d: filter 5 is larger than the padded input 3 (pad 0)');
    expect(() => conv1d(zeros([1, 3, 2]), zeros([2, 1, 1]), null)).toThrow(/expects 1 input channels/);
  });
  it('gradient check', () => {
    const x = randTensor([2, 7, 2], 1), w = randTensor([3, 2, 3], 2), b = randTensor([3], 3);
    const o = { stride: 2, pad: 1 };
    gradCheck('conv1d', [x, w, b], () => conv1d(x, w, b, o), (dy) => {
      const g = conv1dBackward(dy as typeof x, x, w, o);
      return [g.dx.data, g.dw.data, g.db.data];
    });
  });
});

describe('conv3d', () => {
  it('a 3-D filter of ones sums a 2×2×2 cube', () => {
    const x = tensor(Array.from({ length: 27 }, (_, i) => i), [1, 3, 3, 3, 1]);
    const y = conv3d(x, tensor(new Float32Array(8).fill(1), [2, 2, 2, 1, 1]), null);
    expect(y.shape).toEqual([1, 2, 2, 2, 1]);
    // first cube: 0+1+3+4+9+10+12+13 = 52; moving one step along any axis adds 8·(1, 3 or 9)
    expect(Array.from(y.data)).toEqual([52, 60, 76, 84, 124, 132, 148, 156]);
  });
  it('a depth-1 volume with a depth-1 filter equals conv2d', () => {
    const x = randTensor([2, 1, 5, 5, 2], 4), w = randTensor([1, 3, 3, 2, 3], 5), b = randTensor([3], 6);
    const y3 = conv3d(x, w, b, { pad: 'same', stride: 2 });
    const y2 = conv2d({ shape: [2, 5, 5, 2], data: x.data }, { shape: [3, 3, 2, 3], data: w.data }, b, { pad: 'same', stride: 2 });
    expect(y3.shape).toEqual([2, 1, 3, 3, 3]);
    y2.data.forEach((v, i) => expect(y3.data[i]).toBeCloseTo(v, 5));
  });
  it('bad input', () => {
    expect(() => conv3d(zeros([1, 2, 4, 4, 1]), zeros([3, 3, 3, 1, 1]), null)).toThrow('conv3d: filter 3×3×3 is larger than the padded input 2×4×4 (pad 0)');
  });
  it('gradient check', () => {
    const x = randTensor([1, 4, 3, 4, 2], 7), w = randTensor([2, 2, 3, 2, 2], 8), b = randTensor([2], 9);
    const o = { stride: 1, pad: 'same' as const };
    gradCheck('conv3d', [x, w, b], () => conv3d(x, w, b, o), (dy) => {
      const g = conv3dBackward(dy as typeof x, x, w, o);
      return [g.dx.data, g.dw.data, g.db.data];
    });
  });
});
