// conv1d / conv3d: "convolve this signal / volume with these filters" in the worker (lesson 45).
// NWC × [f, cIn, cOut] → NWC and NDHWC × [f, f, f, cIn, cOut] → NDHWC; shapes that don't fit
// throw the engine's RangeError, whose message reaches the page.
import { conv1d as conv1dOp, conv3d as conv3dOp, type Padding, type Tensor } from '../../engine/index';
import { defineRequest } from '../../worker/job';

export interface ConvNdArgs {
  x: Tensor;
  w: Tensor;
  b?: Tensor | null;
  stride?: number;
  pad?: Padding;
}

export const conv1d = defineRequest<ConvNdArgs, Tensor>(({ x, w, b, stride, pad }) => conv1dOp(x, w, b ?? null, { stride, pad }));
export const conv3d = defineRequest<ConvNdArgs, Tensor>(({ x, w, b, stride, pad }) => conv3dOp(x, w, b ?? null, { stride, pad }));
