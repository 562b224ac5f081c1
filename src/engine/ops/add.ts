// Elementwise sum of two same-shape tensors (the skip connection of a residual block).
//   forward  y = a + b
//   backward da = dy,  db = dy   (the gradient flows unchanged down both paths)
import type { Tensor } from '../tensor';
import { assertSameShape, outTensor } from './check';

export function add(a: Tensor, b: Tensor, out?: Tensor): Tensor {
  assertSameShape('add', a, 'a', b, 'b');
  const y = outTensor('add', a.shape.slice(), out);
  const ad = a.data, bd = b.data, yd = y.data;
  for (let i = 0; i < ad.length; i++) yd[i] = ad[i] + bd[i];
  return y;
}

/** Both gradients are copies of dy (separate buffers, so a caller may accumulate into them). */
export function addBackward(dy: Tensor): { da: Tensor; db: Tensor } {
  return {
    da: { shape: dy.shape.slice(), data: dy.data.slice() },
    db: { shape: dy.shape.slice(), data: dy.data.slice() },
  };
}
