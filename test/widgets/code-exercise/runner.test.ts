// Bad code gets a clear result, never a crash: syntax errors, exceptions (with the student's
// line), a missing function, import(), odd return values; grade.ts names the first mismatch.
import { describe, expect, it } from 'vitest';
import { runStudent, toPlain } from '../../../src/widgets/code-exercise/runner';
import { firstMismatch, formatJson, formatShape } from '../../../src/widgets/code-exercise/grade';
import { studentHelpers, zeros, shape } from '../../../src/widgets/code-exercise/helpers';
import { parseExerciseBlock } from '../../../src/lessons/exerciseBlock';
import { parseLesson } from '../../../src/lessons/parse';
import { validateCodeExercise } from '../../../src/widgets/code-exercise/params';

const run = (code: string, cases: unknown[][] = [[1]]) => runStudent({ code, fn: 'f', cases: cases as never }, studentHelpers);

describe('runner', () => {
  it('reports a syntax error as a compile error', () => {
    const r = run('function f(x) { return x +; }');
    expect(r.kind).toBe('compile-error');
    expect(r.kind === 'compile-error' && r.message).toMatch(/^SyntaxError/);
  });
  it('reports an exception with the line it happened on (per case)', () => {
    const r = run('function f(x) {\n  const a = [];\n  return a[0].b;\n}', [[1], [2]]);
    expect(r).toMatchObject({ kind: 'ran', runs: [{ ok: false, line: 3 }, { ok: false, line: 3 }] });
    expect(r.kind === 'ran' && !r.runs[0].ok && r.runs[0].error).toMatch(/^TypeError/);
  });
  it('says when the function is missing', () => {
    expect(run('function g(x) { return x; }')).toEqual({ kind: 'no-function', fn: 'f' });
  });
  it('refuses import()', () => {
    expect(run('function f() { return import("http://example.com/x.js"); }').kind).toBe('compile-error');
  });
  it('gives every case a fresh copy of its inputs', () => {
    const r = run('function f(x) { x[0] = 99; return x[1]; }', [[[1, 2]], [[3, 4]]]);
    expect(r).toEqual({ kind: 'ran', runs: [{ ok: true, value: 2 }, { ok: true, value: 4 }] });
  });
  it('turns typed arrays into lists and undefined into null; refuses functions', () => {
    expect(toPlain({ a: Float32Array.of(1, 2), b: undefined, c: [NaN] })).toEqual({ a: [1, 2], b: null, c: [NaN] });
    expect(() => toPlain([() => 1])).toThrow(/function/);
  });
  it('helpers: zeros and shape in the course order', () => {
    expect(zeros([2, 1, 3])).toEqual([[[0, 0, 0]], [[0, 0, 0]]]);
    expect(shape(zeros([2, 4, 4, 3]))).toEqual([2, 4, 4, 3]);
    expect(() => zeros([2, -1])).toThrow(RangeError);
  });
});

describe('grade: the first mismatch', () => {
  it('finds the first differing index, with the path', () => {
    expect(firstMismatch([[1, 2], [3, 4]], [[1, 2], [3, 5]])).toEqual({ kind: 'value', path: '[1][1]', expected: 4, got: 5 });
  });
  it('accepts float32 rounding, not more', () => {
    expect(firstMismatch(0.1 + 0.2, Math.fround(0.3))).toBeNull();
    expect(firstMismatch(1, 1.001)).not.toBeNull();
  });
  it('reports shapes, NaN, missing fields and wrong types', () => {
    expect(firstMismatch(zeros([1, 3, 3, 1]) as never, zeros([1, 2, 2, 1]) as never)).toEqual({ kind: 'shape', path: '', expected: [1, 3, 3, 1], got: [1, 2, 2, 1] });
    expect(firstMismatch([[1, 2]], [[1, NaN]])).toEqual({ kind: 'nan', path: '[0][1]' });
    expect(firstMismatch({ dW: [1], db: [2] }, { dW: [1] })).toEqual({ kind: 'missing', path: '.db' });
    expect(firstMismatch([1], null)).toEqual({ kind: 'type', path: '', expected: 'a list', got: 'nothing (undefined)' });
    expect(firstMismatch([0, 2], [0, 1, 2])).toEqual({ kind: 'length', path: '', expected: [0, 2], got: [0, 1, 2] });
  });
  it('formats numbers and shapes for people', () => {
    expect(formatJson([1, 0.1 + 0.2, 1 / 3])).toBe('[1, 0.3, 0.333333]');
    expect(formatShape([2, 5, 5, 3])).toBe('(2, 5, 5, 3)');
    expect(formatShape([4])).toBe('(4,)');
  });
});

describe('the ```exercise block', () => {
  const body = (head: string) => [...head.split('\n'), '--- statement', 'Write *f*.', '--- starter', 'function f() {}', '--- solution', 'function f() { return 1; }'];
  it('splits settings (params, same in both languages) from the per-language text', () => {
    const b = parseExerciseBlock('f', body('random: 2\nseed: 9\nranges: n_H 2-4, pad 1-2\nexample: no\ntime: 5'), 'padding', (md) => `<p>${md}</p>`);
    expect(b.params).toEqual({ fn: 'f', lesson: 'padding', random: 2, seed: 9, ranges: { n_H: [2, 4], pad: [1, 2] }, example: false, timeLimit: 5 });
    expect(b.text).toEqual({ statementHtml: '<p>Write *f*.</p>', starter: 'function f() {}\n', solution: 'function f() { return 1; }\n' });
    expect(validateCodeExercise(b.params).ok).toBe(true);
  });
  it('names what is wrong', () => {
    const parse = (lines: string[]) => () => parseExerciseBlock('f', lines, 'x', (m) => m);
    expect(parse(body('colour: red'))).toThrow(/unknown key "colour"/);
    expect(parse(body('ranges: n_H two'))).toThrow(/name lo-hi/);
    expect(parse(body('').slice(0, 5))).toThrow(/"--- solution" section is missing/);
    expect(parse(['--- hints', 'x'])).toThrow(/unknown section/);
  });
  it('in a lesson: a code-exercise widget with the lesson id and the text; a bad block is a problem naming its line', () => {
    const lesson = (block: string) => `---\nid: padding\ntitle: T\nweek: 1\norder: 4\nsummary: S\n---\n## One\n\n${block}\n`;
    const ok = parseLesson(lesson('```exercise zeroPad\nseed: 3\n--- statement\nPad $X$.\n--- starter\nfunction zeroPad(X, pad) {}\n--- solution\nfunction zeroPad(X, pad) { return X; }\n```'), { lang: 'en' });
    expect(ok.problems).toEqual([]);
    expect(ok.widgets).toHaveLength(1);
    expect(ok.widgets[0]).toMatchObject({ name: 'code-exercise', params: { fn: 'zeroPad', lesson: 'padding', seed: 3 }, text: { starter: 'function zeroPad(X, pad) {}\n' } });
    expect(ok.widgets[0].text!.statementHtml).toContain('katex');
    const bad = parseLesson(lesson('```exercise zeroPad\nseed: three\n```'), { lang: 'en', file: 'x.md' });
    expect(bad.problems.map((p) => p.message)).toEqual(['x.md:10: exercise "zeroPad": seed must be a whole number, got "three"']);
  });
});
