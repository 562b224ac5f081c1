// The MNIST lab's pure job logic on the real packed digits: seeded init, learning, the
// divergence guard keeping the last good weights, evaluation bookkeeping, model files.
import { describe, expect, it, beforeAll } from 'vitest';
import type { Mnist } from '../../../../src/data/mnist';
import { readPackedMnist } from '../../../worker/packedMnist';
import { createSession, attachData, sessionStep, EVAL_EVERY, EXTERNAL_EVAL_EVERY, AVERAGE_DECAY, type Session } from '../../../../src/widgets/shared/job/mnist/session';
import { emptyEval, evalChunk, finishEval } from '../../../../src/widgets/shared/job/mnist/evaluate';
import { PRESET_SETTINGS, PRESET_LAYERS, matchPreset } from '../../../../src/data/mnistPresets';
import { trainMnist } from '../../../../src/widgets/mnist-trainer/job/train';
import { mnistPredict } from '../../../../src/widgets/mnist-trainer/job/predict';
import { mnistSave } from '../../../../src/widgets/mnist-trainer/job/save';
import { mnistEvaluate } from '../../../../src/widgets/mnist-trainer/job/evaluate';
import { getSession, provideMnist } from '../../../../src/widgets/mnist-trainer/job/sessions';
import { JobError } from '../../../../src/worker/job';
import { saveModel } from '../../../../src/engine/nn/serialize';
import { sequential } from '../../../../src/engine/nn/model';

let data: Mnist;
beforeAll(() => {
  data = readPackedMnist();
  provideMnist(data);
});

const clock = () => 0;
const weights = (s: Session) => s.model.parameters().map((p) => Array.from(p.value.data));
function trainSteps(s: Session, n: number): number[] {
  const losses: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = s.step;
    sessionStep(s);
    if (s.step > before) losses.push(s.recentLoss);
  }
  return losses;
}

