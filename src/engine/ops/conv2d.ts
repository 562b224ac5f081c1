// conv2d (cross-correlation, NHWC × HWIO → NHWC), as in the course and in TensorFlow.
//   forward  y[b,i,j,k] = bias[k] + Σ_{u,v,c} x[b, i·s+u−top, j·s+v−left, c] · w[u,v,c,k]
//            computed as im2col(x) · W  (W = w flattened to [f·f·cIn, cOut])
//   backward dw = im2col(x)ᵀ · dy,   db[k] = Σ_{b,i,j} dy[b,i,j,k],
//            dx = col2im(dy · Wᵀ)    (each input pixel collects every window that saw it)
// The sums run in the kernels chosen at start-up (../kernels: WebAssembly SIMD, or scalar JS).
import type { Tensor } from '../tensor';
import { convOutputSizeSides, resolvePadding, type Padding, type PadSides } from '../shape';
import type { ConvGeometry } from '../kernels/types';
import { kernels } from '../kernels/index';
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
  skipDx?: boolean;  /** Skip dw and db (frozen filters: only the input needs a gradient); they are then left untouched. */
  skipDw?: boolean;
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

/** Forward pass on a resolved geometry (shared with conv1d). */
export function conv2dCore(
  op: string, x: Tensor, w: Tensor, b: Tensor | null, sh: number, sw: number, sides: PadSides, out?: Tensor,
): Tensor {
  const g = convGeometry(op, x, w, sh, sw, sides);
  assertBias(op, b, g.cOut);
  const y = outTensor(op, [g.n, g.oh, g.ow, g.cOut], out);
  kernels().conv2dForward(x.data, plainGeometry(g), w.data, b ? b.data : null, y.data);
  return y;
}

/** Backward pass on a resolved geometry (shared with conv1d). */
export function conv2dBackwardCore(
  op: string, dy: Tensor, x: Tensor, w: Tensor, sh: number, sw: number, sides: PadSides,
  grads: Partial<Conv2dGrads> = {}, skipDx = false, skipDw = false,
): Conv2dGrads {
  const g = convGeometry(op, x, w, sh, sw, sides);
  const M = g.n * g.oh * g.ow, N = g.cOut;
  const want = [g.n, g.oh, g.ow, g.cOut];
  if (dy.data.length !== M * N) {
    throw new RangeError(`${op}: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape(want)}`);
  }
  const dw = outTensor(op, w.shape.slice(), grads.dw);
  const db = outTensor(op, [N], grads.db);
  const dx = outTensor(op, x.shape.slice(), grads.dx);
  // db = column sums of dy
  if (!skipDw) sumRows(dy.data, db.data, M, N);
  // a skipped gradient is left as it was: nobody reads it
  kernels().conv2dBackward(dy.data, x.data, plainGeometry(g), w.data, skipDw ? null : dw.data, skipDx ? null : dx.data);
  return { dx, dw, db };
}

/**
 * One object shape (V8 map) for every geometry the kernels see: convGeometry's result also
 * carries cOut, and mixing the two shapes made the im2col and window functions polymorphic.
 */
function plainGeometry(g: ConvGeometry): ConvGeometry {
  return { n: g.n, h: g.h, w: g.w, c: g.c, fh: g.fh, fw: g.fw, sh: g.sh, sw: g.sw, top: g.top, left: g.left, oh: g.oh, ow: g.ow };
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
  return conv2dBackwardCore('conv2d', dy, x, w, stride, stride, sides, opts.grads, opts.skipDx, opts.skipDw);
}
