// conv2d (cross-correlation, NHWC × HWIO → NHWC), as in the course and in TensorFlow.
//   forward  y[b,i,j,k] = bias[k] + Σ_{u,v,c} x[b, i·s+u−top, j·s+v−left, c] · w[u,v,c,k]
//            computed as im2col(x) · W  (W = w flattened to [f·f·cIn, cOut])
//   backward dw = im2col(x)ᵀ · dy,   db[k] = Σ_{b,i,j} dy[b,i,j,k],
//            dx = col2im(dy · Wᵀ)    (each input pixel collects every window that saw it)
// Three shortcuts give the same sums faster where they apply (each checked against TF.js):
//   windows of pure background (MNIST) are left out of both GEMMs (../activeWindows.ts);
//   a first layer (< 4 channels) reads its windows straight from x (../directConv.ts);
//   a mostly-zero dy (after relu + max pool) is visited entry by entry (../sparseConvGrad.ts).
import type { Tensor } from '../tensor';
import { convOutputSizeSides, resolvePadding, type Padding, type PadSides } from '../shape';
import { gemm, gemmStreamA, gemmStreamK } from '../gemm';
import { im2colPackedRows, im2colPackedTaps, col2im, type ConvGeometry } from '../im2col';
import { scratch, SLOT_COMPACT, SLOT_DCOLS, SLOT_DXPAD, SLOT_PAD } from '../scratch';
import { directConvApplies, directConvForward } from '../directConv';
import { activeWindows, EMPTY_WINDOWS_WORTH_SKIPPING, packActiveRows, packActiveTaps, type ActiveWindows } from '../activeWindows';
import { countNonZero, preferSparse, sparseConvGrads } from '../sparseConvGrad';
import { assertBias, assertRank, assertStride, fmtPad, fmtShape, outTensor } from './check';

export interface Conv2dOptions {
  stride?: number;
  pad?: Padding;
  /** Reuse this tensor for the output (must have the right size). */
  out?: Tensor;
}

export interface Conv2dGrads {
  dx: Tensor;
  dw: Tensor;
  db: Tensor;
}

export interface Conv2dBackwardOptions extends Conv2dOptions {
  /** Reuse these tensors for the gradients (no allocation in a training loop). */
  grads?: Partial<Conv2dGrads>;
  /** Skip dx (e.g. the first layer, whose input needs no gradient); dx is then left untouched. */
  skipDx?: boolean;
}

/** Check shapes and resolve the geometry; `op` names the caller in messages. */
export function convGeometry(
  op: string, x: Tensor, w: Tensor, sh: number, sw: number, sides: PadSides,
): ConvGeometry & { cOut: number } {
  assertRank(op, 'input x', x, 4, 'NHWC');
  assertRank(op, 'filter w', w, 4, 'HWIO: f×f×cIn×cOut');
  assertStride(op, sh);
  assertStride(op, sw);
  const [n, h, wd, c] = x.shape;
  const [fh, fw, cIn, cOut] = w.shape;
  if (cIn !== c) {
    throw new RangeError(`${op}: filter ${fmtShape(w.shape)} expects ${cIn} input channels but x ${fmtShape(x.shape)} has ${c}`);
  }
  const ph = h + sides.top + sides.bottom, pw = wd + sides.left + sides.right;
  if (fh > ph || fw > pw) {
    throw new RangeError(
      `${op}: filter ${fh}×${fw} is larger than the padded input ${ph}×${pw} (${fmtPad([sides.top, sides.bottom, sides.left, sides.right])})`,
    );
  }
  const oh = convOutputSizeSides(h, fh, sides.top, sides.bottom, sh);
  const ow = convOutputSizeSides(wd, fw, sides.left, sides.right, sw);
  return { n, h, w: wd, c, fh, fw, sh, sw, top: sides.top, left: sides.left, oh, ow, cOut };
}

