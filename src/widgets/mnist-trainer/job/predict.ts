import { preprocessDrawing } from '../../../data/drawDigit';
import { defineRequest, JobError } from '../../../worker/job';
import { testModel } from '../../shared/job/mnist/session';
import { predictDigit } from './views';
import { sessionOrFail } from './sessions';

export interface MnistPredictArgs {
  session: string;
  /** A drawing: ink 0–255, side × side, row-major (preprocessed here like MNIST)… */
  ink?: Uint8Array;
  side?: number;
  /** …or a ready 28×28 image in [0, 1]. */
  pixels?: Float32Array;
}

/**
 * A drawn digit → the 28×28 image the network sees (ink cropped, scaled into 20×20 and centred
 * by mass, as MNIST was made) and the live model's ten probabilities. Both null if no ink.
 */
export const mnistPredict = defineRequest((args: MnistPredictArgs): { pixels: Float32Array | null; probs: Float32Array | null } => {
  const model = testModel(sessionOrFail(args.session));
  let pixels: Float32Array | null;
  if (args.ink) {
    const side = args.side ?? 0;
    if (!Number.isInteger(side) || side < 1 || args.ink.length !== side * side) {
      throw new JobError('bad-input', `a drawing of side ${side} needs ${side * side} pixels, got ${args.ink.length}`, {});
    }
    const img = new Float32Array(args.ink.length);
    for (let i = 0; i < img.length; i++) img[i] = args.ink[i] / 255;
    pixels = preprocessDrawing(img, side, side);
  } else pixels = args.pixels ?? null;
  return { pixels, probs: pixels ? predictDigit(model, pixels) : null };
});
