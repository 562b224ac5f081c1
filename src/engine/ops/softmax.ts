// Softmax over the last axis (the classes).
//   forward  y_k = e^(x_k − max x) / Σ_j e^(x_j − max x)   (shifted: no overflow)
//   backward dx_k = y_k · (dy_k − Σ_j dy_j·y_j)             (takes the forward OUTPUT y)
import type { Tensor } from '../tensor';
import { checkDy, likeOut } from './elementwise';

export function softmax(x: Tensor, out?: Tensor): Tensor {
  if (x.shape.length < 1) throw new RangeError('softmax: input must have at least one axis');
  const y = likeOut('softmax', x, out);
  const k = x.shape[x.shape.length - 1];
  const xd = x.data, yd = y.data;
  for (let o = 0; o < xd.length; o += k) {
    let mx = -Infinity;
    for (let j = 0; j < k; j++) if (xd[o + j] > mx) mx = xd[o + j];
    let sum = 0;
    for (let j = 0; j < k; j++) {
      const e = Math.exp(xd[o + j] - mx);
      yd[o + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < k; j++) yd[o + j] *= inv;
  }
  return y;
}

/** y is softmax's output. */
export function softmaxBackward(dy: Tensor, y: Tensor, dxOut?: Tensor): { dx: Tensor } {
  checkDy('softmax', dy, y, 'y');
  const dx = likeOut('softmax', y, dxOut);
  const k = y.shape[y.shape.length - 1];
  const yd = y.data, dyd = dy.data, d = dx.data;
  for (let o = 0; o < yd.length; o += k) {
    let dot = 0;
    for (let j = 0; j < k; j++) dot += dyd[o + j] * yd[o + j];
    for (let j = 0; j < k; j++) d[o + j] = yd[o + j] * (dyd[o + j] - dot);
  }
  return { dx };
}
