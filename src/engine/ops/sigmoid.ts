// Logistic sigmoid.
//   forward  y = 1 / (1 + e^(−x))   (written to avoid overflow for large |x|)
//   backward dx = dy · y · (1 − y)   (takes the forward OUTPUT y)
import type { Tensor } from '../tensor';
import { checkDy, likeOut } from './elementwise';

export function sigmoid(x: Tensor, out?: Tensor): Tensor {
  const y = likeOut('sigmoid', x, out);
  const xd = x.data, yd = y.data;
  for (let i = 0; i < xd.length; i++) {
    const v = xd[i];
    if (v >= 0) yd[i] = 1 / (1 + Math.exp(-v));
    else {
      const e = Math.exp(v);
      yd[i] = e / (1 + e);
    }
  }
  return y;
}

/** y is sigmoid's output. */
export function sigmoidBackward(dy: Tensor, y: Tensor, dxOut?: Tensor): { dx: Tensor } {
  checkDy('sigmoid', dy, y, 'y');
  const dx = likeOut('sigmoid', y, dxOut);
  const yd = y.data, dyd = dy.data, d = dx.data;
  for (let i = 0; i < yd.length; i++) d[i] = dyd[i] * yd[i] * (1 - yd[i]);
  return { dx };
}
