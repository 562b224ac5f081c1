// Train an embedding of MNIST digits with the triplet loss (course §34–36): a long job
// for the triplet-training widget (2-D embedding on the unit circle, mining switchable while it
// runs) and the one-shot widget (d-dimensional, trained on some classes for a fixed number of
// steps, then an evaluation set of never-seen classes and the fitted §36 logistic unit).
import type { Mnist } from '../../../../data/mnist';
import { digitCache } from '../mnist/digitCache';
import { defineLongJob, JobError } from '../../../../worker/job';
import { MININGS, type Mining } from './mining';
import { createSession, sessionStep, evalChunk, type EmbeddingSession } from './session';
import { buildOneShotSet, encodePicks, oneShotPicks, type OneShotPicks, type OneShotSet } from './oneShot';

export interface TripletEmbeddingArgs {
  mining: Mining;
  seed?: number;
  /** Embedding dimension: 2 (scatter plot, default) or more (one-shot). */
  dim?: number;
  /** Classes to train on (default all ten). */
  classes?: number[];
  /** Stop after this many training steps (default: run until cancelled). */
  maxSteps?: number;
  /** Adam's learning rate (default 7e-4, tuned for the 2-D circle). */
  learningRate?: number;
  /** Test digits to embed and plot (default 500). */
  testCount?: number;
  /** Build the one-shot evaluation set when maxSteps is reached. */
  oneShot?: boolean;
  /** Folder of the packed digits (the page passes new URL('data/', document.baseURI)). */
  dataUrl?: string;
}

export interface TripletEmbeddingSettings {
  mining: Mining;
}

export interface TripletEmbeddingProgress {
  status: 'loading' | 'training' | 'evaluating' | 'finished';
  mining: Mining;
  step: number;
  maxSteps: number | null;
  /** Mean triplet loss on 1,000 fixed random triplets of test digits (latest full pass). */
  testLoss: number | null;
  /** Mean triplet loss of the latest (mined) batch, and its smoothed value. */
  loss: number | null;
  smoothLoss: number | null;
  /** Share of the latest batch's triplets with zero loss (easy). */
  easyFraction: number | null;
  smoothEasy: number | null;
  /** Mean squared distance of fixed same-class / different-class test pairs. */
  sameDistance: number | null;
  differentDistance: number | null;
  evalStep: number | null;
}

export interface TripletEmbeddingSnapshot {
  /** Test encodings (count × dim) and labels, from the latest full pass. */
  embeddings: Float32Array | null;
  labels: Uint8Array;
  dim: number;
  evalVersion: number;
  /** Loss and easy fraction per step (recent history). */
  curve: { step: Float32Array; loss: Float32Array; easy: Float32Array };
  /** Test-triplet loss after each full pass over the test digits. */
  testCurve: { step: Float32Array; loss: Float32Array };
  oneShot: OneShotSet | null;
}

interface State {
  args: TripletEmbeddingArgs;
  s: EmbeddingSession | null;
  smoothLoss: number | null;
  smoothEasy: number | null;
  hist: { step: number[]; loss: number[]; easy: number[] };
  testHist: { step: number[]; loss: number[]; version: number };
  oneShot: OneShotSet | null;
  /** One-shot: the digits compared and their encodings before any training (the baseline). */
  picks: { picks: OneShotPicks; before: { unseen: Float32Array; seen: Float32Array } } | null;
  finished: boolean;
}

const mnist = digitCache();

/** Tests hand the digits over directly (no fetch in Node). */
export function provideEmbeddingDigits(data: Mnist | null): void {
  mnist.provide(data);
}

const HISTORY = 600;

function checkMining(m: unknown): Mining {
  if (!MININGS.includes(m as Mining)) throw new JobError('bad-setting', `unknown mining ${String(m)}`, { name: 'mining', value: String(m) });
  return m as Mining;
}

