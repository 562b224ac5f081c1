import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { conv2dTranspose, conv2dTransposeBackward } from '../../../src/engine/ops/conv2dTranspose';
import { gradCheck, randTensor } from '../gradcheck';

const rows = (t: { data: Float32Array; shape: number[] }) => {
  const w = t.shape[2];
  const out: number[][] = [];
  for (let i = 0; i < t.data.length; i += w) out.push(Array.from(t.data.subarray(i, i + w)));
  return out;
};

// Painting by hand, single channel: every input value stamps value·filter at (i·s − p, j·s − p).
function paint(x: number[][], f: number[][], s: number, p: number, op: number): number[][] {
  const n = x.length, k = f.length, size = (n - 1) * s + k - 2 * p + op;
  const y = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let u = 0; u < k; u++) for (let v = 0; v < k; v++) {
    const r = i * s + u - p, c = j * s + v - p;
    if (r >= 0 && r < size && c >= 0 && c < size) y[r][c] += x[i][j] * f[u][v];
  }
  return y;
}

describe('conv2dTranspose worked examples', () => {
  // The lesson's example: input [2, 1] / [3, 2], filter [1, 2, 1] / [2, 0, 1] / [0, 2, 1], s = 2, p = 1, output padding 1.
  const x = tensor([2, 1, 3, 2], [1, 2, 2, 1]);
  const f = tensor([1, 2, 1, 2, 0, 1, 0, 2, 1], [3, 3, 1, 1]);

  it('the lesson example: a 4×4 output whose overlaps add (row 2, column 1: 2·2 + 3·2 = 10)', () => {
    const y = conv2dTranspose(x, f, null, { stride: 2, pad: 1, outputPadding: 1 });
    expect(y.shape).toEqual([1, 4, 4, 1]);
    // with p = 1 the top row/left column of the 5×5 canvas are cut: canvas row 2 (1-based) is output row 1 (0-based)
    expect(rows(y)[1][0]).toBe(10);
    expect(rows(y)).toEqual(paint([[2, 1], [3, 2]], [[1, 2, 1], [2, 0, 1], [0, 2, 1]], 2, 1, 1));
  });

  it('no padding: the whole (n − 1)·s + f = 5 canvas', () => {
    const y = conv2dTranspose(x, f, null, { stride: 2 });
    expect(y.shape).toEqual([1, 5, 5, 1]);
    expect(rows(y)).toEqual(paint([[2, 1], [3, 2]], [[1, 2, 1], [2, 0, 1], [0, 2, 1]], 2, 0, 0));
    expect(rows(y)[0]).toEqual([2, 4, 2 + 1, 2, 1]); // the first row: 2·[1 2 1] then 1·[1 2 1] two columns on
  });

  it('2×2 filter, stride 2 (U-Net up-convolution): each input value becomes a 2×2 block, no overlap', () => {
    const y = conv2dTranspose(tensor([1, 2, 3, 4], [1, 2, 2, 1]), tensor([1, 10, 100, 1000], [2, 2, 1, 1]), tensor([0.5], [1]), { stride: 2 });
    expect(rows(y)).toEqual([
      [1.5, 10.5, 2.5, 20.5],
      [100.5, 1000.5, 200.5, 2000.5],
      [3.5, 30.5, 4.5, 40.5],
      [300.5, 3000.5, 400.5, 4000.5],
    ]);
  });

  it("channels: filter [f, f, cOut, cIn] mixes the input channels into each output channel; 'same' gives n·s", () => {
    // one pixel, two input channels (1, 2); w[0,0,k,c]: out0 = 3·a + 5·b, out1 = −a + b
    const y = conv2dTranspose(tensor([1, 2], [1, 1, 1, 2]), tensor([3, 5, -1, 1], [1, 1, 2, 2]), null, { stride: 1 });
    expect(Array.from(y.data)).toEqual([13, 1]);
    expect(conv2dTranspose(zeros([1, 3, 5, 2]), zeros([3, 3, 4, 2]), null, { stride: 2, pad: 'same' }).shape).toEqual([1, 6, 10, 4]);
  });

  it('bad input names the problem', () => {
    expect(() => conv2dTranspose(zeros([1, 2, 2, 3]), zeros([2, 2, 1, 2]), null)).toThrow(/expects 2 input channels.*has 3/);
    expect(() => conv2dTranspose(zeros([1, 2, 2, 1]), zeros([3, 3, 1, 1]), null, { stride: 2, pad: 0, outputPadding: 1 })).toThrow(/output padding 1 is larger than the padding 0/);
    expect(() => conv2dTranspose(zeros([1, 2, 2, 1]), zeros([2, 2, 1, 1]), null, { stride: 0 })).toThrow(/stride/);
    expect(() => conv2dTranspose(zeros([1, 2, 2, 1]), zeros([2, 2, 3, 1]), zeros([2]))).toThrow(/bias has 2 values/);
  });
});

describe('conv2dTranspose gradients (central differences)', () => {
  const cases = [
    { x: [2, 3, 3, 2], w: [3, 3, 3, 2], stride: 2, pad: 1, outputPadding: 1 },
    { x: [1, 4, 3, 3], w: [2, 2, 2, 3], stride: 2, pad: 0, outputPadding: 0 },
    { x: [1, 3, 3, 2], w: [3, 3, 2, 2], stride: 1, pad: 1, outputPadding: 0 },
    { x: [2, 2, 3, 1], w: [3, 3, 2, 1], stride: 2, pad: 'same' as const, outputPadding: 0 },
  ];
  cases.forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} p ${c.pad} op ${c.outputPadding}`, () => {
      const x = randTensor(c.x, 10 + i), w = randTensor(c.w, 20 + i), b = randTensor([c.w[2]], 30 + i);
      const opts = { stride: c.stride, pad: c.pad, outputPadding: c.outputPadding };
      gradCheck('conv2dTranspose', [x, w, b], () => conv2dTranspose(x, w, b, opts), (dy) => {
        const g = conv2dTransposeBackward(dy as typeof x, x, w, opts);
        return [g.dx.data, g.dw.data, g.db.data];
      });
    });
  });
});
