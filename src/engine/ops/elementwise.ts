// Helpers for elementwise ops: same-shape output (reusable), shape check for dy.
import type { Tensor } from '../tensor';
import { assertSameShape, outTensor } from './check';

export function likeOut(op: string, x: Tensor, out?: Tensor): Tensor {
  return outTensor(op, x.shape.slice(), out);
}

export function checkDy(op: string, dy: Tensor, x: Tensor, xName = 'x'): void {
  assertSameShape(op, dy, 'dy', x, xName);
}
