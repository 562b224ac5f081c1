import { describe, expect, it } from 'vitest';
import { gemm, gemmNaive } from '../../../src/engine/gemm';
import { rng } from '../../../src/engine/random';

function rand(n: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => r.uniform(-1, 1));
}

const sizes: [number, number, number][] = [
  [1, 1, 1], [5, 7, 3], [33, 65, 17], [4, 4, 4], [3, 9, 300], [130, 5, 513], [2, 1030, 3],
];

describe('gemm (packed 4×4) agrees with a naive triple loop', () => {
  for (const [m, n, k] of sizes) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        it(`${m}×${n}×${k} transA=${transA} transB=${transB}`, () => {
          const a = rand(m * k, m + 1), b = rand(k * n, n + 2);
          const c = new Float32Array(m * n).fill(7), ref = new Float32Array(m * n);
          gemm(m, n, k, a, b, c, { transA, transB });
          gemmNaive(m, n, k, a, b, ref, { transA, transB });
          for (let i = 0; i < c.length; i++) expect(Math.abs(c[i] - ref[i])).toBeLessThan(1e-4 * Math.sqrt(k) + 1e-6);
        });
      }
    }
  }

  it('accumulates into C when asked', () => {
    const a = Float32Array.from([1, 2, 3, 4]), b = Float32Array.from([5, 6, 7, 8]);
    const c = Float32Array.from([1, 1, 1, 1]);
    gemm(2, 2, 2, a, b, c, { accumulate: true });
    // [1 2;3 4]·[5 6;7 8] = [19 22; 43 50], plus 1
    expect(Array.from(c)).toEqual([20, 23, 44, 51]);
  });
});

describe('gemmPackedA with im2colPacked equals im2col + gemm', () => {
  it('odd sizes, padding and stride', async () => {
    const { gemmPackedA, packedASize } = await import('../../../src/engine/gemm');
    const { im2col, im2colPacked } = await import('../../../src/engine/im2col');
    const g = { n: 2, h: 7, w: 6, c: 3, fh: 3, fw: 2, sh: 2, sw: 1, top: 1, left: 0, oh: 4, ow: 5 };
    const M = 2 * 4 * 5, K = 3 * 2 * 3, N = 5;
    const x = rand(2 * 7 * 6 * 3, 5), w = rand(K * N, 6);
    const cols = new Float32Array(M * K), ref = new Float32Array(M * N), c = new Float32Array(M * N);
    im2col(x, g, cols);
    gemmNaive(M, N, K, cols, w, ref);
    const pa = new Float64Array(packedASize(M, K)).fill(NaN);
    im2colPacked(x, g, pa);
    gemmPackedA(M, N, K, pa, w, c);
    for (let i = 0; i < c.length; i++) expect(Math.abs(c[i] - ref[i])).toBeLessThan(1e-5);
  });
});
