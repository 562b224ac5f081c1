// Zero padding of an NHWC image: the padded input a lesson shows before a 'same' convolution.
//   forward  y[b, i + top, j + left, c] = x[b, i, j, c], zeros in the border
//   backward dx = dy cropped back to the interior (the border's gradient goes nowhere)
// `pad` is a number (every side), 'valid'/'same' resolved for a window (f, stride) by shape.ts,
// or explicit sides.
import type { Tensor } from '../tensor';
import { resolvePadding, type Padding, type PadSides } from '../shape';
import { assertRank, fmtShape } from './check';

function sidesOf(x: Tensor, pad: Padding | PadSides, window?: { size: number; stride?: number }): PadSides {
  if (typeof pad === 'object') return pad;
  if (pad === 'same' && !window) throw new RangeError("zeroPad2d: 'same' needs the window size (and stride) it pads for");
  const f = window?.size ?? 1;
  return resolvePadding(x.shape[1], x.shape[2], f, f, window?.stride ?? 1, pad);
}

export function zeroPad2d(x: Tensor, pad: Padding | PadSides, window?: { size: number; stride?: number }): Tensor & { sides: PadSides } {
  assertRank('zeroPad2d', 'input x', x, 4, 'NHWC');
  const s = sidesOf(x, pad, window);
  for (const v of [s.top, s.bottom, s.left, s.right]) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`zeroPad2d: padding must be whole numbers ≥ 0, got ${JSON.stringify(s)}`);
  }
  const [n, h, w, c] = x.shape;
  const H = h + s.top + s.bottom, W = w + s.left + s.right;
  const y = new Float32Array(n * H * W * c);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h; i++) {
      const src = ((b * h + i) * w) * c;
      y.set(x.data.subarray(src, src + w * c), ((b * H + i + s.top) * W + s.left) * c);
    }
  }
  return { shape: [n, H, W, c], data: y, sides: s };
}

export function zeroPad2dBackward(dy: Tensor, x: Tensor, sides: PadSides): { dx: Tensor } {
  assertRank('zeroPad2d', 'input x', x, 4, 'NHWC');
  const [n, h, w, c] = x.shape;
  const H = h + sides.top + sides.bottom, W = w + sides.left + sides.right;
  if (dy.data.length !== n * H * W * c) {
    throw new RangeError(`zeroPad2d: dy shape ${fmtShape(dy.shape)} does not match the padded shape ${fmtShape([n, H, W, c])}`);
  }
  const dx = new Float32Array(x.data.length);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < h; i++) {
      const src = ((b * H + i + sides.top) * W + sides.left) * c;
      dx.set(dy.data.subarray(src, src + w * c), ((b * h + i) * w) * c);
    }
  }
  return { dx: { shape: x.shape.slice(), data: dx } };
}
