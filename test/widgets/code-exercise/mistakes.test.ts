// Typical wrong answers fail, and with the hint meant for them. Each wrong answer is the
// lesson's reference solution with the mistake put in; the grading path is the page's
// (grader cases → runner → grade.ts), without the worker.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parse';
import { firstFailure } from './gradeCode';

const dir = join(__dirname, '..', '..', '..', 'lessons', 'en');
const solutions = new Map<string, { code: string; seed: number }>();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  const parsed = parseLesson(readFileSync(join(dir, f), 'utf8'), { file: f, lang: 'en' });
  for (const w of parsed.widgets) {
    if (w.name !== 'code-exercise') continue;
    const p = w.params as { fn: string; seed?: number };
    solutions.set(p.fn, { code: w.text!.solution, seed: p.seed ?? 1 });
  }
}

type Edit = [from: string | RegExp, to: string];

/** The solution with each edit applied (every `from` must occur: the test fails loudly otherwise). */
function broken(fn: string, edits: Edit[]): string {
  let code = solutions.get(fn)!.code;
  for (const [from, to] of edits) {
    const next = code.replace(from instanceof RegExp ? new RegExp(from.source, 'g') : from, to);
    if (next === code) throw new Error(`${fn}: "${from}" is not in the solution`);
    code = next;
  }
  return code;
}

