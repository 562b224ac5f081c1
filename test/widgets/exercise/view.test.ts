import { describe, expect, it } from 'vitest';
import { makeQuestion, EXERCISE_KINDS, checkAnswer, parseShape, parseReal, parseInteger, formatAnswer } from '../../../src/widgets/exercise/view/index';
import type { Question } from '../../../src/widgets/exercise/view/index';

// Independent hand computations of each kind's answer, from the question's own numbers.
const v = (q: Question, k: string) => Number(q.vars[k]);
const out = (n: number, f: number, p: number, s: number) => Math.floor((n + 2 * p - f) / s) + 1;

const expected: Record<string, (q: Question) => unknown> = {
  'output-size': (q) => out(v(q, 'n'), v(q, 'f'), v(q, 'p'), v(q, 's')),
  'same-padding': (q) => (v(q, 'f') - 1) / 2,
  'param-count': (q) => (v(q, 'f') ** 2 * v(q, 'c') + 1) * v(q, 'k'),
  'volume-output': (q) => {
    const o = out(v(q, 'n'), v(q, 'f'), v(q, 'p'), v(q, 's'));
    return [o, o, v(q, 'k')];
  },
  'pool-output': (q) => {
    const o = out(v(q, 'n'), v(q, 'f'), 0, v(q, 's'));
    return [o, o, v(q, 'c')];
  },
  'conv-value': (q) => {
    let s = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += q.grids!.patch[i][j] * q.grids!.filter[i][j];
    return s;
  },
  'dense-vs-conv': (q) => v(q, 'n') ** 2 * v(q, 'c') * (v(q, 'n') - v(q, 'f') + 1) ** 2 * v(q, 'k'),
  'multiply-count': (q) => v(q, 'n') ** 2 * v(q, 'k') * v(q, 'f') ** 2 * v(q, 'c'),
  'one-by-one': (q) => [v(q, 'n'), v(q, 'n'), v(q, 'k')],
  'bottleneck-cost': (q) => v(q, 'n') ** 2 * v(q, 'b') * v(q, 'c') + v(q, 'n') ** 2 * v(q, 'k') * v(q, 'f') ** 2 * v(q, 'b'),
  'depthwise-cost': (q) => v(q, 'nOut') ** 2 * v(q, 'f') ** 2 * v(q, 'c') + v(q, 'nOut') ** 2 * v(q, 'c') * v(q, 'k'),
  iou: (q) => {
    const ix = Math.max(0, Math.min(v(q, 'ax2'), v(q, 'bx2')) - Math.max(v(q, 'ax1'), v(q, 'bx1')));
    const iy = Math.max(0, Math.min(v(q, 'ay2'), v(q, 'by2')) - Math.max(v(q, 'ay1'), v(q, 'by1')));
    const a = (v(q, 'ax2') - v(q, 'ax1')) * (v(q, 'ay2') - v(q, 'ay1'));
    const b = (v(q, 'bx2') - v(q, 'bx1')) * (v(q, 'by2') - v(q, 'by1'));
    return (ix * iy) / (a + b - ix * iy);
  },
  'yolo-output': (q) => [v(q, 'g'), v(q, 'g'), v(q, 'a') * (5 + v(q, 'c'))],
  'triplet-loss': (q) => {
    const pts = ['A', 'P', 'N'].map((k) => String(q.vars[k]).replace(/[()]/g, '').split(',').map(Number));
    const d = (u: number[], w: number[]) => (u[0] - w[0]) ** 2 + (u[1] - w[1]) ** 2;
    return Math.max(d(pts[0], pts[1]) - d(pts[0], pts[2]) + v(q, 'alpha'), 0);
  },
  // Greedy NMS by hand from the numbers the prompt shows (scores, and IoUs to 2 decimals).
  nms: (q) => {
    const score = Object.fromEntries(String(q.vars.scores).split(', ').map((e) => e.split(': ').map(Number)));
    const iouOf = new Map(String(q.vars.ious).split(', ').map((e) => [e.split(': ')[0], Number(e.split(': ')[1])]));
    const overlap = (a: number, b: number) => iouOf.get(`${Math.min(a, b)}–${Math.max(a, b)}`)!;
    let left = [1, 2, 3, 4].filter((b) => score[b] > v(q, 'scoreT')).sort((a, b) => score[b] - score[a]);
    const kept: number[] = [];
    while (left.length) {
      const best = left[0];
      kept.push(best);
      left = left.slice(1).filter((b) => overlap(best, b) < v(q, 'iouT'));
    }
    return kept.sort((a, b) => a - b);
  },
  'conv-1d-3d': (q) => {
    const o = v(q, 'n') - v(q, 'f') + 1;
    return v(q, 'dims') === 1 ? [o, v(q, 'k')] : [o, o, o, v(q, 'k')];
  },
};

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 1);

