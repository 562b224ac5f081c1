// Max pooling over size×size windows, per channel (padding never wins: it counts as −∞).
//   forward  y[b,i,j,c] = max_{u,v} x[b, i·s+u−top, j·s+v−left, c];  argmax remembers where
//   backward dx[argmax[b,i,j,c]] += dy[b,i,j,c]   (only the winner of each window learns)
// The argmax indices (flat offsets into x.data) come back with the output, so the
// backward pass touches only those positions and a lesson can highlight the winners.
import type { Tensor } from '../tensor';
import { assertSameShape, fmtShape, outTensor } from './check';
import { poolGeometry, type PoolGeometry, type PoolOptions } from './pool';

export type MaxPoolResult = Tensor & { argmax: Int32Array };

export interface MaxPool2dOptions extends PoolOptions {
  out?: Tensor;
}

export interface MaxPool2dBackwardOptions extends PoolOptions {
  /** The argmax from the forward pass (recomputed when absent). */
  argmax?: Int32Array;
  dx?: Tensor;
}

/** maxPool2d(x [n,h,w,c], { size, stride = size, pad = 0 }) → y [n,oh,ow,c] with y.argmax. */
export function maxPool2d(x: Tensor, opts: MaxPool2dOptions): MaxPoolResult {
  const g = poolGeometry('maxPool2d', x, opts);
  const { n, h, w, c, f, s, top, left, oh, ow } = g;
  const y = outTensor('maxPool2d', [n, oh, ow, c], opts.out) as MaxPoolResult;
  // the loops live in their own functions (no on-stack-compiled code to throw away at the end)
  const am = y.argmax && y.argmax.length === y.data.length ? y.argmax : new Int32Array(y.data.length);
  if (f === 2 && top === 0 && left === 0 && (oh - 1) * s + 2 <= h && (ow - 1) * s + 2 <= w) pool2x2(x.data, g, y.data, am);
  else poolGeneral(x.data, g, y.data, am);
  y.argmax = am;
  return y;
}

/**
 * 2×2 windows that all lie inside the image (the usual "pool 2"): a branch-free tournament.
 * `+(a > b)` is 0 or 1, so the winner's index is arithmetic, not a jump: with data whose
 * order is random a branch mispredicts half the time, and this ran ~3–4× faster. Ties keep
 * the earlier cell (strict >), as the general path does.
 */
function pool2x2(xd: Float32Array, g: PoolGeometry, yd: Float32Array, am: Int32Array): void {
  const { n, h, w, c, s, oh, ow } = g;
  const wc = w * c;
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const rowK = (b * h + oy * s) * wc;
      for (let ox = 0; ox < ow; ox++) {
        let k = rowK + ox * s * c;
        for (let ci = 0; ci < c; ci++, k++, o++) {
          const i01 = k + c * +(xd[k + c] > xd[k]); // winner of the top pair
          const k2 = k + wc;
          const i23 = k2 + c * +(xd[k2 + c] > xd[k2]); // winner of the bottom pair
          const arg = i01 + (i23 - i01) * +(xd[i23] > xd[i01]);
          yd[o] = xd[arg];
          am[o] = arg;
        }
      }
    }
  }
}

/** Any window size, stride and padding. */
function poolGeneral(xd: Float32Array, g: PoolGeometry, yd: Float32Array, am: Int32Array): void {
  const { n, h, w, c, f, s, top, left, oh, ow } = g;
  let o = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * s - top;
      const yLo = Math.max(0, y0), yHi = Math.min(h, y0 + f);
      for (let ox = 0; ox < ow; ox++, o += c) {
        const x0 = ox * s - left;
        const xLo = Math.max(0, x0), xHi = Math.min(w, x0 + f);
        if (yHi > yLo && xHi > xLo) {
          // per channel, scan the real cells of the window (padding never wins) keeping the
          // max in a register; the first maximum wins ties
          const first = xb + (yLo * w + xLo) * c;
          for (let ci = 0; ci < c; ci++) {
            let best = xd[first + ci], arg = first + ci;
            for (let iy = yLo; iy < yHi; iy++) {
              for (let ix = xLo, k = xb + (iy * w + xLo) * c + ci; ix < xHi; ix++, k += c) {
                const v = xd[k];
                if (v > best) {
                  best = v;
                  arg = k;
                }
              }
            }
            yd[o + ci] = best;
            am[o + ci] = arg;
          }
          continue;
        }
        // a window entirely in the padding (only with large numeric padding) outputs 0
        for (let ci = 0; ci < c; ci++) {
          yd[o + ci] = 0;
          am[o + ci] = -1;
        }
      }
    }
  }
}

/** Gradient of maxPool2d: dy flows only to each window's argmax. */
export function maxPool2dBackward(dy: Tensor, x: Tensor, opts: MaxPool2dBackwardOptions): { dx: Tensor } {
  const g = poolGeometry('maxPool2d', x, opts);
  const want = [g.n, g.oh, g.ow, g.c];
  if (dy.data.length !== want[0] * want[1] * want[2] * want[3]) {
    throw new RangeError(`maxPool2d: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape(want)}`);
  }
  const am = opts.argmax ?? maxPool2d(x, opts).argmax;
  if (am.length !== dy.data.length) {
    throw new RangeError(`maxPool2d: argmax has ${am.length} entries but dy has ${dy.data.length}`);
  }
  const dx = outTensor('maxPool2d', x.shape.slice(), opts.dx);
  if (opts.dx) assertSameShape('maxPool2d', dx, 'dx', x, 'x');
  const dxd = dx.data, dyd = dy.data;
  dxd.fill(0);
  for (let i = 0; i < am.length; i++) {
    const k = am[i];
    if (k >= 0) dxd[k] += dyd[i];
  }
  return { dx };
}

// Warm-up at load (see gemm.ts): both forward paths and the backward get type feedback
// before any of their loops is hot enough to be compiled mid-run.
{
  const x: Tensor = { shape: [1, 4, 4, 2], data: Float32Array.from({ length: 32 }, (_, i) => (i * 7) % 5) };
  for (const o of [{ size: 2 }, { size: 3, stride: 1, pad: 1 }]) {
    const y = maxPool2d(x, o);
    maxPool2dBackward(y, x, { ...o, argmax: y.argmax });
  }
}
