import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { conv2d, conv2dBackward } from '../../../src/engine/ops/conv2d';
import { gradCheck, randTensor } from '../gradcheck';

const rows = (t: { data: Float32Array; shape: number[] }) => {
  const w = t.shape[2];
  const out: number[][] = [];
  for (let i = 0; i < t.data.length; i += w) out.push(Array.from(t.data.subarray(i, i + w)));
  return out;
};

// The lecture's 6×6 image: left three columns bright (10), right three dark (0).
const edgeImage = tensor(Array.from({ length: 36 }, (_, i) => (i % 6 < 3 ? 10 : 0)), [1, 6, 6, 1]);
const mirrored = tensor(Array.from({ length: 36 }, (_, i) => (i % 6 < 3 ? 0 : 10)), [1, 6, 6, 1]);
// The vertical-edge filter: every row is 1 0 −1 (ERRATA #2).
const vertical = tensor([1, 0, -1, 1, 0, -1, 1, 0, -1], [3, 3, 1, 1]);

describe('conv2d worked examples', () => {
  it('the course vertical-edge example: every row 0 30 30 0', () => {
    const y = conv2d(edgeImage, vertical, null);
    expect(y.shape).toEqual([1, 4, 4, 1]);
    expect(rows(y)).toEqual([[0, 30, 30, 0], [0, 30, 30, 0], [0, 30, 30, 0], [0, 30, 30, 0]]);
  });

  it('the mirrored image gives the negative edge 0 −30 −30 0', () => {
    expect(rows(conv2d(mirrored, vertical, null))).toEqual(Array(4).fill([0, -30, -30, 0]));
  });

  it('7×7, f = 3, s = 2 → 3×3 (⌊(7 − 3)/2⌋ + 1)', () => {
    const x = tensor(Array.from({ length: 49 }, (_, i) => i), [1, 7, 7, 1]);
    const ones = tensor(new Float32Array(9).fill(1), [3, 3, 1, 1]);
    const y = conv2d(x, ones, null, { stride: 2 });
    expect(y.shape).toEqual([1, 3, 3, 1]);
    // window at (0,0): rows 0..2, cols 0..2 → 0+1+2+7+8+9+14+15+16 = 72; each step of 2 columns adds 2·9
    expect(y.data[0]).toBe(72);
    expect(y.data[1]).toBe(90);
    expect(y.data[3]).toBe(72 + 14 * 9);
  });

  it('2×2 filter on 3×3, valid (cross-correlation, no flip)', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const w = tensor([1, 0, 0, -1], [2, 2, 1, 1]); // top-left minus bottom-right
    expect(Array.from(conv2d(x, w, null).data)).toEqual([1 - 5, 2 - 6, 4 - 8, 5 - 9]);
  });

  it("'same' with an even filter pads the extra row/column bottom/right (TensorFlow)", () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const ones = tensor([1, 1, 1, 1], [2, 2, 1, 1]);
    const y = conv2d(x, ones, null, { pad: 'same' });
    expect(y.shape).toEqual([1, 3, 3, 1]);
    expect(rows(y)).toEqual([[12, 16, 9], [24, 28, 15], [15, 17, 9]]);
  });

  it('numeric padding p = 1 with stride 2 on 4×4: ⌊(4 + 2 − 3)/2⌋ + 1 = 2', () => {
    const x = tensor(new Float32Array(16).fill(1), [1, 4, 4, 1]);
    const ones = tensor(new Float32Array(9).fill(1), [3, 3, 1, 1]);
    const y = conv2d(x, ones, null, { stride: 2, pad: 1 });
    expect(y.shape).toEqual([1, 2, 2, 1]);
    // top-left window covers 2×2 real pixels (the rest is padding); the others cover 3×2, 2×3, 3×3
    expect(Array.from(y.data)).toEqual([4, 6, 6, 9]);
  });

  it('channels and bias: 1×1 conv mixes channels, bias adds per output channel', () => {
    const x = tensor([1, 2, 3, 4], [1, 1, 2, 2]); // two pixels, channels (1,2) and (3,4)
    const w = tensor([2, -1, 3, 1], [1, 1, 2, 2]); // out0 = 2a + 3b, out1 = −a + b
    const b = tensor([10, 20], [2]);
    expect(Array.from(conv2d(x, w, b).data)).toEqual([2 + 6 + 10, -1 + 2 + 20, 6 + 12 + 10, -3 + 4 + 20]);
  });

  it('backward on the edge example: dw sums the image under each tap, db counts positions', () => {
    const dy = tensor(new Float32Array(16).fill(1), [1, 4, 4, 1]);
    const { dw, db, dx } = conv2dBackward(dy, edgeImage, vertical);
    // tap column v sees image columns v..v+3; 10 in columns 0–2 → 4 rows · 10 · (3, 2, 1)
    expect(Array.from(dw.data)).toEqual([120, 80, 40, 120, 80, 40, 120, 80, 40]);
    expect(Array.from(db.data)).toEqual([16]);
    // dx at the top-left pixel: only window (0,0) tap (0,0) sees it → w[0,0] = 1
    expect(dx.data[0]).toBe(1);
    // pixel (0,2) is seen by taps v = 2,1,0 of windows 0,1,2 → −1 + 0 + 1 = 0
    expect(dx.data[2]).toBe(0);
  });

  it('an all-zero image gives the bias everywhere and zero gradients (every window empty, dy all zero)', () => {
    const x = zeros([2, 6, 6, 1]), w = tensor([1, -2, 3, 4], [2, 2, 1, 1]), b = tensor([0.5], [1]);
    const y = conv2d(x, w, b);
    expect(Array.from(y.data).every((v) => v === 0.5)).toBe(true);
    const dyOnes = tensor(Array.from({ length: y.data.length }, () => 1), y.shape);
    const g = conv2dBackward(dyOnes, x, w);
    expect(Array.from(g.dw.data)).toEqual([0, 0, 0, 0]);
    expect(g.db.data[0]).toBe(50); // 2 images × 5 × 5 positions
    const g0 = conv2dBackward(zeros(y.shape), x, w);
    expect(Array.from(g0.dx.data).every((v) => v === 0)).toBe(true);
  });

  it('reuses an output buffer when given one', () => {
    const out = zeros([1, 4, 4, 1]);
    const y = conv2d(edgeImage, vertical, null, { out });
    expect(y.data).toBe(out.data);
    expect(out.data[1]).toBe(30);
  });
});

