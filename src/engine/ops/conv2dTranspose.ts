// Transposed convolution (U-Net's up-convolution), NHWC × [f, f, cOut, cIn] → NHWC.
//   forward  y[b, i·s + u − p, j·s + v − p, k] += x[b, i, j, c] · w[u, v, k, c]   (+ bias[k])
//            every input value paints a scaled copy of the filter; overlaps add; the border p
//            is cropped; output size (n − 1)·s + f − 2p + outputPadding (extra row/col at the end).
//            This is exactly conv2d's input gradient dx with dy = x, so it runs on those kernels.
//   backward dx = conv2d(dy, w) with the same stride and padding (the transpose of the transpose),
//            dw = conv2d's filter gradient with the roles of input and output swapped,
//            db[k] = Σ_{b,i,j} dy[b, i, j, k]
// Filter layout as TensorFlow's conv2dTranspose: [f, f, outChannels, inChannels], i.e. the
// filter of the convolution whose input gradient this is.
import type { Tensor } from '../tensor';
import type { PadSides } from '../shape';
import { transposedConvOutputSize } from '../shape';
import { conv2dBackwardCore, conv2dCore } from './conv2d';
import { assertBias, assertRank, assertStride, fmtShape, outTensor } from './check';

export interface Conv2dTransposeOptions {
  stride?: number;
  /** Rows/columns cropped from each border (numeric), or 'same' (output n·s, as TensorFlow). Default 0. */
  pad?: number | 'same' | 'valid';
  /** Extra rows/columns kept at the bottom/right (PyTorch's output_padding); must be ≤ pad. */
  outputPadding?: number;
  out?: Tensor;
}

export interface Conv2dTransposeGrads {
  dx: Tensor;
  dw: Tensor;
  db: Tensor;
}

const OP = 'conv2dTranspose';

/** Output size and the cropped sides (the padding of the underlying convolution). */
export function conv2dTransposeGeometry(x: Tensor, w: Tensor, opts: Conv2dTransposeOptions = {}): { oh: number; ow: number; cOut: number; sides: PadSides; stride: number } {
  assertRank(OP, 'input x', x, 4, 'NHWC');
  assertRank(OP, 'filter w', w, 4, 'f×f×cOut×cIn');
  const stride = opts.stride ?? 1;
  assertStride(OP, stride);
  const [, h, wd, c] = x.shape;
  const [fh, fw, cOut, cIn] = w.shape;
  if (cIn !== c) throw new RangeError(`${OP}: filter ${fmtShape(w.shape)} expects ${cIn} input channels but x ${fmtShape(x.shape)} has ${c}`);
  const pad = opts.pad ?? 0;
  const op = opts.outputPadding ?? 0;
  if (pad === 'same' || pad === 'valid') {
    if (op !== 0) throw new RangeError(`${OP}: output padding goes with a numeric padding, not '${pad}'`);
    const side = (n: number, f: number): [number, number, number] => {
      if (pad === 'valid') return [(n - 1) * stride + f, 0, 0];
      // TensorFlow: output n·s; the forward conv's 'same' padding of that size, extra at the end
      const total = Math.max((n - 1) * stride + f - n * stride, 0);
      return [n * stride, Math.floor(total / 2), total - Math.floor(total / 2)];
    };
    const [oh, top, bottom] = side(h, fh), [ow, left, right] = side(wd, fw);
    return { oh, ow, cOut, stride, sides: { top, bottom, left, right } };
  }
  if (op > pad) throw new RangeError(`${OP}: output padding ${op} is larger than the padding ${pad} (it can only give back cropped rows)`);
  const oh = transposedConvOutputSize(h, fh, pad, stride, op);
  const ow = transposedConvOutputSize(wd, fw, pad, stride, op);
  return { oh, ow, cOut, stride, sides: { top: pad, bottom: pad - op, left: pad, right: pad - op } };
}

/** Bias per output channel, added to every pixel. */
function addBias(y: Tensor, b: Tensor): void {
  const k = b.data.length, d = y.data, bd = b.data;
  for (let i = 0; i < d.length; i += k) for (let j = 0; j < k; j++) d[i + j] += bd[j];
}

/** conv2dTranspose(x [n,h,w,cIn], w [f,f,cOut,cIn], b [cOut] | null, opts) → [n, oh, ow, cOut]. */
export function conv2dTranspose(x: Tensor, w: Tensor, b: Tensor | null, opts: Conv2dTransposeOptions = {}): Tensor {
  const g = conv2dTransposeGeometry(x, w, opts);
  assertBias(OP, b, g.cOut);
  const y = outTensor(OP, [x.shape[0], g.oh, g.ow, g.cOut], opts.out);
  // y plays the role of conv2d's input: only its shape is read to set up the geometry
  conv2dBackwardCore(OP, x, y, w, g.stride, g.stride, g.sides, { dx: y, dw: SCRATCH_DW(w), db: SCRATCH_DB(w) }, false, true);
  if (b) addBias(y, b);
  return y;
}

/** Gradients of conv2dTranspose for every input: { dx, dw, db }. */
export function conv2dTransposeBackward(
  dy: Tensor, x: Tensor, w: Tensor, opts: Conv2dTransposeOptions & { grads?: Partial<Conv2dTransposeGrads>; skipDx?: boolean } = {},
): Conv2dTransposeGrads {
  const g = conv2dTransposeGeometry(x, w, opts);
  const want = [x.shape[0], g.oh, g.ow, g.cOut];
  if (dy.shape.length !== 4 || dy.shape.some((d, i) => d !== want[i])) {
    throw new RangeError(`${OP}: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape(want)}`);
  }
  const gr = opts.grads ?? {};
  // dx: the forward convolution of dy (x had the role of that convolution's output)
  const dx = opts.skipDx ? outTensor(OP, x.shape.slice(), gr.dx) : conv2dCore(OP, dy, w, null, g.stride, g.stride, g.sides, gr.dx);
  // dw: conv2d's filter gradient, with dy as the input and x as the output gradient
  const dw = outTensor(OP, w.shape.slice(), gr.dw);
  conv2dBackwardCore(OP, x, dy, w, g.stride, g.stride, g.sides, { dw, db: SCRATCH_DB(w), dx: SCRATCH_DX(dy) }, true, false);
  const db = outTensor(OP, [g.cOut], gr.db);
  const k = g.cOut, d = dy.data, s = db.data;
  s.fill(0);
  for (let i = 0; i < d.length; i += k) for (let j = 0; j < k; j++) s[j] += d[i + j];
  return { dx, dw, db };
}

// The core also writes the gradients we skip into buffers; these are never read.
const scratch = new Map<string, Float32Array>();
function scratchOf(key: string, shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  let d = scratch.get(key);
  if (!d || d.length < n) scratch.set(key, (d = new Float32Array(n)));
  return { shape, data: d.subarray(0, n) };
}
const SCRATCH_DW = (w: Tensor) => scratchOf('dw', w.shape.slice());
const SCRATCH_DB = (w: Tensor) => scratchOf('db', [w.shape[3]]);
const SCRATCH_DX = (t: Tensor) => scratchOf('dx', t.shape.slice());
