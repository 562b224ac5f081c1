// The scalar-JavaScript conv2d kernels: the fallback where WebAssembly SIMD is missing (and
// before it has loaded), and the shortcuts that still beat the wasm GEMM where they apply.
// Same sums as ../../ops/conv2d.ts, by three routes (each checked against TF.js):
//   windows of pure background (MNIST) are left out of both GEMMs (./activeWindows.ts);
//   a first layer (< 4 channels) reads its windows straight from x (./directConv.ts);
//   a mostly-zero dy (after relu + max pool) is visited entry by entry (./sparseConvGrad.ts).
import { gemm, gemmStreamA, gemmStreamK } from './gemm';
import { im2colPackedRows, im2colPackedTaps, col2im, type ConvGeometry } from './im2col';
import { scratch, SLOT_COMPACT, SLOT_DCOLS, SLOT_DXPAD, SLOT_PAD } from '../../scratch';
import { directConvApplies, directConvForward } from './directConv';
import { activeWindows, EMPTY_WINDOWS_WORTH_SKIPPING, packActiveRows, packActiveTaps, type ActiveWindows } from './activeWindows';
import { countNonZero, preferSparse, sparseConvGrads } from './sparseConvGrad';


function isPointwise(g: ConvGeometry): boolean {
  return g.fh === 1 && g.fw === 1 && g.sh === 1 && g.sw === 1 && g.top === 0 && g.left === 0 && g.oh === g.h && g.ow === g.w;
}

// The row loops live in their own small functions: a loop inside conv2dCore itself made V8
// compile it on-stack (OSR) and then throw that code away on every call (a deopt loop).

/**
 * One object shape (V8 map) for every geometry the kernels see: convGeometry's result also
 * carries cOut, and mixing the two shapes made the im2col and window functions polymorphic,
 * deoptimised ("wrong map") and re-optimised mid-run; the same bench case then ran in 6.4 ms
 * one run and 8.2 ms the next.
 */
function plainGeometry(g: ConvGeometry, h = g.h, w = g.w, top = g.top, left = g.left): ConvGeometry {
  return { n: g.n, h, w, c: g.c, fh: g.fh, fw: g.fw, sh: g.sh, sw: g.sw, top, left, oh: g.oh, ow: g.ow };
}

/**
 * The input with its zero padding written out (into a reused scratch buffer) and the
 * geometry of that padded input: every window then lies inside, so the gathers take their
 * straight path with no bounds tests. Without padding, x itself (`copied` false).
 */
function padded(x: Float32Array, g: ConvGeometry): { xd: Float32Array; gp: ConvGeometry; copied: boolean } {
  if (g.top === 0 && g.left === 0 && (g.oh - 1) * g.sh + g.fh <= g.h && (g.ow - 1) * g.sw + g.fw <= g.w) {
    return { xd: x, gp: plainGeometry(g), copied: false };
  }
  const hp = Math.max(g.h + g.top, (g.oh - 1) * g.sh + g.fh), wp = Math.max(g.w + g.left, (g.ow - 1) * g.sw + g.fw);
  const gp = plainGeometry(g, hp, wp, 0, 0);
  const xp = scratch(SLOT_PAD, g.n * hp * wp * g.c);
  padInto(x, g, xp, hp, wp);
  return { xd: xp, gp, copied: true };
}

function padInto(x: Float32Array, g: ConvGeometry, xp: Float32Array, hp: number, wp: number): void {
  const { n, h, w, c, top, left } = g;
  xp.fill(0, 0, n * hp * wp * c);
  const rowLen = w * c;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < h; y++) {
      const src = (b * h + y) * rowLen;
      xp.set(x.subarray(src, src + rowLen), ((b * hp + y + top) * wp + left) * c);
    }
  }
}


/** y = bias + conv(x, w) (y = conv(x, w) when bias is null), on an UNPADDED geometry g. */
export function jsConv2dForward(x: Float32Array, g: ConvGeometry, w: Float32Array, bias: Float32Array | null, yd: Float32Array): void {
  const M = g.n * g.oh * g.ow, K = g.fh * g.fw * g.c, N = w.length / K;
  if (bias) fillRows(yd, bias, M, N);
  if (isPointwise(g)) gemm(M, N, K, x, w, yd, { accumulate: bias !== null });
  else {
    // the columns go straight into the GEMM's packed panels, one cache-sized block of
    // output positions at a time (never materialised whole, never packed twice)
    const { xd, gp } = padded(x, g);
    const act = activeWindows(xd, gp);
    const skip = act.count <= (1 - EMPTY_WINDOWS_WORTH_SKIPPING) * M;
    if (skip) forwardActive(xd, gp, act, w, yd, N, bias !== null);
    // few input channels: read the windows straight from x, no packing
    else if (directConvApplies(gp)) directConvForward(xd, gp, w, bias, yd, N);
    else gemmStreamA(M, N, K, (r0, rows, pa) => im2colPackedRows(xd, gp, r0, rows, pa), w, yd, { accumulate: bias !== null });
  }
}

/**
 * The forward on the windows that hold a nonzero value only (the rest of y stays the
 * bias, or zero): their rows of cols · W into a compact block, then back to their rows.
 */
function forwardActive(xd: Float32Array, gp: ConvGeometry, act: ActiveWindows, w: Float32Array, yd: Float32Array, N: number, hasBias: boolean): void {
  const K = gp.fh * gp.fw * gp.c;
  if (!hasBias) yd.fill(0, 0, gp.n * gp.oh * gp.ow * N);
  const yc = scratch(SLOT_COMPACT, act.count * N);
  gemmStreamA(act.count, N, K, (r0, rows, pa) => packActiveRows(xd, gp, act.origins, r0, rows, pa), w, yc);
  addRows(yc, act.rows, act.count, N, yd);
}