describe('conv2d bad input', () => {
  it('filter larger than the padded input names the shapes', () => {
    const x = zeros([1, 3, 3, 1]), w = zeros([5, 5, 1, 1]);
    expect(() => conv2d(x, w, null)).toThrow(RangeError);
    expect(() => conv2d(x, w, null)).toThrow('conv2d: filter 5×5 is larger than the padded input 3×3 (pad 0)');
    expect(() => conv2d(x, w, null, { pad: 1 })).not.toThrow();
  });
  it('mismatched channels', () => {
    expect(() => conv2d(zeros([1, 4, 4, 3]), zeros([3, 3, 2, 1]), null)).toThrow(/expects 2 input channels.*has 3/);
  });
  it('wrong bias length', () => {
    expect(() => conv2d(zeros([1, 4, 4, 1]), zeros([3, 3, 1, 2]), zeros([3]))).toThrow(/bias has 3 values.*2 output channels/);
  });
  it('wrong rank', () => {
    expect(() => conv2d(zeros([4, 4, 1]), zeros([3, 3, 1, 1]), null)).toThrow(/rank 4.*\[4, 4, 1\]/);
  });
  it('bad stride', () => {
    expect(() => conv2d(zeros([1, 4, 4, 1]), zeros([3, 3, 1, 1]), null, { stride: 0 })).toThrow(RangeError);
  });
});

describe('conv2d gradient check (central differences, every input)', () => {
  const cases: { x: number[]; w: number[]; stride: number; pad: 0 | 1 | 2 | 'same' | 'valid' }[] = [
    { x: [2, 5, 5, 2], w: [3, 3, 2, 3], stride: 1, pad: 0 },
    { x: [1, 6, 5, 3], w: [3, 2, 3, 2], stride: 2, pad: 1 },
    { x: [2, 4, 4, 1], w: [2, 2, 1, 2], stride: 1, pad: 'same' },
    { x: [1, 7, 7, 2], w: [3, 3, 2, 2], stride: 2, pad: 'same' },
    { x: [1, 3, 3, 4], w: [1, 1, 4, 3], stride: 1, pad: 'valid' },
  ];
  cases.forEach((c, k) => {
    it(`x ${c.x.join('×')}, w ${c.w.join('×')}, stride ${c.stride}, pad ${c.pad}`, () => {
      const x = randTensor(c.x, 10 + k), w = randTensor(c.w, 20 + k), b = randTensor([c.w[3]], 30 + k);
      const opts = { stride: c.stride, pad: c.pad };
      gradCheck('conv2d', [x, w, b], () => conv2d(x, w, b, opts), (dy) => {
        const g = conv2dBackward(dy as typeof x, x, w, opts);
        return [g.dx.data, g.dw.data, g.db.data];
      });
    });
  });
});