const WRONG: { fn: string; what: string; edits?: Edit[]; code?: string; hint: string }[] = [
  { fn: 'zeroPad', what: 'pads one side only', edits: [['zeros([m, nH + 2 * pad, nW + 2 * pad, nC])', 'zeros([m, nH + pad, nW + pad, nC])']], hint: 'padBothSides' },
  { fn: 'zeroPad', what: 'pads the batch and the channels too', edits: [['zeros([m, nH + 2 * pad, nW + 2 * pad, nC])', 'zeros([m + 2 * pad, nH + 2 * pad, nW + 2 * pad, nC + 2 * pad])']], hint: 'padOnlyHW' },
  { fn: 'zeroPad', what: 'copies without the shift', edits: [['out[i][h + pad][w + pad][c]', 'out[i][h][w][c]']], hint: 'zeroPad' },
  { fn: 'convSingleStep', what: 'forgets the bias', edits: [['return s + b;', 'return s;']], hint: 'bias' },
  { fn: 'convSingleStep', what: 'adds the bias to every product', edits: [['* W[h][w][c];', '* W[h][w][c] + b;'], ['return s + b;', 'return s;']], hint: 'biasOnce' },
  { fn: 'convForward', what: 'forgets the bias', edits: [['let s = b[c];', 'let s = 0;']], hint: 'bias' },
  { fn: 'convForward', what: 'ignores the stride in the output size', edits: [[/Math\.floor\(\((n[HW])_prev \+ 2 \* pad - f\) \/ stride\) \+ 1/, '$1_prev + 2 * pad - f + 1']], hint: 'stride' },
  { fn: 'convForward', what: 'rounds the output size up', edits: [[/Math\.floor/, 'Math.ceil']], hint: 'floor' },
  { fn: 'convForward', what: 'starts the window at (h, w)', edits: [['h * stride + u - pad', 'h + u - pad'], ['w * stride + v - pad', 'w + v - pad']], hint: 'strideStart' },
  { fn: 'convForward', what: 'forgets the padding', edits: [[/ \+ 2 \* pad/, ''], [/ - pad,/, ','], [/ - pad;/, ';']], hint: 'pad' },
  { fn: 'convBackward', what: 'overwrites dA_prev instead of adding', edits: [['dA_prev[i][row][col][k] += W', 'dA_prev[i][row][col][k] = W']], hint: 'accumulate' },
  { fn: 'convBackward', what: 'keeps only the last example for dW and db', edits: [['for (let i = 0; i < m; i++)', 'for (let i = m - 1; i < m; i++)']], hint: 'batchSum' },
  { fn: 'poolForward', what: 'sums instead of averaging', edits: [['sum / (f * f)', 'sum']], hint: 'sumVsAverage' },
  { fn: 'poolForward', what: 'swaps the modes', edits: [["mode === 'max' ? best", "mode === 'average' ? best"]], hint: 'mode' },
  { fn: 'poolForward', what: 'ignores the stride', edits: [[/Math\.floor\(\((n[HW])_prev - f\) \/ stride\) \+ 1/, '$1_prev - f + 1'], ['h * stride + u', 'h + u'], ['w * stride + v', 'w + v']], hint: 'stride' },
  { fn: 'poolForward', what: 'starts the window at (h, w)', edits: [['h * stride + u', 'h + u'], ['w * stride + v', 'w + v']], hint: 'strideStart' },
  { fn: 'poolForward', what: 'rounds the output size up', edits: [[/Math\.floor/, 'Math.ceil'], ['A_prev[i][h * stride + u][w * stride + v][c]', '(A_prev[i][h * stride + u]?.[w * stride + v]?.[c] ?? -Infinity)']], hint: 'floor' },
  { fn: 'poolForward', what: 'rounds up and reads past the input (an exception)', edits: [[/Math\.floor/, 'Math.ceil']], hint: 'outOfRange' },
  { fn: 'poolBackward', what: 'gives each input the whole dA in average pooling', edits: [['g / (f * f)', 'g']], hint: 'avgSpread' },
  { fn: 'poolBackward', what: 'overwrites instead of adding', edits: [[/dA_prev\[i\]\[r\]\[q\]\[c\] \+=/, 'dA_prev[i][r][q][c] =']], hint: 'accumulate' },
  { fn: 'poolBackward', what: 'swaps the modes', edits: [["if (mode === 'max')", "if (mode === 'average')"]], hint: 'mode' },
  { fn: 'iou', what: 'forgets max(·, 0)', edits: [['Math.max(Math.min(x2, a2) - Math.max(x1, a1), 0)', 'Math.min(x2, a2) - Math.max(x1, a1)'], ['Math.max(Math.min(y2, b2) - Math.max(y1, b1), 0)', 'Math.min(y2, b2) - Math.max(y1, b1)']], hint: 'clampIou' },
  { fn: 'iou', what: 'forgets to subtract the intersection from the union', edits: [[' - inter;', ';']], hint: 'union' },
  { fn: 'nonMaxSuppression', what: 'does not sort by score', edits: [['.sort((a, b) => scores[b] - scores[a] || a - b)', '']], hint: 'sortScores' },
  { fn: 'nonMaxSuppression', what: 'lets discarded boxes suppress', edits: [['kept.every((j)', 'order.slice(0, order.indexOf(i)).every((j)']], hint: 'suppressedCompare' },
  { fn: 'nonMaxSuppression', what: 'keeps the overlapping boxes', edits: [['< iouThreshold', '>= iouThreshold']], hint: 'iouCompare' },
  { fn: 'yoloFilterBoxes', what: 'forgets p_c', edits: [['box_confidence[i][j][a][0] * box_class_probs', 'box_class_probs']], hint: 'multiplyConfidence' },
  { fn: 'tripletLoss', what: 'clips the sum instead of each triplet', edits: [[/J \+= Math\.max\((.*), 0\);/, 'J += $1;'], ['return J;', 'return Math.max(J, 0);']], hint: 'tripletClamp' },
  { fn: 'tripletLoss', what: 'averages instead of summing', edits: [['return J;', 'return J / anchor.length;']], hint: 'tripletSum' },
  { fn: 'tripletLoss', what: 'uses distances, not squared distances', edits: [['u.reduce((s, x, k) => s + (x - v[k]) ** 2, 0)', 'Math.sqrt(u.reduce((s, x, k) => s + (x - v[k]) ** 2, 0))']], hint: 'squared' },
  { fn: 'contentCost', what: 'normalises by n_H·n_W·n_C only', edits: [['s / (4 * nH * nW * nC)', 's / (nH * nW * nC)']], hint: 'contentNorm' },
  { fn: 'contentCost', what: 'reads past the channels (NaN)', edits: [['a_C[0][h][w][c] - a_G', 'a_C[0][h][w][c + 1] - a_G']], hint: 'nan' },
  {
    fn: 'gramMatrix',
    what: 'computes AᵀA',
    code: 'function gramMatrix(A) {\n  const [nC, nHW] = shape(A);\n  const G = zeros([nHW, nHW]);\n  for (let p = 0; p < nHW; p++) for (let q = 0; q < nHW; q++) for (let k = 0; k < nC; k++) G[p][q] += A[k][p] * A[k][q];\n  return G;\n}',
    hint: 'gramTranspose',
  },
  { fn: 'gramMatrix', what: 'normalises G', edits: [['return G;', 'return G.map((r) => r.map((v) => v / nHW));']], hint: 'gramNorm' },
  {
    fn: 'layerStyleCost',
    what: 'unrolls with a plain reshape',
    edits: [['const unroll = (a) => Array.from({ length: nC }, (_, c) => a[0].flat().map((pixel) => pixel[c]));', 'const unroll = (a) => { const flat = a.flat(3); return Array.from({ length: nC }, (_, c) => flat.slice(c * nH * nW, (c + 1) * nH * nW)); };']],
    hint: 'unroll',
  },
  { fn: 'layerStyleCost', what: 'forgets the 2 in (2·n_H·n_W·n_C)²', edits: [['(2 * nH * nW * nC) ** 2', '(nH * nW * nC) ** 2']], hint: 'styleNorm' },
];

describe('typical wrong answers fail with the intended hint', () => {
  it('the lessons provide every solution these tests break', () => {
    expect(WRONG.filter((w) => w.edits && !solutions.has(w.fn)).map((w) => w.fn)).toEqual([]);
  });
  for (const w of WRONG) {
    it(`${w.fn}: ${w.what} → hint "${w.hint}"`, () => {
      const code = w.code ?? broken(w.fn, w.edits!);
      const fail = firstFailure(code, { fn: w.fn, example: true, random: 12, seed: solutions.get(w.fn)!.seed, ranges: {} });
      expect(fail, 'the wrong answer passed every test').not.toBeNull();
      if (w.hint !== 'outOfRange') expect(fail!.problem?.kind).not.toBe('error');
      expect(fail!.hint).toBe(w.hint);
    });
  }
});
