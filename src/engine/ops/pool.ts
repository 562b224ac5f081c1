// Shared geometry for pooling windows (max, average): NHWC in, NHWC out, channels kept.
// Pooling uses the same window arithmetic as convolution (shape.ts), with a size×size
// window and no weights.
import type { Tensor } from '../tensor';
import { convOutputSizeSides, resolvePadding, type Padding } from '../shape';
import { assertRank, assertStride, fmtPad } from './check';

export interface PoolOptions {
  size: number;
  /** Defaults to size (non-overlapping windows, as the course's examples). */
  stride?: number;
  pad?: Padding;
}

export interface PoolGeometry {
  n: number; h: number; w: number; c: number;
  f: number; s: number; top: number; left: number;
  oh: number; ow: number;
}

export function poolGeometry(op: string, x: Tensor, opts: PoolOptions): PoolGeometry {
  assertRank(op, 'input x', x, 4, 'NHWC');
  const f = opts.size;
  if (!Number.isInteger(f) || f < 1) throw new RangeError(`${op}: window size must be a whole number ≥ 1, got ${f}`);
  const s = opts.stride ?? f;
  assertStride(op, s);
  const [n, h, w, c] = x.shape;
  const sides = resolvePadding(h, w, f, f, s, opts.pad ?? 0);
  const ph = h + sides.top + sides.bottom, pw = w + sides.left + sides.right;
  if (f > ph || f > pw) {
    throw new RangeError(
      `${op}: window ${f}×${f} is larger than the padded input ${ph}×${pw} (${fmtPad([sides.top, sides.bottom, sides.left, sides.right])})`,
    );
  }
  const oh = convOutputSizeSides(h, f, sides.top, sides.bottom, s);
  const ow = convOutputSizeSides(w, f, sides.left, sides.right, s);
  return { n, h, w, c, f, s, top: sides.top, left: sides.left, oh, ow };
}
