// conv2d: "convolve this image with these filters" in the worker. NHWC input, HWIO filters
// (one output channel per filter), optional bias; the result's buffer is transferred back.
// Shapes that don't fit throw the engine's RangeError, whose message reaches the page.
import { conv2d as conv2dOp, type Padding, type Tensor } from '../../engine/index';
import { defineRequest } from '../../worker/job';

export interface Conv2dArgs {
  x: Tensor;
  w: Tensor;
  b?: Tensor | null;
  stride?: number;
  pad?: Padding;
}

export const conv2d = defineRequest<Conv2dArgs, Tensor>(({ x, w, b, stride, pad }) =>
  conv2dOp(x, w, b ?? null, { stride, pad }),
);
