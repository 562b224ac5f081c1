// The gradients of a convolution whose output gradient dy is mostly zeros.
// In a conv → relu → max-pool block, ∂L/∂y reaches only the argmax of each pooling window
// (one position in four for 2×2 pooling), and only where the relu was active: three
// quarters or more of dy are exact zeros. The dense path (colsᵀ·dy and col2im(dy·Wᵀ))
// multiplies every one of those zeros; this path visits only the nonzero g = dy[r][k]:
//    dw[·, k]      += g · cols[r]   (the window of x that output r saw)
//    dx[window(r)] += g · w[·, k]   (the filter, scattered back onto that window)
// These are the same sums with the zero terms left out: the results agree with the dense
// path up to rounding (test/engine/oracle/conv.oracle.test.ts checks this path against
// TensorFlow.js).
import type { ConvGeometry } from './im2col';

/**
 * When to take the sparse path, by the fraction of dy that is nonzero. A nonzero costs
 * fh runs of fw·c scalar multiply-adds (two with dx), several times dearer each than the
 * packed GEMM's, so the path pays only where the dense one is poor or density is very low:
 * - with dx: the dense dx is a GEMM whose inner dimension is the few output channels,
 *   followed by a col2im scatter; the sparse path wins up to ~0.4 (LeNet's second conv,
 *   dy ≈ 0.2 nonzero: 4.6 ms against 11.6 ms, `npm run bench -- profile`);
 * - dw alone (a first layer): colsᵀ·dy is a long, efficient GEMM; on LeNet's first conv
 *   (c = 1: runs of 5) the sparse path lost at density ≈ 0.2 (5.2 ms against 4.6 ms).
 */
export const SPARSE_WITH_DX = 0.4;
export const SPARSE_DW_ONLY = 0.1;

/** Whether a conv backward with `nonZero` of `total` dy entries should take the sparse path. */
export function preferSparse(nonZero: number, total: number, wantDx: boolean): boolean {
  return nonZero <= (wantDx ? SPARSE_WITH_DX : SPARSE_DW_ONLY) * total;
}

/** Nonzero entries of a[0..n). */
export function countNonZero(a: Float32Array, n: number): number {
  let z = 0;
  for (let i = 0; i < n; i++) if (a[i] === 0) z++;
  return n - z;
}

// Reused between calls (a training loop allocates nothing): dwᵀ summed in doubles, and wᵀ.
let dwTBuf = new Float64Array(0);
let wTBuf = new Float32Array(0);

/**
 * dw (HWIO, overwritten) and, unless dx is null, dx (+= into a zeroed buffer laid out like
 * x) from a sparse dy. x and dx must have no padding left to apply: g.top = g.left = 0 and
 * every window inside (the caller writes the padding out, as the dense path does).
 */
export function sparseConvGrads(
  dy: Float32Array, x: Float32Array, g: ConvGeometry, w: Float32Array, dw: Float32Array, dx: Float32Array | null,
): void {
  const K = g.fh * g.fw * g.c, N = (dw.length / K) | 0;
  if (dwTBuf.length < K * N) dwTBuf = new Float64Array(K * N);
  const dwT = dwTBuf;
  dwT.fill(0, 0, K * N);
  if (dx) {
    if (wTBuf.length < K * N) wTBuf = new Float32Array(K * N);
    transposeInto(w, K, N, wTBuf);
    sweepBoth(dy, x, g, N, dwT, wTBuf, dx);
  } else sweepDw(dy, x, g, N, dwT);
  for (let p = 0; p < K; p++) for (let k = 0; k < N; k++) dw[p * N + k] = dwT[k * K + p];
}

// A window of the (padded) NHWC input is fh runs of fw·c contiguous values, one per filter
// row ky, each run starting (width·c) after the last; the filter's taps run in that same
// order. So each nonzero walks fh contiguous runs: no tap table, no bounds tests.

/** dwᵀ[k][·] += dy[r][k] · window(r), for every nonzero dy[r][k]. */
function sweepDw(dy: Float32Array, x: Float32Array, g: ConvGeometry, N: number, dwT: Float64Array): void {
  const { n, h, w: wd, c, fh, sh, sw, oh, ow } = g;
  const run = g.fw * c, K = fh * run, rowStride = wd * c, step = sw * c;
  let r = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      let origin = (b * h + oy * sh) * rowStride;
      for (let ox = 0; ox < ow; ox++, r += N, origin += step) {
        for (let k = 0; k < N; k++) {
          const gk = dy[r + k];
          if (gk === 0) continue;
          for (let ky = 0, q = k * K, o = origin; ky < fh; ky++, o += rowStride) {
            for (let j = 0; j < run; j++, q++) dwT[q] += gk * x[o + j];
          }
        }
      }
    }
  }
}

/**
 * As sweepDw, and dx[window(r)] += dy[r][k] · filter k (wT holds the filters as rows).
 * A row's nonzero channels are taken two at a time: the pair shares each load and store of
 * x and dx (6 loads and 3 stores per two multiply-add pairs instead of 8 and 4).
 */
function sweepBoth(
  dy: Float32Array, x: Float32Array, g: ConvGeometry, N: number, dwT: Float64Array, wT: Float32Array, dx: Float32Array,
): void {
  const { n, h, w: wd, c, fh, sh, sw, oh, ow } = g;
  const run = g.fw * c, K = fh * run, rowStride = wd * c, step = sw * c;
  let r = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      let origin = (b * h + oy * sh) * rowStride;
      for (let ox = 0; ox < ow; ox++, r += N, origin += step) {
        let held = -1;
        for (let k = 0; k < N; k++) {
          if (dy[r + k] === 0) continue;
          if (held < 0) {
            held = k;
            continue;
          }
          addPair(dwT, wT, x, dx, origin, rowStride, fh, run, held * K, dy[r + held], k * K, dy[r + k]);
          held = -1;
        }
        if (held >= 0) addOne(dwT, wT, x, dx, origin, rowStride, fh, run, held * K, dy[r + held]);
      }
    }
  }
}

function addPair(
  dwT: Float64Array, wT: Float32Array, x: Float32Array, dx: Float32Array, origin: number, rowStride: number,
  fh: number, run: number, ka: number, ga: number, kb: number, gb: number,
): void {
  for (let ky = 0, o = origin, qa = ka, qb = kb; ky < fh; ky++, o += rowStride) {
    for (let j = 0; j < run; j++, qa++, qb++) {
      const xv = x[o + j];
      dwT[qa] += ga * xv;
      dwT[qb] += gb * xv;
      dx[o + j] += ga * wT[qa] + gb * wT[qb];
    }
  }
}

function addOne(
  dwT: Float64Array, wT: Float32Array, x: Float32Array, dx: Float32Array, origin: number, rowStride: number,
  fh: number, run: number, ka: number, ga: number,
): void {
  for (let ky = 0, o = origin, qa = ka; ky < fh; ky++, o += rowStride) {
    for (let j = 0; j < run; j++, qa++) {
      dwT[qa] += ga * x[o + j];
      dx[o + j] += ga * wT[qa];
    }
  }
}

/** t[k][p] = a[p][k] for a K×N row-major a. */
function transposeInto(a: Float32Array, K: number, N: number, t: Float32Array): void {
  for (let p = 0; p < K; p++) for (let k = 0; k < N; k++) t[k * K + p] = a[p * N + k];
}
