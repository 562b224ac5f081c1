// conv-layer: one layer of a CNN, as the course writes it (§7):
//   z = W * a_prev + b   (conv2d over all input channels, one output channel per filter)
//   a = ReLU(z)
// Returns both z and a so a lesson can show the step from one to the other.
import { conv2d, relu, type Padding, type Tensor } from '../../engine/index';
import { defineRequest } from '../../worker/job';

export interface ConvLayerArgs {
  x: Tensor; // NHWC
  w: Tensor; // HWIO
  b: Tensor; // [cOut]
  stride?: number;
  pad?: Padding;
}

export interface ConvLayerResult {
  z: Tensor;
  a: Tensor;
}

export const convLayer = defineRequest<ConvLayerArgs, ConvLayerResult>(({ x, w, b, stride, pad }) => {
  const z = conv2d(x, w, b, { stride, pad });
  return { z, a: relu(z) };
});
