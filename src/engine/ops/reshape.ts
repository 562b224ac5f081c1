// Reshape and flatten: same numbers, new shape (the data buffer is shared, no copy).
//   forward  y = x viewed as `shape` (flatten: [n, h·w·c], the step before a dense layer)
//   backward dx = dy viewed as x's shape
import type { Tensor } from '../tensor';
import { sizeOf } from '../shape';
import { fmtShape } from './check';

export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const s = shape.slice();
  const free = s.indexOf(-1);
  if (free >= 0) {
    const rest = s.reduce((a, d, i) => (i === free ? a : a * d), 1);
    s[free] = rest > 0 ? x.data.length / rest : 0;
  }
  if (s.some((d) => !Number.isInteger(d) || d < 0) || sizeOf(s) !== x.data.length) {
    throw new RangeError(`reshape: cannot view ${fmtShape(x.shape)} (${x.data.length} values) as ${fmtShape(shape)}`);
  }
  return { shape: s, data: x.data };
}

export function reshapeBackward(dy: Tensor, x: Tensor): { dx: Tensor } {
  return { dx: reshape(dy, x.shape) };
}

/** [n, …] → [n, product of the rest]. */
export function flatten(x: Tensor): Tensor {
  if (x.shape.length < 1) throw new RangeError('flatten: input must have a batch axis');
  return reshape(x, [x.shape[0], -1]);
}

export function flattenBackward(dy: Tensor, x: Tensor): { dx: Tensor } {
  return reshapeBackward(dy, x);
}
