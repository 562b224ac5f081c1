import { saveModel } from '../../../engine/nn/serialize';
import { defineRequest } from '../../../worker/job';
import { testModel } from '../../shared/job/mnist/session';
import { MAX_MISTAKES } from './views';
import { sessionOrFail } from './sessions';

/**
 * The live model as a ConvLab model file (weights, optimiser state, curves in its metadata).
 * The weights are the averaged ones the test passes scored (testModel), so the file, the
 * accuracy in its metadata and a reloaded page's predictions agree; training resumes from them.
 */
export const mnistSave = defineRequest((args: { session: string }): { file: ArrayBuffer; step: number } => {
  const s = sessionOrFail(args.session);
  const e = s.lastEval;
  const lastEval = e ? { accuracy: e.accuracy, loss: e.loss, count: e.count, confusion: Array.from(e.confusion), mistakes: e.mistakes.slice(0, MAX_MISTAKES) } : null;
  const meta = { app: 'convlab-mnist-lab', preset: s.preset, seed: s.seed, settings: s.settings, step: s.step, epoch: s.epoch, images: s.images, history: s.history, lastEval, evalVersion: s.evalVersion };
  return { file: saveModel(testModel(s), { optimiser: s.optimiser, meta }), step: s.step };
});
