// The op table: every op with its backward, by name. An explicit object (no registration
// by import side effect), so the autograd tape and the worker can look ops up by name.
import { conv2d, conv2dBackward } from './conv2d';
import { conv2dTranspose, conv2dTransposeBackward } from './conv2dTranspose';
import { maxPool2d, maxPool2dBackward } from './maxPool2d';
import { avgPool2d, avgPool2dBackward } from './avgPool2d';
import { dense, denseBackward } from './dense';
import { relu, reluBackward } from './relu';
import { leakyRelu, leakyReluBackward } from './leakyRelu';
import { sigmoid, sigmoidBackward } from './sigmoid';
import { tanh, tanhBackward } from './tanh';
import { softmax, softmaxBackward } from './softmax';
import { softmaxCrossEntropy, softmaxCrossEntropyBackward } from './softmaxCrossEntropy';
import { conv1d, conv1dBackward } from './conv1d';
import { conv3d, conv3dBackward } from './conv3d';
import { globalAvgPool, globalAvgPoolBackward } from './globalAvgPool';
import { meanSquaredError, meanSquaredErrorBackward } from './meanSquaredError';
import { add, addBackward } from './add';
import { concatChannels, concatChannelsBackward } from './concatChannels';
import { flatten, flattenBackward, reshape, reshapeBackward } from './reshape';
import { batchNorm, batchNormBackward } from './batchNorm';
import { dropout, dropoutBackward } from './dropout';
import { gramMatrix, gramMatrixBackward } from './gramMatrix';
import { zeroPad2d, zeroPad2dBackward } from './zeroPad2d';

export const ops = {
  conv2d: { forward: conv2d, backward: conv2dBackward },
  conv2dTranspose: { forward: conv2dTranspose, backward: conv2dTransposeBackward },
  maxPool2d: { forward: maxPool2d, backward: maxPool2dBackward },
  avgPool2d: { forward: avgPool2d, backward: avgPool2dBackward },
  dense: { forward: dense, backward: denseBackward },
  relu: { forward: relu, backward: reluBackward },
  leakyRelu: { forward: leakyRelu, backward: leakyReluBackward },
  sigmoid: { forward: sigmoid, backward: sigmoidBackward },
  tanh: { forward: tanh, backward: tanhBackward },
  softmax: { forward: softmax, backward: softmaxBackward },
  softmaxCrossEntropy: { forward: softmaxCrossEntropy, backward: softmaxCrossEntropyBackward },
  conv1d: { forward: conv1d, backward: conv1dBackward },
  conv3d: { forward: conv3d, backward: conv3dBackward },
  globalAvgPool: { forward: globalAvgPool, backward: globalAvgPoolBackward },
  meanSquaredError: { forward: meanSquaredError, backward: meanSquaredErrorBackward },
  add: { forward: add, backward: addBackward },
  concatChannels: { forward: concatChannels, backward: concatChannelsBackward },
  flatten: { forward: flatten, backward: flattenBackward },
  reshape: { forward: reshape, backward: reshapeBackward },
  batchNorm: { forward: batchNorm, backward: batchNormBackward },
  dropout: { forward: dropout, backward: dropoutBackward },
  gramMatrix: { forward: gramMatrix, backward: gramMatrixBackward },
  zeroPad2d: { forward: zeroPad2d, backward: zeroPad2dBackward },
} as const;

export type OpName = keyof typeof ops;

export { conv2d, conv2dBackward, conv2dCore, conv2dBackwardCore, convGeometry } from './conv2d';
export type { Conv2dOptions, Conv2dBackwardOptions, Conv2dGrads } from './conv2d';
export { conv2dTranspose, conv2dTransposeBackward, conv2dTransposeGeometry } from './conv2dTranspose';
export type { Conv2dTransposeOptions, Conv2dTransposeGrads } from './conv2dTranspose';
export { maxPool2d, maxPool2dBackward } from './maxPool2d';
export type { MaxPoolResult, MaxPool2dOptions, MaxPool2dBackwardOptions } from './maxPool2d';
export { avgPool2d, avgPool2dBackward } from './avgPool2d';
export type { PoolOptions } from './pool';
export { dense, denseBackward } from './dense';
export type { DenseGrads } from './dense';
export { relu, reluBackward } from './relu';
export { leakyRelu, leakyReluBackward } from './leakyRelu';
export { sigmoid, sigmoidBackward } from './sigmoid';
export { tanh, tanhBackward } from './tanh';
export { softmax, softmaxBackward } from './softmax';
export { softmaxCrossEntropy, softmaxCrossEntropyBackward } from './softmaxCrossEntropy';
export type { Labels, SoftmaxCrossEntropyResult } from './softmaxCrossEntropy';
export { conv1d, conv1dBackward } from './conv1d';
export type { Conv1dOptions } from './conv1d';
export { conv3d, conv3dBackward } from './conv3d';
export type { Conv3dOptions } from './conv3d';
export { globalAvgPool, globalAvgPoolBackward } from './globalAvgPool';
export { meanSquaredError, meanSquaredErrorBackward } from './meanSquaredError';
export { add, addBackward } from './add';
export { concatChannels, concatChannelsBackward } from './concatChannels';
export { flatten, flattenBackward, reshape, reshapeBackward } from './reshape';
export { batchNorm, batchNormBackward } from './batchNorm';
export type { BatchNormOptions, BatchNormState, BatchNormResult } from './batchNorm';
export { dropout, dropoutBackward } from './dropout';
export type { DropoutResult } from './dropout';
export { zeroPad2d, zeroPad2dBackward } from './zeroPad2d';
export { gramMatrix, gramMatrixBackward, styleLayerCost, styleLayerCostBackward } from './gramMatrix';
