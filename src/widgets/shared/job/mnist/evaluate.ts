// Evaluation on the held-out test digits, a chunk at a time: accuracy, mean loss, the 10×10
// confusion matrix (row = true digit, column = predicted) and the mistakes, most confident
// first (the ones a person would call "sure and wrong").
import type { Model } from '../../../../engine/nn/model';
import { gatherBatch, type DigitSet } from '../../../../data/mnist';
import { CLASSES } from '../../../../data/mnistPresets';

export interface EvalRun {
  cursor: number;
  correct: number;
  lossSum: number;
  confusion: Int32Array;
  mistakes: { index: number; predicted: number; confidence: number }[];
  x: Float32Array;
  y: Int32Array;
}

export interface EvalResult {
  accuracy: number;
  loss: number;
  count: number;
  confusion: Int32Array;
  /** Most confident mistakes first. */
  mistakes: { index: number; label: number; predicted: number; confidence: number }[];
}

export function emptyEval(): EvalRun {
  return { cursor: 0, correct: 0, lossSum: 0, confusion: new Int32Array(CLASSES * CLASSES), mistakes: [], x: new Float32Array(0), y: new Int32Array(0) };
}

/** Softmax of one row of logits into out (stable: subtract the max). Returns log Σ e^(z−max). */
export function softmaxRow(z: ArrayLike<number>, off: number, out: Float32Array): number {
  let mx = -Infinity;
  for (let j = 0; j < CLASSES; j++) if (z[off + j] > mx) mx = z[off + j];
  let s = 0;
  for (let j = 0; j < CLASSES; j++) s += out[j] = Math.exp(z[off + j] - mx);
  for (let j = 0; j < CLASSES; j++) out[j] /= s;
  return Math.log(s);
}

/** Evaluate the next `chunk` test digits; true when the whole set is done. */
export function evalChunk(model: Model, test: DigitSet, run: EvalRun, chunk: number): boolean {
  const m = Math.min(chunk, test.count - run.cursor);
  if (m <= 0) return true;
  if (run.y.length !== m) {
    run.x = new Float32Array(m * 784);
    run.y = new Int32Array(m);
  }
  const idx = Int32Array.from({ length: m }, (_, i) => run.cursor + i);
  gatherBatch(test, idx, run.x, run.y);
  const logits = model.forward({ shape: [m, 28, 28, 1], data: run.x }, { reuseBuffers: 'eval' }).value.data;
  const p = new Float32Array(CLASSES);
  for (let i = 0; i < m; i++) {
    const off = i * CLASSES;
    const lse = softmaxRow(logits, off, p);
    let best = 0;
    for (let j = 1; j < CLASSES; j++) if (p[j] > p[best]) best = j;
    const label = run.y[i];
    run.lossSum += -(logits[off + label] - (lse + maxOf(logits, off)));
    run.confusion[label * CLASSES + best]++;
    if (best === label) run.correct++;
    else run.mistakes.push({ index: run.cursor + i, predicted: best, confidence: p[best] });
  }
  run.cursor += m;
  return run.cursor >= test.count;
}

function maxOf(z: ArrayLike<number>, off: number): number {
  let mx = -Infinity;
  for (let j = 0; j < CLASSES; j++) if (z[off + j] > mx) mx = z[off + j];
  return mx;
}

export function finishEval(run: EvalRun, test: DigitSet): EvalResult {
  const mistakes = run.mistakes
    .map((m) => ({ ...m, label: test.labels[m.index] }))
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  return { accuracy: run.correct / run.cursor, loss: run.lossSum / run.cursor, count: run.cursor, confusion: run.confusion, mistakes };
}

/** A whole test pass at once (the evaluator worker's request). */
export function evaluateAll(model: Model, test: DigitSet, chunk = 250): EvalResult {
  const run = emptyEval();
  while (!evalChunk(model, test, run, chunk));
  return finishEval(run, test);
}
