import { loadModel } from '../../../engine/nn/serialize';
import { makeDigitSet } from '../../../data/mnist';
import { defineRequest, JobError } from '../../../worker/job';
import { evaluateAll, type EvalResult } from '../../shared/job/mnist/evaluate';

/**
 * The evaluator (a second worker, so testing runs on the other core): accuracy, loss,
 * confusion matrix and mistakes of a model file on the given test digits.
 */
export const mnistEvaluate = defineRequest((args: { file: ArrayBuffer; images: Uint8Array; labels: Uint8Array }): EvalResult => {
  const test = makeDigitSet(args.images, args.labels);
  let model;
  try {
    model = loadModel(args.file).model;
  } catch (e) {
    throw new JobError('bad-file', (e as Error).message, { reason: (e as Error).message });
  }
  return evaluateAll(model, test);
});
