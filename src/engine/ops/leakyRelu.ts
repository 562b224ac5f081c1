// Leaky ReLU (default α = 0.2, as tf.leakyRelu).
//   forward  y = x if x > 0 else α·x
//   backward dx = dy if x > 0 else α·dy
import type { Tensor } from '../tensor';
import { checkDy, likeOut } from './elementwise';

export function leakyRelu(x: Tensor, alpha = 0.2, out?: Tensor): Tensor {
  const y = likeOut('leakyRelu', x, out);
  const xd = x.data, yd = y.data;
  for (let i = 0; i < xd.length; i++) yd[i] = xd[i] > 0 ? xd[i] : alpha * xd[i];
  return y;
}

export function leakyReluBackward(dy: Tensor, x: Tensor, alpha = 0.2, dxOut?: Tensor): { dx: Tensor } {
  checkDy('leakyRelu', dy, x);
  const dx = likeOut('leakyRelu', x, dxOut);
  const xd = x.data, dyd = dy.data, d = dx.data;
  for (let i = 0; i < xd.length; i++) d[i] = xd[i] > 0 ? dyd[i] : alpha * dyd[i];
  return { dx };
}
