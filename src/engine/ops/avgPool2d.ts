// Average pooling over size×size windows, per channel. As TensorFlow does, padded cells
// are not counted: each window averages only the input cells it covers (count = cnt).
//   forward  y[b,i,j,c] = (1/cnt) Σ_{u,v inside} x[b, i·s+u−top, j·s+v−left, c]
//   backward dx[b,y,x,c] = Σ over windows covering (y,x) of dy[b,i,j,c] / cnt(i,j)
import type { Tensor } from '../tensor';
import { fmtShape, outTensor } from './check';
import { poolGeometry, type PoolOptions } from './pool';

export function avgPool2d(x: Tensor, opts: PoolOptions & { out?: Tensor }): Tensor {
  const { n, h, w, c, f, s, top, left, oh, ow } = poolGeometry('avgPool2d', x, opts);
  const y = outTensor('avgPool2d', [n, oh, ow, c], opts.out);
  const yd = y.data, xd = x.data;
  let o = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oy = 0; oy < oh; oy++) {
      const yLo = Math.max(0, oy * s - top), yHi = Math.min(h, oy * s - top + f);
      for (let ox = 0; ox < ow; ox++, o += c) {
        const xLo = Math.max(0, ox * s - left), xHi = Math.min(w, ox * s - left + f);
        for (let ci = 0; ci < c; ci++) yd[o + ci] = 0;
        for (let iy = yLo; iy < yHi; iy++) {
          for (let ix = xLo; ix < xHi; ix++) {
            const src = xb + (iy * w + ix) * c;
            for (let ci = 0; ci < c; ci++) yd[o + ci] += xd[src + ci];
          }
        }
        const cnt = Math.max(0, yHi - yLo) * Math.max(0, xHi - xLo);
        const inv = cnt > 0 ? 1 / cnt : 0;
        for (let ci = 0; ci < c; ci++) yd[o + ci] *= inv;
      }
    }
  }
  return y;
}

export function avgPool2dBackward(dy: Tensor, x: Tensor, opts: PoolOptions & { dx?: Tensor }): { dx: Tensor } {
  const { n, h, w, c, f, s, top, left, oh, ow } = poolGeometry('avgPool2d', x, opts);
  if (dy.data.length !== n * oh * ow * c) {
    throw new RangeError(`avgPool2d: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape([n, oh, ow, c])}`);
  }
  const dx = outTensor('avgPool2d', x.shape.slice(), opts.dx);
  const dxd = dx.data, dyd = dy.data;
  dxd.fill(0);
  let o = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oy = 0; oy < oh; oy++) {
      const yLo = Math.max(0, oy * s - top), yHi = Math.min(h, oy * s - top + f);
      for (let ox = 0; ox < ow; ox++, o += c) {
        const xLo = Math.max(0, ox * s - left), xHi = Math.min(w, ox * s - left + f);
        const cnt = Math.max(0, yHi - yLo) * Math.max(0, xHi - xLo);
        if (cnt === 0) continue;
        const inv = 1 / cnt;
        for (let iy = yLo; iy < yHi; iy++) {
          for (let ix = xLo; ix < xHi; ix++) {
            const dst = xb + (iy * w + ix) * c;
            for (let ci = 0; ci < c; ci++) dxd[dst + ci] += dyd[o + ci] * inv;
          }
        }
      }
    }
  }
  return { dx };
}
