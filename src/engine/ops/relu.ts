// ReLU: the course's default hidden activation.
//   forward  y = max(0, x)
//   backward dx = dy · [x > 0]   (the kink at 0 gets gradient 0, as TensorFlow)
import type { Tensor } from '../tensor';
import { checkDy, likeOut } from './elementwise';

export function relu(x: Tensor, out?: Tensor): Tensor {
  const y = likeOut('relu', x, out);
  const xd = x.data, yd = y.data;
  for (let i = 0; i < xd.length; i++) yd[i] = xd[i] > 0 ? xd[i] : 0;
  return y;
}

/** x may be the input or the output of relu (same sign pattern). */
export function reluBackward(dy: Tensor, x: Tensor, dxOut?: Tensor): { dx: Tensor } {
  checkDy('relu', dy, x);
  const dx = likeOut('relu', x, dxOut);
  const xd = x.data, dyd = dy.data, d = dx.data;
  for (let i = 0; i < xd.length; i++) d[i] = xd[i] > 0 ? dyd[i] : 0;
  return { dx };
}
