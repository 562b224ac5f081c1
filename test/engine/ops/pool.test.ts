import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { maxPool2d, maxPool2dBackward } from '../../../src/engine/ops/maxPool2d';
import { avgPool2d, avgPool2dBackward } from '../../../src/engine/ops/avgPool2d';
import { globalAvgPool, globalAvgPoolBackward } from '../../../src/engine/ops/globalAvgPool';
import { rng } from '../../../src/engine/random';
import { gradCheck, randTensor } from '../gradcheck';

// The lecture's max-pooling example: 4×4, f = 2, s = 2.
const lecture = tensor([1, 3, 2, 1, 2, 9, 1, 1, 1, 3, 2, 3, 5, 6, 1, 2], [1, 4, 4, 1]);

/** Distinct values spaced 0.1 apart, shuffled: no ties, and ±ε never changes a winner. */
function distinct(shape: number[], seed: number) {
  const n = shape.reduce((a, b) => a * b, 1);
  const vals = Array.from({ length: n }, (_, i) => (i - n / 2) * 0.1);
  rng(seed).shuffle(vals);
  return tensor(vals, shape);
}

describe('maxPool2d', () => {
  it('lecture example: [[9, 2], [6, 3]] and the winners’ positions', () => {
    const y = maxPool2d(lecture, { size: 2, stride: 2 });
    expect(y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(y.data)).toEqual([9, 2, 6, 3]);
    // flat input offsets: 9 at (1,1)=5, 2 at (0,2)=2, 6 at (3,1)=13, 3 at (2,3)=11
    expect(Array.from(y.argmax)).toEqual([5, 2, 13, 11]);
  });

  it('5×5, f = 3, s = 1 → 3×3 (overlapping windows)', () => {
    const x = tensor(Array.from({ length: 25 }, (_, i) => i), [1, 5, 5, 1]);
    const y = maxPool2d(x, { size: 3, stride: 1 });
    expect(y.shape).toEqual([1, 3, 3, 1]);
    expect(Array.from(y.data)).toEqual([12, 13, 14, 17, 18, 19, 22, 23, 24]);
  });

  it("'same' padding never lets the padding win (it counts as −∞)", () => {
    const x = tensor([-1, -2, -3, -4], [1, 2, 2, 1]);
    const y = maxPool2d(x, { size: 2, stride: 1, pad: 'same' });
    expect(Array.from(y.data)).toEqual([-1, -2, -3, -4]);
  });

  it('pools each channel separately', () => {
    const x = tensor([1, 8, 2, 7, 3, 6, 4, 5], [1, 2, 2, 2]);
    expect(Array.from(maxPool2d(x, { size: 2 }).data)).toEqual([4, 8]);
  });

  it('backward sends dy only to the argmax', () => {
    const y = maxPool2d(lecture, { size: 2, stride: 2 });
    const { dx } = maxPool2dBackward(tensor([1, 2, 3, 4], [1, 2, 2, 1]), lecture, { size: 2, stride: 2, argmax: y.argmax });
    const expected = new Array(16).fill(0);
    expected[5] = 1; expected[2] = 2; expected[13] = 3; expected[11] = 4;
    expect(Array.from(dx.data)).toEqual(expected);
    // recomputing the argmax when it is not given gives the same
    expect(Array.from(maxPool2dBackward(tensor([1, 2, 3, 4], [1, 2, 2, 1]), lecture, { size: 2 }).dx.data)).toEqual(expected);
  });

  it('bad input: window larger than the input', () => {
    expect(() => maxPool2d(zeros([1, 2, 2, 1]), { size: 3 })).toThrow('maxPool2d: window 3×3 is larger than the padded input 2×2 (pad 0)');
    expect(() => maxPool2d(zeros([2, 2, 1]), { size: 2 })).toThrow(/rank 4/);
  });

  for (const [k, opts] of ([{ size: 2, stride: 2 }, { size: 3, stride: 2, pad: 1 }, { size: 2, stride: 1, pad: 'same' }] as const).entries()) {
    it(`gradient check ${JSON.stringify(opts)}`, () => {
      const x = distinct([2, 5, 5, 2], 3 + k);
      gradCheck('maxPool2d', [x], () => maxPool2d(x, opts), (dy) => [maxPool2dBackward(dy as typeof x, x, opts).dx.data]);
    });
  }
});

