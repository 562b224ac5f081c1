// A session restored from a model file (an autosave or the reader's upload): the network must
// read 28×28×1 digits and be one of the lab's three; settings, curves and the last test pass
// come back from the file's metadata when they are well-formed, else from the preset.
import { loadModel } from '../../../engine/nn/serialize';
import { ModelFileError } from '../../../engine/nn/fileFormat';
import { sequentialSpecs } from '../../../engine/nn/model';
import { JobError } from '../../../worker/job';
import { matchPreset, OPTIMISERS, PRESET_SETTINGS, type OptimiserKind, type TrainSettings } from '../../../data/mnistPresets';
import { checkSettings, createSession, type Session } from '../../shared/job/mnist/session';
import { LEARNING_RATE_MAX } from '../../../worker/checks';
import type { EvalResult } from '../../shared/job/mnist/evaluate';
import { parseHistory } from '../../shared/job/mnist/history';

/** Largest training counter a file may state (steps, epochs, images seen). */
const COUNT_MAX = 1e12;

/** A training counter from a file's metadata: absent = 0; anything but a whole number 0…COUNT_MAX is refused. */
function fileCount(meta: Record<string, unknown>, name: string): number {
  const v = meta[name];
  if (v === undefined) return 0;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= COUNT_MAX) return v;
  throw new ModelFileError(`the file says its ${name} count is ${String(v)}; a count is a whole number from 0 to ${COUNT_MAX}`, 'bad-count', { name, value: String(v) });
}

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
      batchSize: saved.batchSize ?? base.batchSize,
      optimiser: kind && OPTIMISERS.includes(kind) ? kind : base.optimiser,
      augment: typeof saved.augment === 'boolean' ? saved.augment : base.augment,
    };
    // Settings from a file pass the same checks as typed ones: refused with the reason.
    try {
      checkSettings(settings);
    } catch (e) {
      if (!(e instanceof JobError)) throw e;
      throw new ModelFileError(`the file's settings are out of range: ${e.message}`, e.values?.name === 'learningRate' ? 'bad-rate' : 'bad-setting', { value: String(e.values?.value), max: LEARNING_RATE_MAX });
    }
    const counts = { step: fileCount(m, 'step'), epoch: fileCount(m, 'epoch'), images: fileCount(m, 'images'), evalVersion: fileCount(m, 'evalVersion') };
    const s = createSession(args.session, preset, model.seed, settings, now, model, optimiser ?? undefined);
    s.step = counts.step;
    s.epoch = counts.epoch;
    s.images = counts.images;
    s.timing.rateImages0 = s.images;
    s.history = parseHistory(m.history);
    s.lastEval = parseEval(m.lastEval);
    if (s.lastEval) s.evalVersion = Math.max(1, counts.evalVersion);
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