describe('train-mnist session', () => {
  it('same seed ⇒ same initial weights (and the same first steps); another seed differs', () => {
    const a = createSession('a', 'lenet5', 7, PRESET_SETTINGS.lenet5, clock);
    const b = createSession('b', 'lenet5', 7, PRESET_SETTINGS.lenet5, clock);
    const c = createSession('c', 'lenet5', 8, PRESET_SETTINGS.lenet5, clock);
    expect(weights(a)).toEqual(weights(b));
    expect(weights(a)).not.toEqual(weights(c));
    // He truncated at 2σ: every first-layer weight within 2σ/0.88 of 0 (σ = √(2/25))
    const w1 = a.model.parameters()[0].value.data;
    const bound = (2 * Math.sqrt(2 / 25)) / 0.8796256610342398;
    expect(Math.max(...Array.from(w1, Math.abs))).toBeLessThanOrEqual(bound + 1e-6);
    const d = createSession('d', 'tiny', 7, PRESET_SETTINGS.tiny, clock);
    const e = createSession('e', 'tiny', 7, PRESET_SETTINGS.tiny, clock);
    attachData(d, data);
    attachData(e, data);
    trainSteps(d, 3);
    trainSteps(e, 3);
    expect(d.step).toBe(3);
    expect(weights(d)).toEqual(weights(e));
  });

  it('a few dozen steps of the tiny CNN lower the loss and beat chance on held-out digits', () => {
    const s = createSession('t', 'tiny', 1, PRESET_SETTINGS.tiny, clock);
    attachData(s, data);
    const first = s.recentLoss;
    expect(Number.isNaN(first)).toBe(true);
    const losses = trainSteps(s, 60);
    expect(losses[0]).toBeGreaterThan(1.5); // ≈ ln 10 = 2.30 at the start
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.6);
    const run = emptyEval();
    while (!evalChunk(s.model, data.test, run, 250));
    expect(finishEval(run, data.test).accuracy).toBeGreaterThan(0.6);
  }, 60_000);

  it('a learning rate that blows the loss up stops with a "diverged" error and keeps the last good weights', () => {
    const s = createSession('n', 'tiny', 3, { ...PRESET_SETTINGS.tiny, optimiser: 'sgd', learningRate: 1e3 }, clock);
    attachData(s, data);
    const goodBefore: number[][][] = [];
    let err: unknown = null;
    for (let i = 0; i < 20 && !err; i++) {
      goodBefore.push(weights(s));
      try {
        sessionStep(s);
      } catch (e) {
        err = e;
      }
    }
    expect(err).toBeInstanceOf(JobError);
    const je = err as JobError;
    expect(je.code).toBe('diverged');
    expect(je.message).toMatch(/smaller learning rate/);
    expect(Number(je.values.suggest)).toBeLessThan(1e3);
    // The weights are the ones the last successful step started from (they gave a sane loss).
    const k = goodBefore.length - 2;
    expect(k).toBeGreaterThanOrEqual(0);
    expect(weights(s)).toEqual(goodBefore[k]);
    expect(weights(s).flat().every(Number.isFinite)).toBe(true);
  });

  it('evaluates on all 2,000 test digits every ~2,000 training images, with consistent counts', () => {
    const s = createSession('e', 'mlp', 2, { ...PRESET_SETTINGS.mlp, batchSize: 128 }, clock);
    attachData(s, data);
    let guard = 0;
    while (s.evalVersion === 0 && guard++ < 200) sessionStep(s);
    expect(s.evalVersion).toBe(1);
    expect(s.images).toBeGreaterThanOrEqual(EVAL_EVERY);
    expect(s.images).toBeLessThan(EVAL_EVERY + 128);
    const e = s.lastEval!;
    expect(e.count).toBe(2000);
    const total = e.confusion.reduce((a, b) => a + b, 0);
    let diag = 0;
    for (let d = 0; d < 10; d++) diag += e.confusion[d * 11];
    expect(total).toBe(2000);
    expect(e.accuracy).toBeCloseTo(diag / 2000, 10);
    expect(e.mistakes.length).toBe(2000 - diag);
    // row sums = how many test digits of each class
    for (let d = 0; d < 10; d++) {
      const row = Array.from(e.confusion.subarray(d * 10, d * 10 + 10)).reduce((a, b) => a + b, 0);
      expect(row).toBe(data.test.labels.filter((l) => l === d).length);
    }
    for (const m of e.mistakes) expect(m.label).not.toBe(m.predicted);
    for (let i = 1; i < e.mistakes.length; i++) expect(e.mistakes[i - 1].confidence).toBeGreaterThanOrEqual(e.mistakes[i].confidence);
    expect(s.history.testAcc).toEqual([e.accuracy]);
  }, 60_000);
});

