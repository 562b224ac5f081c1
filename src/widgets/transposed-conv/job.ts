// transposed-conv: a transposed convolution on the engine, with the running sums after each
// input cell (for stepping). A transposed convolution IS the gradient of a convolution with
// respect to its input: if y = conv(x, w, stride s, padding top/left p, bottom/right p − op),
// then dx[i·s + u − p] += dy[i]·w[u] — exactly "stamp w, scaled by dy[i], at i·s − p, adding the
// overlaps". So it is conv2dBackward's dx with dy = the small input; no second hand-written loop.
import { conv2dBackwardCore, transposedConvOutputSize, zeros, type Tensor } from '../../engine/index';
import { defineRequest } from '../../worker/job';

export interface TransposedConvArgs {
  /** input [1, n, n, 1] */
  input: Tensor;
  /** filter [f, f, 1, 1] */
  filter: Tensor;
  stride: number;
  pad: number;
  outputPadding: number;
}

export interface TransposedConvResult {
  /** the uncropped (n − 1)·s + f square after stamping input cells 0..k−1 (row-major), k = 0..n² */
  full: Tensor[];
  /** the cropped output after the same stamps */
  output: Tensor[];
}

function transposed(dy: Tensor, w: Tensor, s: number, top: number, bottom: number): Tensor {
  const f = w.shape[0];
  const n = dy.shape[1];
  const size = (n - 1) * s + f - top - bottom;
  const x = zeros([1, size, size, 1]); // only its shape matters for dx
  return conv2dBackwardCore('transposedConv', dy, x, w, s, s, { top, bottom, left: top, right: bottom }).dx;
}

export function transposedConvStages(a: TransposedConvArgs): TransposedConvResult {
  const n = a.input.shape[1];
  transposedConvOutputSize(n, a.filter.shape[0], a.pad, a.stride, a.outputPadding); // readable RangeError on bad input
  if (a.outputPadding > a.pad) throw new RangeError(`output padding (${a.outputPadding}) larger than the padding (${a.pad}) is not supported here`);
  const full: Tensor[] = [];
  const output: Tensor[] = [];
  for (let k = 0; k <= n * n; k++) {
    // only the first k input cells stamp: the running sum after k steps
    const dy: Tensor = { shape: a.input.shape.slice(), data: a.input.data.map((v, i) => (i < k ? v : 0)) };
    full.push(transposed(dy, a.filter, a.stride, 0, 0));
    output.push(transposed(dy, a.filter, a.stride, a.pad, a.pad - a.outputPadding));
  }
  return { full, output };
}

export const transposedConv = defineRequest<TransposedConvArgs, TransposedConvResult>(transposedConvStages);
