// pool2d: one quick max- or average-pooling request (the pooling lesson's widget).
//   max  y[b,i,j,c] = max over the f×f window (argmax: flat index into x of each winner)
//   avg  y[b,i,j,c] = mean over the f×f window
// Runs the engine's maxPool2d / avgPool2d unchanged; sizes that cannot work throw the
// engine's RangeError, whose message reaches the page.
import { avgPool2d, maxPool2d } from '../../engine/ops/index';
import type { Tensor } from '../../engine/tensor';
import type { Padding } from '../../engine/shape';
import { defineRequest } from '../../worker/job';

export interface Pool2dArgs {
  x: Tensor; // NHWC
  mode: 'max' | 'avg';
  size: number;
  stride?: number;
  pad?: Padding;
}

export interface Pool2dResult {
  y: Tensor;
  /** Max pooling only: for each output value, the flat index into x.data of the winner. */
  argmax?: Int32Array;
}

export const pool2d = defineRequest<Pool2dArgs, Pool2dResult>(({ x, mode, size, stride, pad }) => {
  const opts = { size, stride: stride ?? size, pad: pad ?? 0 };
  if (mode === 'max') {
    const r = maxPool2d(x, opts);
    return { y: { shape: r.shape, data: r.data }, argmax: r.argmax };
  }
  return { y: avgPool2d(x, opts) };
});
