// residual-block (§15, errata): with W[l+2], b[l+2] → 0 and the skip on, a[l+2] = g(a[l]) = a[l];
// without the skip the same block outputs g(0) = 0; with a size change W_s projects a[l].
import { describe, expect, it } from 'vitest';
import { residualBlock } from '../../../src/widgets/residual-block/job';
import { maxAbsDiff, packResidual, residualInput, residualMatrices } from '../../../src/widgets/residual-block/view';

const run = (nIn: number, scaleW: number, scaleB: number, skip: boolean) => residualBlock.run(packResidual({ nIn, scaleW, scaleB, skip }));

describe('residual block', () => {
  it('W, b of layer l+2 at 0 and skip on → a[l+2] = a[l] exactly (identity); skip off → all zeros', () => {
    const r = run(6, 0, 0, true);
    expect(Array.from(r.out.data)).toEqual(Array.from(Float32Array.from(residualInput(6))));
    expect(maxAbsDiff(r.out.data, Float32Array.from(residualInput(6)))).toBe(0);
    const plain = run(6, 0, 0, false);
    expect(Array.from(plain.out.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  it('full weights: a[l+2] = ReLU(z2 + a[l]) computed by hand from the matrices', () => {
    const r = run(6, 1, 1, true);
    const a = residualInput(6);
    const m = residualMatrices(6, 1, 1);
    const a1 = m.b1.map((b, j) => Math.max(0, b + a.reduce((s, x, i) => s + x * m.w1[i * 6 + j], 0)));
    const z2 = m.b2.map((b, j) => b + a1.reduce((s, x, i) => s + x * m.w2[i * 6 + j], 0));
    const out = z2.map((z, j) => Math.max(0, z + a[j]));
    out.forEach((v, j) => expect(r.out.data[j]).toBeCloseTo(v, 5));
    expect(maxAbsDiff(r.out.data, a)).toBeGreaterThan(0.1); // the example is not trivially the identity
    // the skip changes the output
    expect(maxAbsDiff(run(6, 1, 1, false).out.data, r.out.data)).toBeGreaterThan(0.1);
  });
  it('a[l] of 4 values into a 6-wide block: the shortcut is W_s·a[l] (6 values)', () => {
    const r = run(4, 0, 0, true);
    expect(r.shortcut.shape).toEqual([1, 6]);
    expect(Array.from(r.out.data)).toEqual(Array.from(Float32Array.from([...residualInput(4), 0, 0])));
  });
});