describe('exercise generators', () => {
  for (const kind of EXERCISE_KINDS) {
    it(`${kind}: the answer equals a hand computation, and typing it is right`, () => {
      for (const seed of SEEDS) {
        const q = makeQuestion(kind, seed);
        const want = expected[kind](q);
        if (q.answer.type === 'shape') expect(q.answer.dims).toEqual(want);
        else if (q.answer.type === 'set') expect([...q.answer.values].sort((a, b) => a - b)).toEqual(want);
        else if (q.answer.type === 'real') expect(q.answer.value).toBeCloseTo(want as number, 9);
        else expect(q.answer.value).toBe(want);
        expect(checkAnswer(q.answer, formatAnswer(q.answer)).status).toBe('right');
        expect(q.work.length).toBeGreaterThan(0);
        // Reproducible from the seed.
        expect(makeQuestion(kind, seed)).toEqual(q);
      }
    });
  }

  it('nms: the box numbers are accepted in any order, not twice, and not as a shape of other boxes', () => {
    const q = SEEDS.map((s) => makeQuestion('nms', s)).find((x) => x.answer.type === 'set' && x.answer.values.length === 2)!;
    const [a, b] = (q.answer as { values: number[] }).values;
    expect(checkAnswer(q.answer, `${b}, ${a}`).status).toBe('right');
    expect(checkAnswer(q.answer, `${a} ${b}`).status).toBe('right');
    expect(checkAnswer(q.answer, `${a}, ${a}, ${b}`).status).toBe('wrong');
    expect(checkAnswer(q.answer, `${a}`).status).toBe('wrong');
    expect(checkAnswer(q.answer, 'one and three').status).toBe('unreadable');
    // Different draws keep different numbers of boxes.
    expect(new Set(SEEDS.map((s) => (makeQuestion('nms', s).answer as { values: number[] }).values.length)).size).toBeGreaterThan(1);
  });

  it('constraints fix what a lesson has not taught yet, and the answer still matches', () => {
    for (const seed of SEEDS) {
      const q = makeQuestion('output-size', seed, { p: 0, s: 1 });
      expect([q.vars.p, q.vars.s]).toEqual([0, 1]);
      expect(q.answer).toEqual({ type: 'int', value: v(q, 'n') - v(q, 'f') + 1 });
      expect(makeQuestion('output-size', seed, { s: 1 }).vars.s).toBe(1);
      const vol = makeQuestion('volume-output', seed, { p: 0, s: 1 });
      expect([vol.vars.p, vol.vars.s]).toEqual([0, 1]);
      expect(expected['volume-output'](vol)).toEqual((vol.answer as { dims: number[] }).dims);
      const y = makeQuestion('yolo-output', seed, { anchors: 1 });
      expect(y.vars.a).toBe(1);
      expect(y.answer).toMatchObject({ type: 'shape', dims: [v(y, 'g'), v(y, 'g'), 5 + v(y, 'c')] });
    }
    // Without constraints the draws do vary (so the constraint is what fixed them).
    expect(new Set(SEEDS.map((seed) => makeQuestion('output-size', seed).vars.p)).size).toBeGreaterThan(1);
  });

  it('questions vary with the seed', () => {
    const prompts = new Set(SEEDS.map((s) => JSON.stringify(makeQuestion('output-size', s).vars)));
    expect(prompts.size).toBeGreaterThan(30);
  });

  it('output-size explanation shows the computation with the drawn numbers', () => {
    const q = SEEDS.map((s) => makeQuestion('output-size', s)).find((x) => x.vars.n === 27) ?? makeQuestion('output-size', 1);
    const { n, f, p, s } = q.vars;
    expect(q.work[0]).toBe(`⌊(${n} + 2·${p} − ${f})/${s}⌋ + 1 = ⌊${Number(n) + 2 * Number(p) - Number(f)}/${s}⌋ + 1 = ${formatAnswer(q.answer)}`);
  });

});

describe('answer parsing', () => {
  it('shapes: 13x13x10, 13 × 13 × 10, 13,13,10, (13, 13, 10)', () => {
    for (const t of ['13x13x10', '13 × 13 × 10', '13,13,10', '(13, 13, 10)', '13X13X10', '13*13*10', '13 13 10']) {
      expect(parseShape(t)).toEqual([13, 13, 10]);
    }
    expect(parseShape('13×13×')).toBeNull();
    expect(parseShape('abc')).toBeNull();
    expect(checkAnswer({ type: 'shape', dims: [13, 13, 10] }, '13x13x10').status).toBe('right');
    expect(checkAnswer({ type: 'shape', dims: [13, 13, 10] }, '13x13x1').status).toBe('wrong');
    expect(checkAnswer({ type: 'shape', dims: [3, 3, 16], alternatives: [[3, 3, 2, 8]] }, '3x3x2x8').status).toBe('right');
  });

  it('integers with thousands separators; nonsense is unreadable, not wrong', () => {
    expect(parseInteger('14,450,688')).toBe(14450688);
    expect(parseInteger('1 960')).toBe(1960);
    expect(parseInteger('12.5')).toBeNull();
    expect(checkAnswer({ type: 'int', value: 13 }, '13').status).toBe('right');
    expect(checkAnswer({ type: 'int', value: 13 }, '14').status).toBe('wrong');
    expect(checkAnswer({ type: 'int', value: 13 }, 'thirteen')).toEqual({ status: 'unreadable', reason: 'not-a-number' });
    expect(checkAnswer({ type: 'int', value: 13 }, '  ')).toEqual({ status: 'unreadable', reason: 'empty' });
  });

  it('reals: 2 decimals or a fraction a/b', () => {
    expect(parseReal('3/7')).toBeCloseTo(3 / 7, 12);
    expect(parseReal('.43')).toBe(0.43);
    expect(parseReal('1/0')).toBeNull();
    const a = { type: 'real' as const, value: 3 / 7, places: 2 };
    expect(checkAnswer(a, '0.43').status).toBe('right');
    expect(checkAnswer(a, '3/7').status).toBe('right');
    expect(checkAnswer(a, '6/14').status).toBe('right');
    expect(checkAnswer(a, '0.42').status).toBe('wrong');
    expect(checkAnswer(a, '0.4').status).toBe('wrong');
  });
});