function isPointwise(g: ConvGeometry): boolean {
  return g.fh === 1 && g.fw === 1 && g.sh === 1 && g.sw === 1 && g.top === 0 && g.left === 0 && g.oh === g.h && g.ow === g.w;
}

// The row loops live in their own small functions: a loop inside conv2dCore itself made V8
// compile it on-stack (OSR) and then throw that code away on every call (a deopt loop).

/** y[r][k] = bias[k] for every one of the M rows. */
function fillRows(y: Float32Array, bias: Float32Array, M: number, N: number): void {
  for (let r = 0, o = 0; r < M; r++) for (let k = 0; k < N; k++, o++) y[o] = bias[k];
}

/**
 * db[k] = Σ_r dy[r][k] (db is overwritten). Four columns at a time with the sums in
 * registers: `db[k] += …` made every add wait for the previous store of the same cell.
 */
function sumRows(dy: Float32Array, db: Float32Array, M: number, N: number): void {
  let k = 0;
  for (; k + 4 <= N; k += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let o = k, end = M * N; o < end; o += N) {
      s0 += dy[o];
      s1 += dy[o + 1];
      s2 += dy[o + 2];
      s3 += dy[o + 3];
    }
    db[k] = s0;
    db[k + 1] = s1;
    db[k + 2] = s2;
    db[k + 3] = s3;
  }
  for (; k < N; k++) {
    let s0 = 0;
    for (let o = k, end = M * N; o < end; o += N) s0 += dy[o];
    db[k] = s0;
  }
}

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