describe('train-mnist job, predict and save', () => {
  const args = { session: 'job', mode: 'new' as const, preset: 'tiny' as const, seed: 5 };

  it('save → restore gives back the tested (averaged) weights, step count and curves; predict gives ten probabilities', () => {
    const s = trainMnist.init(args);
    for (let i = 0; i < 5; i++) trainMnist.step(s);
    const { file, step } = mnistSave.run({ session: 'job' });
    expect(step).toBe(5);
    const ink = new Uint8Array(56 * 56);
    for (let y = 10; y < 46; y++) ink[y * 56 + 28] = 255; // a "1"
    const a = mnistPredict.run({ session: 'job', ink, side: 56 });
    expect(a.pixels).toHaveLength(784);
    expect(a.probs).toHaveLength(10);
    expect(Array.from(a.probs!).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    const r = trainMnist.init({ ...args, session: 'job2', mode: 'restore', file });
    expect(r.step).toBe(5);
    const tested = (x: Session) => x.averaged.parameters().map((p) => Array.from(p.value.data));
    expect(weights(r)).toEqual(tested(s)); // the file holds the weights the lab tests with
    expect(tested(r)).toEqual(tested(s));
    expect(r.history).toEqual(s.history);
    expect(r.lastEval).toEqual(s.lastEval); // none yet: no test pass in 5 steps
    expect(trainMnist.progress(r).preset).toBe('tiny');
    expect(mnistPredict.run({ session: 'job2', ink, side: 56 }).probs).toEqual(a.probs);
    expect(mnistPredict.run({ session: 'job', ink: new Uint8Array(56 * 56), side: 56 })).toEqual({ pixels: null, probs: null });
  });

  it('a damaged or foreign model file is rejected with the reason, and the session is untouched', () => {
    trainMnist.init(args);
    const before = getSession('job');
    const { file } = mnistSave.run({ session: 'job' });
    const damaged = file.slice(0);
    new Uint8Array(damaged)[damaged.byteLength - 3] ^= 0xff;
    // the English reason, and a problem code the page words in the reader's language
    const expectBad = (f: ArrayBuffer, reason: RegExp, problem: string) => {
      let err: unknown;
      try {
        trainMnist.init({ ...args, mode: 'restore', file: f });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(JobError);
      expect((err as JobError).code).toBe('bad-file');
      expect((err as JobError).message).toMatch(reason);
      expect((err as JobError).values.problem).toBe(problem);
      return (err as JobError).values;
    };
    expectBad(damaged, /checksum/, 'damaged');
    expectBad(new TextEncoder().encode('hello, not a model').buffer as ArrayBuffer, /not a ConvLab model file/, 'not-model');
    expectBad(file.slice(0, file.byteLength - 8), /truncated/, 'truncated');
    const other = saveModel(sequential([{ type: 'flatten' }, { type: 'dense', units: 3 }], [4, 4, 1]));
    expect(expectBad(other, /28×28×1/, 'not-digits').shape).toBe('4×4×1');
    const wrongNet = saveModel(sequential([{ type: 'flatten' }, { type: 'dense', units: 10 }], [28, 28, 1]));
    expectBad(wrongNet, /not one of the lab's networks/, 'not-lab-network');
    expect(getSession('job')).toBe(before);
  });

  it('presets are recognised from their layers', () => {
    expect(matchPreset(JSON.parse(JSON.stringify(PRESET_LAYERS.lenet5)))).toBe('lenet5');
    expect(matchPreset([{ type: 'flatten' }])).toBeNull();
  });

  it('settings change mid-run; bad ones are refused with a reason', () => {
    const s = trainMnist.init({ ...args, session: 'upd' });
    trainMnist.update!(s, { learningRate: 0.01, batchSize: 16, optimiser: 'momentum' });
    expect(s.optimiser.config).toMatchObject({ kind: 'momentum', lr: 0.01 });
    expect(s.x.shape[0]).toBe(16);
    trainMnist.step(s);
    expect(s.images).toBe(16);
    expect(() => trainMnist.update!(s, { learningRate: -1 })).toThrow(/positive/);
    expect(() => trainMnist.update!(s, { batchSize: 0 })).toThrow(/batch size/);
  });

  it('with testing in a second worker: hands out the weights when due, scores them there, records the result', () => {
    const s = trainMnist.init({ ...args, session: 'ext', preset: 'mlp', externalEval: true, settings: { ...PRESET_SETTINGS.mlp, batchSize: 128 } });
    expect(trainMnist.snapshot!(s).evalModel).toBeUndefined();
    while (s.imagesSinceEval + 128 < EXTERNAL_EVAL_EVERY) trainMnist.step(s);
    expect(trainMnist.snapshot!(s).evalModel).toBeUndefined(); // not due yet
    while (s.imagesSinceEval < EXTERNAL_EVAL_EVERY) trainMnist.step(s);
    expect(s.images).toBeLessThan(EVAL_EVERY); // due sooner than an in-worker pass
    trainMnist.step(s); // no test pass in this worker
    expect(s.evalRun).toBeNull();
    const snap = trainMnist.snapshot!(s);
    expect(snap.evalModel?.images).toBe(s.images); // the weights as they are now
    expect(trainMnist.snapshot!(s).evalModel).toBeUndefined(); // handed out once
    expect(trainMnist.progress(s).evaluating).toBe(true);
    const r = mnistEvaluate.run({ file: snap.evalModel!.file, images: data.test.images, labels: data.test.labels });
    // the evaluator's numbers equal a test pass in this worker on the same (averaged) weights
    const here = emptyEval();
    while (!evalChunk(s.averaged, data.test, here, 500));
    expect(r.accuracy).toBe(finishEval(here, data.test).accuracy);
    expect(r.count).toBe(2000);
    expect(r.confusion.reduce((a, b) => a + b, 0)).toBe(2000);
    trainMnist.update!(s, { testResult: { ...r, images: snap.evalModel!.images } });
    expect(s.evalVersion).toBe(1);
    expect(s.history.testImages).toEqual([snap.evalModel!.images]);
    expect(trainMnist.progress(s)).toMatchObject({ testAccuracy: r.accuracy, evaluating: false });
    expect(trainMnist.snapshot!(s).eval?.mistakes.length).toBe(Math.min(40, 2000 - Math.round(r.accuracy * 2000)));
    expect(() => trainMnist.update!(s, { testResult: { ...r, images: -1 } })).toThrow(/malformed/);
    // the last test pass travels with the model file (a reload shows it again)
    const back = trainMnist.init({ ...args, session: 'ext-back', mode: 'restore', file: mnistSave.run({ session: 'ext' }).file });
    expect(trainMnist.progress(back).testAccuracy).toBe(r.accuracy);
    expect(back.lastEval?.confusion).toEqual(r.confusion);
    expect(trainMnist.snapshot!(back).eval?.mistakes).toEqual(r.mistakes.slice(0, 40));
  }, 60_000);
});

describe('train-mnist data order', () => {
  it('each epoch visits every training digit exactly once, in a fresh seeded order', () => {
    const s = createSession('order', 'mlp', 4, { ...PRESET_SETTINGS.mlp, batchSize: 500 }, clock);
    s.externalEval = true; // every step is a training batch
    attachData(s, data);
    const epoch1 = Array.from(s.order);
    const seen = new Int32Array(data.train.count);
    for (let i = 0; i < data.train.count / 500; i++) {
      sessionStep(s);
      for (let b = 0; b < 500; b++) {
        const k = epoch1[i * 500 + b];
        seen[k]++;
        expect(s.y[b]).toBe(data.train.labels[k]); // the batch really is these digits
      }
    }
    expect(s.images).toBe(data.train.count);
    expect(s.epoch).toBe(0);
    expect(seen.every((c) => c === 1)).toBe(true); // a permutation, so one visit each
    sessionStep(s); // the 17th batch starts epoch 1 with a reshuffle
    expect(s.epoch).toBe(1);
    const epoch2 = Array.from(s.order);
    expect(epoch2).not.toEqual(epoch1);
    expect([...epoch2].sort((a, b) => a - b)).toEqual(Array.from({ length: data.train.count }, (_, i) => i));
  });
});

describe('train-mnist weight averaging', () => {
  it('the test model holds the moving average a ← d·a + (1−d)·w of the trained weights, and the test pass scores it', () => {
    const s = createSession('avg', 'tiny', 6, PRESET_SETTINGS.tiny, clock);
    attachData(s, data);
    // the average starts as the initial weights; follow it by hand in float64
    let avg = weights(s).map((p) => p.map(Number));
    while (s.evalVersion === 0) {
      const before = s.step;
      sessionStep(s);
      if (s.step === before) continue; // a test-pass chunk
      const d = Math.min(AVERAGE_DECAY, (1 + s.step) / (10 + s.step));
      const w = weights(s);
      avg = avg.map((p, k) => p.map((a, i) => d * a + (1 - d) * w[k][i]));
    }
    const got = s.averaged.parameters().map((p) => Array.from(p.value.data));
    let worst = 0;
    got.forEach((p, k) => p.forEach((a, i) => (worst = Math.max(worst, Math.abs(a - avg[k][i])))));
    expect(worst).toBeLessThan(1e-5);
    expect(got).not.toEqual(weights(s)); // not simply the latest weights
    const here = emptyEval();
    while (!evalChunk(s.averaged, data.test, here, 500));
    expect(s.lastEval!.accuracy).toBe(finishEval(here, data.test).accuracy);
  }, 60_000);

  it('on the LeNet-5-like preset the averaged weights score higher on the held-out digits than the latest ones', () => {
    const s = createSession('avg-lenet', 'lenet5', 1, PRESET_SETTINGS.lenet5, clock);
    s.externalEval = true;
    attachData(s, data);
    while (s.images < 4000) sessionStep(s);
    const score = (m: Session['model']) => {
      const r = emptyEval();
      while (!evalChunk(m, data.test, r, 500));
      return finishEval(r, data.test).accuracy;
    };
    const raw = score(s.model);
    const avg = score(s.averaged);
    expect(avg).toBeGreaterThan(raw);
    expect(avg).toBeGreaterThan(0.93);
  }, 60_000);
});
