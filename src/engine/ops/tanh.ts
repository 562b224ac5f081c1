// Hyperbolic tangent.
//   forward  y = tanh(x)
//   backward dx = dy · (1 − y²)   (takes the forward OUTPUT y)
import type { Tensor } from '../tensor';
import { checkDy, likeOut } from './elementwise';

export function tanh(x: Tensor, out?: Tensor): Tensor {
  const y = likeOut('tanh', x, out);
  const xd = x.data, yd = y.data;
  for (let i = 0; i < xd.length; i++) yd[i] = Math.tanh(xd[i]);
  return y;
}

/** y is tanh's output. */
export function tanhBackward(dy: Tensor, y: Tensor, dxOut?: Tensor): { dx: Tensor } {
  checkDy('tanh', dy, y, 'y');
  const dx = likeOut('tanh', y, dxOut);
  const yd = y.data, dyd = dy.data, d = dx.data;
  for (let i = 0; i < yd.length; i++) d[i] = dyd[i] * (1 - yd[i] * yd[i]);
  return { dx };
}
