// Transposed convolution (lesson 34): the size formula, and the worker job (conv2dBackward's dx)
// against the lecture's worked example and an independent stamp-and-add loop written here.
import { describe, expect, it } from 'vitest';
import { transposedConvOutputSize } from '../../../src/engine/shape';
import { transposedConvStages } from '../../../src/widgets/transposed-conv/job';
import { tensor } from '../../../src/engine/tensor';

const INPUT = [2, 1, 3, 2];
const FILTER = [1, 2, 1, 2, 0, 1, 0, 2, 1];
const rows = (d: ArrayLike<number>, n: number) => Array.from({ length: n }, (_, r) => Array.from(d).slice(r * n, r * n + n));

/** Reference: stamp each input cell's filter·value at (i·s − p, j·s − p) into an m×m output. */
function stampAndAdd(x: number[], n: number, w: number[], f: number, s: number, p: number, m: number): number[] {
  const out = new Array<number>(m * m).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let u = 0; u < f; u++) for (let v = 0; v < f; v++) {
    const r = i * s + u - p, c = j * s + v - p;
    if (r >= 0 && r < m && c >= 0 && c < m) out[r * m + c] += x[i * n + j] * w[u * f + v];
  }
  return out;
}

describe('transposedConvOutputSize', () => {
  it('2×2, f 3, s 2, p 1, output padding 1 → 4×4; without output padding → 3; uncropped → 5', () => {
    expect(transposedConvOutputSize(2, 3, 1, 2, 1)).toBe(4);
    expect(transposedConvOutputSize(2, 3, 1, 2)).toBe(3);
    expect(transposedConvOutputSize(2, 3, 0, 2)).toBe(5);
    expect(transposedConvOutputSize(4, 2, 0, 2)).toBe(8); // U-Net's 2×2 up-convolution doubles the size
  });
  it('bad input: a readable RangeError', () => {
    expect(() => transposedConvOutputSize(2, 3, 1, 2, 2)).toThrow(/smaller than the stride/);
    expect(() => transposedConvOutputSize(1, 1, 1, 1)).toThrow(RangeError);
  });
});

describe('transposed-conv job', () => {
  const run = () => transposedConvStages({
    input: tensor(INPUT, [1, 2, 2, 1]), filter: tensor(FILTER, [3, 3, 1, 1]), stride: 2, pad: 1, outputPadding: 1,
  });
  it("the lecture's example: rows 0 4 0 1 / 10 7 6 3 / 0 7 0 2 / 6 3 4 2", () => {
    const r = run();
    expect(r.output).toHaveLength(5);
    const out = r.output[4];
    expect(out.shape).toEqual([1, 4, 4, 1]);
    expect(rows(out.data, 4)).toEqual([[0, 4, 0, 1], [10, 7, 6, 3], [0, 7, 0, 2], [6, 3, 4, 2]]);
  });
  it('the uncropped 5×5 matches stamp-and-add; the output is it without the top row and left column', () => {
    const r = run();
    expect(Array.from(r.full[4].data)).toEqual(stampAndAdd(INPUT, 2, FILTER, 3, 2, 0, 5));
    const crop = rows(r.full[4].data, 5).slice(1).map((row) => row.slice(1));
    expect(rows(r.output[4].data, 4)).toEqual(crop);
  });
  it('running sums: after step k only the first k input cells have stamped', () => {
    const r = run();
    expect(Array.from(r.output[0].data).every((v) => v === 0)).toBe(true);
    // after the first stamp (2·w at (−1, −1)): output row 0 = 2·w row 1 cols 1..2 = [0, 2]
    expect(rows(r.output[1].data, 4)[0]).toEqual([0, 2, 0, 0]);
    for (let k = 0; k <= 4; k++) {
      const masked = INPUT.map((v, i) => (i < k ? v : 0));
      expect(Array.from(r.output[k].data)).toEqual(stampAndAdd(masked, 2, FILTER, 3, 2, 1, 4));
    }
  });
});

describe('transposed-conv view geometry', () => {
  it('stamps land at (i·s, j·s); output (2, 1) gets 2·2 from input (1, 1) and 3·2 from input (2, 1) = 10', async () => {
    const { stampRect, contributions, canvasSize } = await import('../../../src/widgets/transposed-conv/view');
    expect(canvasSize(2, 3, 2)).toBe(5);
    expect(stampRect(1, 0, 3, 2)).toEqual({ row: 2, col: 0, rows: 3, cols: 3 });
    // 0-based output (1, 0): the lesson's "row 2, column 1"
    const terms = contributions(1, 0, 2, 3, 2, 1);
    expect(terms).toEqual([{ i: 0, j: 0, u: 2, v: 1 }, { i: 1, j: 0, u: 0, v: 1 }]);
    const sum = terms.reduce((a, q) => a + INPUT[q.i * 2 + q.j] * FILTER[q.u * 3 + q.v], 0);
    expect(sum).toBe(10);
  });
});