/** Forward pass on a resolved geometry (shared with conv1d). */
export function conv2dCore(
  op: string, x: Tensor, w: Tensor, b: Tensor | null, sh: number, sw: number, sides: PadSides, out?: Tensor,
): Tensor {
  const g = convGeometry(op, x, w, sh, sw, sides);
  assertBias(op, b, g.cOut);
  const M = g.n * g.oh * g.ow, K = g.fh * g.fw * g.c, N = g.cOut;
  const y = outTensor(op, [g.n, g.oh, g.ow, g.cOut], out);
  const yd = y.data;
  if (b) fillRows(yd, b.data, M, N);
  if (isPointwise(g)) gemm(M, N, K, x.data, w.data, yd, { accumulate: b !== null });
  else {
    // the columns go straight into the GEMM's packed panels, one cache-sized block of
    // output positions at a time (never materialised whole, never packed twice)
    const { xd, gp } = padded(x.data, g);
    const act = activeWindows(xd, gp);
    const skip = act.count <= (1 - EMPTY_WINDOWS_WORTH_SKIPPING) * M;
    if (skip) forwardActive(xd, gp, act, w.data, yd, N, b !== null);
    // few input channels: read the windows straight from x, no packing
    else if (directConvApplies(gp)) directConvForward(xd, gp, w.data, b ? b.data : null, yd, N);
    else gemmStreamA(M, N, K, (r0, rows, pa) => im2colPackedRows(xd, gp, r0, rows, pa), w.data, yd, { accumulate: b !== null });
  }
  return y;
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

/** Backward pass on a resolved geometry (shared with conv1d). */
export function conv2dBackwardCore(
  op: string, dy: Tensor, x: Tensor, w: Tensor, sh: number, sw: number, sides: PadSides,
  grads: Partial<Conv2dGrads> = {}, skipDx = false,
): Conv2dGrads {
  const g = convGeometry(op, x, w, sh, sw, sides);
  const gk = plainGeometry(g); // what the kernels see (one object shape)
  const M = g.n * g.oh * g.ow, K = g.fh * g.fw * g.c, N = g.cOut;
  const want = [g.n, g.oh, g.ow, g.cOut];
  if (dy.data.length !== M * N) {
    throw new RangeError(`${op}: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape(want)}`);
  }
  const dw = outTensor(op, w.shape.slice(), grads.dw);
  const db = outTensor(op, [N], grads.db);
  const dx = outTensor(op, x.shape.slice(), grads.dx);
  const dyd = dy.data, dbd = db.data;
  // db = column sums of dy
  sumRows(dyd, dbd, M, N);
  if (preferSparse(countNonZero(dyd, M * N), M * N, !skipDx)) {
    // mostly zeros (a relu → max-pool after this conv): visit only the nonzero entries
    sparseBackward(dyd, x.data, w.data, g, dw.data, skipDx ? null : dx.data);
    return { dx, dw, db };
  }
  if (isPointwise(g)) {
    gemm(K, N, M, x.data, dyd, dw.data, { transA: true }); // dw = xᵀ·dy
    if (!skipDx) gemm(M, K, N, dyd, w.data, dx.data, { transB: true }); // dx = dy·Wᵀ
    return { dx, dw, db };
  }
  // dw = colsᵀ·dy, the columns gathered straight into the GEMM's panels, block by block
  // of output positions (never materialised, never packed twice)
  const xp = padded(x.data, g);
  const act = activeWindows(xp.xd, xp.gp);
  if (act.count <= (1 - EMPTY_WINDOWS_WORTH_SKIPPING) * M) {
    // windows of zeros add nothing to colsᵀ·dy: sum over the others only
    const dyc = scratch(SLOT_COMPACT, act.count * N);
    gatherRows(dyd, act.rows, act.count, N, dyc);
    gemmStreamK(K, N, act.count, (p0, kc, pa) => packActiveTaps(xp.xd, xp.gp, act.origins, p0, kc, pa), dyc, dw.data);
  } else gemmStreamK(K, N, M, (p0, kc, pa) => im2colPackedTaps(xp.xd, xp.gp, p0, kc, pa), dyd, dw.data);
  if (skipDx) return { dx, dw, db }; // dx left as it was: nobody reads it
  // dx = col2im(dy·Wᵀ), in cache-sized blocks of rows
  const R = Math.max(64, Math.min(M, Math.floor(65536 / K)));
  const dcols = scratch(SLOT_DCOLS, R * K);
  dx.data.fill(0);
  for (let r0 = 0; r0 < M; r0 += R) {
    const rows = Math.min(R, M - r0);
    gemm(rows, K, N, dyd.subarray(r0 * N, (r0 + rows) * N), w.data, dcols, { transB: true });
    col2im(dcols, gk, dx.data, r0, rows);
  }
  return { dx, dw, db };
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

function sidesFor(x: Tensor, w: Tensor, stride: number, pad: Padding): PadSides {
  assertRank('conv2d', 'input x', x, 4, 'NHWC');
  assertRank('conv2d', 'filter w', w, 4, 'HWIO: f×f×cIn×cOut');
  assertStride('conv2d', stride);
  return resolvePadding(x.shape[1], x.shape[2], w.shape[0], w.shape[1], stride, pad);
}

/** conv2d(x [n,h,w,cIn], w [f,f,cIn,cOut], b [cOut] | null, { stride = 1, pad = 0 }) → [n,oh,ow,cOut]. */
export function conv2d(x: Tensor, w: Tensor, b: Tensor | null, opts: Conv2dOptions = {}): Tensor {
  const stride = opts.stride ?? 1;
  const sides = sidesFor(x, w, stride, opts.pad ?? 0);
  return conv2dCore('conv2d', x, w, b, stride, stride, sides, opts.out);
}

/** Gradients of conv2d for every input: { dx, dw, db }. */
export function conv2dBackward(dy: Tensor, x: Tensor, w: Tensor, opts: Conv2dBackwardOptions = {}): Conv2dGrads {
  const stride = opts.stride ?? 1;
  const sides = sidesFor(x, w, stride, opts.pad ?? 0);
  return conv2dBackwardCore('conv2d', dy, x, w, stride, stride, sides, opts.grads, opts.skipDx);
}
