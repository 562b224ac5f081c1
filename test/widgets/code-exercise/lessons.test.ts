// Every code exercise of the course, as the lessons write it, in both languages: its tests
// build from the grader table, its reference solution passes them (plus twenty more random
// cases), and its starter does not. The grading logic runs directly here, not in a worker.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../../src/lessons/parse';
import { exerciseCasesFor, type ExerciseCasesArgs } from '../../../src/widgets/code-exercise/job/exerciseCases';
import { graders } from '../../../src/widgets/code-exercise/job/table';
import { validateCodeExercise } from '../../../src/widgets/code-exercise/params';
import { grade } from './gradeCode';
import { hintStrings } from '../../../src/widgets/code-exercise/strings';

const root = join(__dirname, '..', '..', '..', 'lessons');

function exercisesOf(lang: 'en' | 'zh') {
  return readdirSync(join(root, lang))
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => {
      const file = `lessons/${lang}/${f}`;
      const parsed = parseLesson(readFileSync(join(root, lang, f), 'utf8'), { file, lang });
      return parsed.widgets.filter((w) => w.name === 'code-exercise').map((w) => ({ file, line: w.line, params: w.params, text: w.text }));
    });
}

function casesArgs(raw: unknown): ExerciseCasesArgs {
  const v = validateCodeExercise(raw);
  if (!v.ok) throw new Error(v.errors.join('; '));
  const { fn, example, random, seed, ranges } = v.params;
  return { fn, example, random, seed, ranges };
}

describe.each(['en', 'zh'] as const)('code exercises in lessons/%s', (lang) => {
  const list = exercisesOf(lang);

  it('cover every function of the grader table, once each', () => {
    expect(list.map((e) => (e.params as { fn: string }).fn).sort()).toEqual(Object.keys(graders).sort());
  });

  for (const ex of list) {
    const args = casesArgs(ex.params);
    it(`${ex.file}:${ex.line} ${args.fn}: the reference solution passes the lesson's tests and 20 more random cases`, () => {
      expect(ex.text?.solution).toBeTruthy();
      for (const a of [args, { ...args, example: false, random: 20, seed: args.seed + 1000 }]) {
        const r = grade(ex.text!.solution, a);
        expect(r.kind).toBe('ran');
        const failed = r.grades.flatMap((g, i) => (g.pass ? [] : [{ dims: r.cases[i].dims, problem: g.problem }]));
        expect(failed).toEqual([]);
        expect(r.grades.length).toBe((a.example ? graders[a.fn].examples().length : 0) + a.random);
      }
    });
    it(`${ex.file}:${ex.line} ${args.fn}: the starter compiles, runs and fails at least one test`, () => {
      const r = grade(ex.text!.starter, args);
      expect(r.kind).toBe('ran');
      expect(r.grades.some((g) => !g.pass)).toBe(true);
    });
  }
});

describe('hints', () => {
  it('every hint a grader can give has a text in both languages', () => {
    const keys = new Set<string>(['nan']);
    for (const [fn, g] of Object.entries(graders)) {
      const { cases } = exerciseCasesFor({ fn, example: true, random: 10, seed: 3, ranges: {} });
      keys.add(g.fallbackHint);
      for (const c of cases) for (const m of c.mistakes) keys.add(m.hint);
    }
    const missing = [...keys].filter((k) => !(k in hintStrings.en) || !(k in hintStrings.zh));
    expect(missing).toEqual([]);
  });
});
