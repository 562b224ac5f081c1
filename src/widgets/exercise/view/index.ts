// Exercises: kind → generator. makeQuestion(kind, seed) is pure and reproducible.
import type { Constraints, ExerciseKind, Question } from './types';
import * as w1 from './week1';
import * as later from './later';

export * from './types';
export { checkAnswer, parseAnswer, formatAnswer, parseInteger, parseReal, parseShape, type Verdict, type Parsed } from './parse';

export const generators: Record<ExerciseKind, (seed: number, c: Constraints) => Question> = {
  'output-size': w1.outputSize,
  'same-padding': w1.samePaddingQ,
  'param-count': w1.paramCount,
  'volume-output': w1.volumeOutput,
  'pool-output': w1.poolOutput,
  'conv-value': w1.convValue,
  'dense-vs-conv': w1.denseVsConv,
  'multiply-count': w1.multiplyCount,
  'one-by-one': later.oneByOne,
  'bottleneck-cost': later.bottleneckCost,
  'depthwise-cost': later.depthwiseCost,
  iou: later.iouQ,
  'yolo-output': later.yoloOutput,
  'triplet-loss': later.tripletLossQ,
  'conv-1d-3d': later.conv1d3d,
  nms: later.nmsQ,
};

export function makeQuestion(kind: ExerciseKind, seed: number, constraints: Constraints = {}): Question {
  return generators[kind](seed >>> 0, constraints);
}