describe('avgPool2d', () => {
  it('lecture example, average: [[3.75, 1.25], [3.75, 2]]', () => {
    expect(Array.from(avgPool2d(lecture, { size: 2, stride: 2 }).data)).toEqual([3.75, 1.25, 3.75, 2]);
  });

  it("'same' padding averages only the real cells (TensorFlow)", () => {
    const x = tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    // 2×2 windows, stride 1, extra padding bottom/right: (1+2+3+4)/4, (2+4)/2, (3+4)/2, 4/1
    expect(Array.from(avgPool2d(x, { size: 2, stride: 1, pad: 'same' }).data)).toEqual([2.5, 3, 3.5, 4]);
  });

  it('backward spreads dy evenly over each window', () => {
    const { dx } = avgPool2dBackward(tensor([4], [1, 1, 1, 1]), zeros([1, 2, 2, 1]), { size: 2 });
    expect(Array.from(dx.data)).toEqual([1, 1, 1, 1]);
  });

  for (const [k, opts] of ([{ size: 2, stride: 2 }, { size: 3, stride: 2, pad: 1 }, { size: 2, stride: 1, pad: 'same' }] as const).entries()) {
    it(`gradient check ${JSON.stringify(opts)}`, () => {
      const x = randTensor([2, 5, 4, 2], 40 + k);
      gradCheck('avgPool2d', [x], () => avgPool2d(x, opts), (dy) => [avgPool2dBackward(dy as typeof x, x, opts).dx.data]);
    });
  }
});

describe('globalAvgPool', () => {
  it('one mean per channel', () => {
    const x = tensor([1, 10, 2, 20, 3, 30, 4, 40], [1, 2, 2, 2]);
    const y = globalAvgPool(x);
    expect(y.shape).toEqual([1, 2]);
    expect(Array.from(y.data)).toEqual([2.5, 25]);
    expect(Array.from(globalAvgPoolBackward(tensor([4, 8], [1, 2]), x).dx.data)).toEqual([1, 2, 1, 2, 1, 2, 1, 2]);
  });
  it('gradient check', () => {
    const x = randTensor([2, 3, 4, 3], 77);
    gradCheck('globalAvgPool', [x], () => globalAvgPool(x), (dy) => [globalAvgPoolBackward(dy as typeof x, x).dx.data]);
  });
});

describe('maxPool2d 2×2 windows with many ties (the branch-free path)', () => {
  // values in {0, 1, 2} (like ReLU outputs full of zeros): the first maximum in scan order
  // (row by row, left to right) must win, exactly as a plain scan decides
  for (const stride of [2, 1]) {
    it(`stride ${stride}: values and argmax equal a naive first-max scan`, () => {
      const r = rng(5 + stride);
      const [n, h, w, c] = [2, 6, 7, 3];
      const x = tensor(Array.from({ length: n * h * w * c }, () => Math.floor(r.uniform(0, 3))), [n, h, w, c]);
      const y = maxPool2d(x, { size: 2, stride });
      const oh = Math.floor((h - 2) / stride) + 1, ow = Math.floor((w - 2) / stride) + 1;
      expect(y.shape).toEqual([n, oh, ow, c]);
      let o = 0;
      for (let b = 0; b < n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let ch = 0; ch < c; ch++, o++) {
        let best = -Infinity, arg = -1;
        for (const [u, v] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
          const k = ((b * h + i * stride + u) * w + j * stride + v) * c + ch;
          if (x.data[k] > best) {
            best = x.data[k];
            arg = k;
          }
        }
        expect(y.data[o]).toBe(best);
        expect(y.argmax[o]).toBe(arg);
      }
    });
  }
});
