import { describe, expect, it } from 'vitest';
import { gemm, gemmNaive } from '../../../../src/engine/kernels/js/gemm';
import { rng } from '../../../../src/engine/random';

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

describe('gemmStreamA with im2colPackedRows equals im2col + naive GEMM', () => {
  for (const c of [1, 3, 5]) {
    it(`odd sizes, padding and stride, ${c} channel(s)`, async () => {
      const { gemmStreamA, streamBlockRows } = await import('../../../../src/engine/kernels/js/gemm');
      const { im2col, im2colPackedRows } = await import('../../../../src/engine/kernels/js/im2col');
      const g = { n: 13, h: 9, w: 6, c, fh: 3, fw: 2, sh: 2, sw: 1, top: 1, left: 0, oh: 5, ow: 5 };
      const M = 13 * 5 * 5, K = 3 * 2 * c, N = 5;
      const x = rand(13 * 9 * 6 * c, 5), w = rand(K * N, 6);
      const cols = new Float32Array(M * K), ref = new Float32Array(M * N), out = new Float32Array(M * N);
      im2col(x, g, cols);
      gemmNaive(M, N, K, cols, w, ref);
      expect(streamBlockRows(K)).toBeLessThan(M); // several blocks, the last one partial
      gemmStreamA(M, N, K, (r0, rows, pa) => {
        // every entry the kernel reads must be written by the packer (the block's panels;
        // B's panels follow them in the same array)
        pa.fill(NaN, 0, Math.ceil(rows / 4) * 4 * K);
        im2colPackedRows(x, g, r0, rows, pa);
      }, w, out);
      for (let i = 0; i < out.length; i++) expect(Math.abs(out[i] - ref[i])).toBeLessThan(1e-5);
    });
  }
});

describe('gemmStreamK with im2colPackedTaps equals colsᵀ·dy (the filter gradient)', () => {
  // 'same'-style padding and stride 2: interior and overhanging windows, K not a multiple of 4
  for (const c of [1, 3, 8]) {
    it(`padding and stride, ${c} channel(s)`, async () => {
      const { gemmStreamK } = await import('../../../../src/engine/kernels/js/gemm');
      const { im2col, im2colPackedTaps } = await import('../../../../src/engine/kernels/js/im2col');
      const g = { n: 60, h: 9, w: 8, c, fh: 3, fw: 3, sh: 2, sw: 1, top: 1, left: 1, oh: 5, ow: 8 };
      const M = 60 * 5 * 8, K = 9 * c, N = 6;
      const x = rand(60 * 9 * 8 * c, 8), dy = rand(M * N, 9);
      const cols = new Float32Array(M * K), ref = new Float32Array(K * N), out = new Float32Array(K * N).fill(3);
      im2col(x, g, cols);
      gemmNaive(K, N, M, cols, dy, ref, { transA: true });
      const kcs: number[] = [];
      gemmStreamK(K, N, M, (p0, kc, pa) => {
        kcs.push(kc);
        pa.fill(NaN, 0, Math.ceil(K / 4) * 4 * kc); // the packer must write every entry read
        im2colPackedTaps(x, g, p0, kc, pa);
      }, dy, out);
      expect(kcs.reduce((s, v) => s + v, 0)).toBe(M);
      if (c > 1) expect(kcs.length).toBeGreaterThan(1); // blocks along k: C accumulates
      for (let i = 0; i < out.length; i++) expect(Math.abs(out[i] - ref[i])).toBeLessThan(1e-4);
    });
  }
});