export const tripletEmbedding = defineLongJob<TripletEmbeddingArgs, State, TripletEmbeddingProgress, TripletEmbeddingSnapshot, TripletEmbeddingSettings>({
  init(args) {
    checkMining(args.mining);
    if (args.maxSteps !== undefined && !(Number.isInteger(args.maxSteps) && args.maxSteps >= 1)) {
      throw new JobError('bad-setting', `maxSteps must be a whole number ≥ 1, got ${args.maxSteps}`, { name: 'maxSteps', value: String(args.maxSteps) });
    }
    mnist.start(args.dataUrl);
    return { args, s: null, smoothLoss: null, smoothEasy: null, hist: { step: [], loss: [], easy: [] }, testHist: { step: [], loss: [], version: 0 }, oneShot: null, picks: null, finished: false };
  },
  step(st) {
    if (!st.s) {
      const digits = mnist.ready();
      if (!digits) return false; // still loading
      const a = st.args;
      st.s = createSession(digits.train, digits.test, { mining: a.mining, seed: a.seed ?? 1, dim: a.dim ?? 2, ...(a.classes ? { classes: a.classes } : {}), ...(a.testCount ? { testCount: a.testCount } : {}), ...(a.learningRate ? { learningRate: a.learningRate } : {}) });
      if (a.oneShot) {
        const picks = oneShotPicks(digits.test, st.s.config.classes, st.s.config.seed);
        st.picks = { picks, before: encodePicks(st.s.model, digits.test, picks) };
      }
      return false;
    }
    const s = st.s;
    const max = st.args.maxSteps;
    if (max !== undefined && s.step >= max) {
      // finish the running test pass, then (one-shot) the evaluation set
      if (s.evalBuf || !s.lastEval || s.lastEval.step !== s.step) {
        if (!s.evalBuf) s.evalBuf = new Float32Array(s.testIdx.length * s.config.dim);
        evalChunk(s);
        return false;
      }
      if (st.args.oneShot && !st.oneShot && st.picks) st.oneShot = buildOneShotSet(s.model, s.train, s.test, s.config.dim, s.config.classes, s.config.seed, st.picks.picks, st.picks.before);
      st.finished = true;
      return true;
    }
    const before = s.step;
    sessionStep(s);
    if (s.lastEval && s.evalVersion !== st.testHist.version) {
      st.testHist.version = s.evalVersion;
      st.testHist.step.push(s.lastEval.step);
      st.testHist.loss.push(s.lastEval.testLoss);
    }
    if (s.step > before) {
      st.smoothLoss = st.smoothLoss === null ? s.loss : 0.9 * st.smoothLoss + 0.1 * s.loss!;
      st.smoothEasy = st.smoothEasy === null ? s.easy : 0.9 * st.smoothEasy + 0.1 * s.easy!;
      const h = st.hist;
      h.step.push(s.step);
      h.loss.push(s.loss!);
      h.easy.push(s.easy!);
      if (h.step.length > HISTORY) {
        // keep every other old point: the curve thins out but spans the whole run
        for (const k of ['step', 'loss', 'easy'] as const) h[k] = h[k].filter((_, i) => i % 2 === 0 || i >= HISTORY / 2);
      }
    }
    return false;
  },
  progress(st) {
    const s = st.s;
    const e = s?.lastEval ?? null;
    return {
      status: !s ? 'loading' : st.finished ? 'finished' : st.args.maxSteps !== undefined && s.step >= st.args.maxSteps ? 'evaluating' : 'training',
      mining: s?.config.mining ?? st.args.mining,
      step: s?.step ?? 0,
      maxSteps: st.args.maxSteps ?? null,
      loss: s?.loss ?? null,
      smoothLoss: st.smoothLoss,
      easyFraction: s?.easy ?? null,
      smoothEasy: st.smoothEasy,
      sameDistance: e ? e.sameDistance : null,
      differentDistance: e ? e.differentDistance : null,
      evalStep: e ? e.step : null,
      testLoss: e ? e.testLoss : null,
    };
  },
  snapshot(st) {
    const s = st.s;
    const e = s?.lastEval ?? null;
    const os = st.oneShot;
    return {
      embeddings: e ? e.embeddings.slice() : null,
      labels: s ? s.testLabels.slice() : new Uint8Array(0),
      dim: s?.config.dim ?? st.args.dim ?? 2,
      evalVersion: s?.evalVersion ?? 0,
      curve: { step: Float32Array.from(st.hist.step), loss: Float32Array.from(st.hist.loss), easy: Float32Array.from(st.hist.easy) },
      testCurve: { step: Float32Array.from(st.testHist.step), loss: Float32Array.from(st.testHist.loss) },
      oneShot: os
        ? {
            ...os,
            embeddings: os.embeddings.slice(), labels: os.labels.slice(), images: os.images.slice(), w: os.w.slice(), unseen: os.unseen.slice(),
            untrained: os.untrained.slice(), seenLabels: os.seenLabels.slice(), seenTrained: os.seenTrained.slice(), seenUntrained: os.seenUntrained.slice(),
          }
        : null,
    };
  },
  update(st, patch) {
    if (patch.mining !== undefined) {
      const m = checkMining(patch.mining);
      st.args = { ...st.args, mining: m };
      if (st.s) st.s.config.mining = m;
    }
  },
});
