// A session restored from a model file (an autosave or the reader's upload): the network must
// read 28×28×1 digits and be one of the lab's three; settings, curves and the last test pass
// come back from the file's metadata when they are well-formed, else from the preset.
import { loadModel } from '../../../engine/nn/serialize';
import { ModelFileError } from '../../../engine/nn/fileFormat';
import { sequentialSpecs } from '../../../engine/nn/model';
import { JobError } from '../../../worker/job';
import { matchPreset, OPTIMISERS, PRESET_SETTINGS, type OptimiserKind, type TrainSettings } from '../../../data/mnistPresets';
import { createSession, type Session } from '../../shared/job/mnist/session';
import type { EvalResult } from '../../shared/job/mnist/evaluate';
import { parseHistory } from '../../shared/job/mnist/history';

export function fromFile(args: { session: string; file?: ArrayBuffer }, now: () => number): Session {
  if (!(args.file instanceof ArrayBuffer)) throw new JobError('bad-file', 'no model file was given', { reason: 'no file', problem: 'no-file' });
  try {
    const { model, optimiser, meta } = loadModel(args.file);
    if (model.kind !== 'sequential' || model.inputShape.join('x') !== '28x28x1') {
      throw new ModelFileError(`this model reads [${model.inputShape.join(', ')}] inputs; the lab needs 28×28×1 digits`, 'not-digits', { shape: model.inputShape.join('×') });
    }
    const preset = matchPreset(sequentialSpecs(model));
    if (!preset) throw new ModelFileError("this model's layers are not one of the lab's networks (LeNet-5-like, tiny CNN, MLP)", 'not-lab-network');
    const m = (meta && typeof meta === 'object' ? meta : {}) as Record<string, unknown>;
    const base = PRESET_SETTINGS[preset];
    const kind = optimiser?.config.kind as OptimiserKind | undefined;
    const saved = (m.settings && typeof m.settings === 'object' ? m.settings : {}) as Partial<TrainSettings>;
    const settings: TrainSettings = {
      learningRate: optimiser?.config.lr ?? base.learningRate,
      batchSize: Number.isInteger(saved.batchSize) && saved.batchSize! >= 1 && saved.batchSize! <= 512 ? saved.batchSize! : base.batchSize,
      optimiser: kind && OPTIMISERS.includes(kind) ? kind : base.optimiser,
      augment: typeof saved.augment === 'boolean' ? saved.augment : base.augment,
    };
    const s = createSession(args.session, preset, model.seed, settings, now, model, optimiser ?? undefined);
    const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
    s.step = int(m.step);
    s.epoch = int(m.epoch);
    s.images = int(m.images);
    s.timing.rateImages0 = s.images;
    s.history = parseHistory(m.history);
    s.lastEval = parseEval(m.lastEval);
    if (s.lastEval) s.evalVersion = Math.max(1, int(m.evalVersion));
    return s;
  } catch (e) {
    // the code (e.problem) lets the page say it in the reader's language
    if (e instanceof ModelFileError) throw new JobError('bad-file', e.message, { reason: e.message, problem: e.problem, ...e.values });
    if (e instanceof RangeError) throw new JobError('bad-file', e.message, { reason: e.message, problem: 'invalid-model' });
    throw e;
  }
}

/** The last test pass as saved in a file's metadata, or null if absent or malformed. */
function parseEval(raw: unknown): EvalResult | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const conf = r.confusion;
  if (typeof r.accuracy !== 'number' || !(r.accuracy >= 0 && r.accuracy <= 1) || typeof r.loss !== 'number' || typeof r.count !== 'number') return null;
  if (!Array.isArray(conf) || conf.length !== 100 || !conf.every((v) => Number.isInteger(v) && v >= 0)) return null;
  const mistakes = Array.isArray(r.mistakes)
    ? (r.mistakes as Record<string, unknown>[]).filter(
        (m) => m && [m.index, m.label, m.predicted].every((v) => Number.isInteger(v) && (v as number) >= 0) && typeof m.confidence === 'number' && (m.index as number) < 2000,
      )
    : [];
  return { accuracy: r.accuracy, loss: r.loss, count: r.count, confusion: Int32Array.from(conf as number[]), mistakes: mistakes as unknown as EvalResult['mistakes'] };
}