/** y[rows[i]] += yc[i] for each compact row i. */
function addRows(yc: Float32Array, rows: Int32Array, count: number, N: number, y: Float32Array): void {
  for (let i = 0, q = 0; i < count; i++) {
    const o = rows[i] * N;
    for (let k = 0; k < N; k++, q++) y[o + k] += yc[q];
  }
}

/** dy's rows of the active windows, in order, into a compact block. */
function gatherRows(dy: Float32Array, rows: Int32Array, count: number, N: number, out: Float32Array): void {
  for (let i = 0, q = 0; i < count; i++) {
    const o = rows[i] * N;
    for (let k = 0; k < N; k++, q++) out[q] = dy[o + k];
  }
}


/** Whether the sparse backward path (dy visited entry by entry) beats the dense one here. */
export function sparseBackwardWins(dy: Float32Array, M: number, N: number, wantDx: boolean): boolean {
  return preferSparse(countNonZero(dy, M * N), M * N, wantDx);
}

/** dw and dx (each overwritten, or skipped when null) on an UNPADDED geometry g. */
export function jsConv2dBackward(
  dyd: Float32Array, x: Float32Array, g: ConvGeometry, w: Float32Array, dw: Float32Array | null, dx: Float32Array | null,
): void {
  const M = g.n * g.oh * g.ow, K = g.fh * g.fw * g.c, N = w.length / K;
  const gk = plainGeometry(g); // what the kernels see (one object shape)
  if (!dw) {
    if (dx) backwardData(dyd, gk, w, dx, M, K, N);
    return;
  }
  if (sparseBackwardWins(dyd, M, N, dx !== null)) {
    // mostly zeros (a relu → max-pool after this conv): visit only the nonzero entries
    sparseBackward(dyd, x, w, gk, dw, dx);
    return;
  }
  if (isPointwise(g)) {
    gemm(K, N, M, x, dyd, dw, { transA: true }); // dw = xᵀ·dy
    if (dx) gemm(M, K, N, dyd, w, dx, { transB: true }); // dx = dy·Wᵀ
    return;
  }
  // dw = colsᵀ·dy, the columns gathered straight into the GEMM's panels, block by block
  // of output positions (never materialised, never packed twice)
  const xp = padded(x, gk);
  const act = activeWindows(xp.xd, xp.gp);
  if (act.count <= (1 - EMPTY_WINDOWS_WORTH_SKIPPING) * M) {
    // windows of zeros add nothing to colsᵀ·dy: sum over the others only
    const dyc = scratch(SLOT_COMPACT, act.count * N);
    gatherRows(dyd, act.rows, act.count, N, dyc);
    gemmStreamK(K, N, act.count, (p0, kc, pa) => packActiveTaps(xp.xd, xp.gp, act.origins, p0, kc, pa), dyc, dw);
  } else gemmStreamK(K, N, M, (p0, kc, pa) => im2colPackedTaps(xp.xd, xp.gp, p0, kc, pa), dyd, dw);
  if (dx) backwardData(dyd, gk, w, dx, M, K, N);
}

/** dx = col2im(dy·Wᵀ), in cache-sized blocks of rows (dx overwritten). */
function backwardData(dyd: Float32Array, gk: ConvGeometry, w: Float32Array, dx: Float32Array, M: number, K: number, N: number): void {
  if (isPointwise(gk)) return gemm(M, K, N, dyd, w, dx, { transB: true });
  const R = Math.max(64, Math.min(M, Math.floor(65536 / K)));
  const dcols = scratch(SLOT_DCOLS, R * K);
  dx.fill(0);
  for (let r0 = 0; r0 < M; r0 += R) {
    const rows = Math.min(R, M - r0);
    gemm(rows, K, N, dyd.subarray(r0 * N, (r0 + rows) * N), w, dcols, { transB: true });
    col2im(dcols, gk, dx, r0, rows);
  }
}

/** The sparse path on the padded input; dx (unless null) is overwritten. */
function sparseBackward(dy: Float32Array, x: Float32Array, w: Float32Array, g: ConvGeometry, dw: Float32Array, dx: Float32Array | null): void {
  const { xd, gp, copied } = padded(x, g);
  if (!dx) return sparseConvGrads(dy, xd, gp, w, dw, null);
  if (!copied) {
    dx.fill(0);
    return sparseConvGrads(dy, xd, gp, w, dw, dx);
  }
  // the gradient of the padded input, then its interior (the padding's share is dropped)
  const dxp = scratch(SLOT_DXPAD, g.n * gp.h * gp.w * g.c);
  dxp.fill(0, 0, g.n * gp.h * gp.w * g.c);
  sparseConvGrads(dy, xd, gp, w, dw, dxp);
  const rowLen = g.w * g.c;
  for (let b = 0; b < g.n; b++) {
    for (let y = 0; y < g.h; y++) {
      const src = ((b * gp.h + y + g.top) * gp.w + g.left) * g.c;
      dx.set(dxp.subarray(src, src + rowLen), (b * g.h + y) * rowLen);
    }
  }
}
/** y[r][k] = bias[k] for every one of the M rows. */
function fillRows(y: Float32Array, bias: Float32Array, M: number, N: number): void {
  for (let r = 0, o = 0; r < M; r++) for (let k = 0; k < N; k++, o++) y[o] = bias[k];
}
