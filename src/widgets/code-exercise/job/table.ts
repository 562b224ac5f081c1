// The grader table: exercise function name (as the lesson block names it) → its grader.
// An explicit object; adding an exercise = a grader + one line here + hint texts in the
// code-exercise widget's strings.
import { convBackward, convForward, convSingleStep, zeroPad } from './conv';
import { poolBackward, poolForward } from './pool';
import { iou, nonMaxSuppression, yoloFilterBoxes } from './detection';
import { contentCost, gramMatrix, layerStyleCost, tripletLoss } from './embedding';
import type { Grader } from './types';

export const graders: Record<string, Grader> = {
  zeroPad,
  convSingleStep,
  convForward,
  convBackward,
  poolForward,
  poolBackward,
  iou,
  nonMaxSuppression,
  yoloFilterBoxes,
  tripletLoss,
  contentCost,
  gramMatrix,
  layerStyleCost,
};
