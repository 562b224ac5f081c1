// 1-D convolution (cross-correlation) over sequences: NWC × [f, cIn, cOut] → NWC.
//   forward  y[b,i,k] = bias[k] + Σ_{u,c} x[b, i·s+u−left, c] · w[u,c,k]
//   backward dw = im2col(x)ᵀ·dy,  db = Σ dy,  dx = col2im(dy·Wᵀ)
// Runs on the conv2d machinery as a height-1 image with a 1×f filter (same bytes, no copy).
import type { Tensor } from '../tensor';
import { resolvePadding1d, type Padding } from '../shape';
import { assertRank, assertStride, fmtPad, fmtShape } from './check';
import { conv2dBackwardCore, conv2dCore, type Conv2dGrads } from './conv2d';

export interface Conv1dOptions {
  stride?: number;
  pad?: Padding;
}

function prepare(x: Tensor, w: Tensor, opts: Conv1dOptions) {
  assertRank('conv1d', 'input x', x, 3, 'NWC');
  assertRank('conv1d', 'filter w', w, 3, '[f, cIn, cOut]');
  const stride = opts.stride ?? 1;
  assertStride('conv1d', stride);
  const [n, len, c] = x.shape;
  const [f, cIn, cOut] = w.shape;
  if (cIn !== c) throw new RangeError(`conv1d: filter ${fmtShape(w.shape)} expects ${cIn} input channels but x ${fmtShape(x.shape)} has ${c}`);
  const p = resolvePadding1d(len, f, stride, opts.pad ?? 0);
  if (f > len + p.before + p.after) {
    throw new RangeError(`conv1d: filter ${f} is larger than the padded input ${len + p.before + p.after} (${fmtPad([p.before, p.after])})`);
  }
  return {
    stride,
    sides: { top: 0, bottom: 0, left: p.before, right: p.after },
    x4: { shape: [n, 1, len, c], data: x.data },
    w4: { shape: [1, f, cIn, cOut], data: w.data },
  };
}

export function conv1d(x: Tensor, w: Tensor, b: Tensor | null, opts: Conv1dOptions = {}): Tensor {
  const { stride, sides, x4, w4 } = prepare(x, w, opts);
  const y = conv2dCore('conv1d', x4, w4, b, 1, stride, sides);
  return { shape: [y.shape[0], y.shape[2], y.shape[3]], data: y.data };
}

export function conv1dBackward(dy: Tensor, x: Tensor, w: Tensor, opts: Conv1dOptions = {}): Conv2dGrads {
  const { stride, sides, x4, w4 } = prepare(x, w, opts);
  const g = conv2dBackwardCore('conv1d', dy, x4, w4, 1, stride, sides);
  return {
    dx: { shape: x.shape.slice(), data: g.dx.data },
    dw: { shape: w.shape.slice(), data: g.dw.data },
    db: g.db,
  };
}
