import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { zeroPad2d, zeroPad2dBackward } from '../../../src/engine/ops/zeroPad2d';
import { conv2d } from '../../../src/engine/ops/conv2d';
import { gradCheck, randTensor } from '../gradcheck';

describe('zeroPad2d', () => {
  it('p = 1 around a 2×2 image gives 4×4 with a zero border', () => {
    const y = zeroPad2d(tensor([1, 2, 3, 4], [1, 2, 2, 1]), 1);
    expect(y.shape).toEqual([1, 4, 4, 1]);
    expect(Array.from(y.data)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 0]);
  });

  it("'same' for an even window puts the extra row/column bottom/right; a valid conv on it equals a 'same' conv", () => {
    const x = randTensor([2, 5, 4, 3], 1), w = randTensor([2, 2, 3, 2], 2);
    const p = zeroPad2d(x, 'same', { size: 2 });
    expect(p.sides).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    const a = conv2d(p, w, null, { pad: 'valid' }), b = conv2d(x, w, null, { pad: 'same' });
    expect(a.shape).toEqual(b.shape);
    a.data.forEach((v, i) => expect(v).toBeCloseTo(b.data[i], 5));
  });

  it('bad input', () => {
    expect(() => zeroPad2d(zeros([2, 2, 1]), 1)).toThrow(/rank 4/);
    expect(() => zeroPad2d(zeros([1, 2, 2, 1]), 'same')).toThrow(/needs the window size/);
  });

  it('gradient check (backward crops)', () => {
    const x = randTensor([2, 3, 2, 2], 3);
    const sides = { top: 1, bottom: 2, left: 0, right: 1 };
    gradCheck('zeroPad2d', [x], () => zeroPad2d(x, sides), (dy) => [zeroPad2dBackward(dy as typeof x, x, sides).dx.data]);
  });
});
