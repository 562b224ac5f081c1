// exercise-cases: the test cases of one code exercise, with the engine's answers. The page
// runs the student's function on `args` in its own sandbox worker and compares with
// `expected`; when the answer is wrong, `mistakes` say which typical error it matches.
// Random case i is drawn from seed + i, so a case the page shows can be drawn again.
import { rng } from '../../../engine/random';
import { JobError, defineRequest } from '../../../worker/job';
import { graders } from './table';
import type { Json } from './nested';
import type { Mistake } from './types';

export type { Json } from './nested';
export type { Mistake } from './types';

export interface ExerciseCasesArgs {
  fn: string;
  /** Include the lesson's worked example(s). */
  example: boolean;
  random: number;
  seed: number;
  /** Overrides of the grader's default ranges, e.g. { n_H: [3, 6] }. */
  ranges: Record<string, [number, number]>;
}

export interface ExerciseCase {
  kind: 'example' | 'random';
  seed: number | null;
  dims: Record<string, number | string>;
  args: Json[];
  expected: Json;
  mistakes: Mistake[];
  fallbackHint: string;
}

export interface ExerciseCasesResult {
  args: string[];
  /** The ranges the random cases were drawn from (defaults with the lesson's overrides). */
  ranges: Record<string, [number, number]>;
  cases: ExerciseCase[];
}

export function exerciseCasesFor(a: ExerciseCasesArgs): ExerciseCasesResult {
  const g = graders[a.fn];
  if (!g) throw new JobError('unknown-exercise', `no grader for "${a.fn}" (known: ${Object.keys(graders).join(', ')})`, { fn: a.fn });
  const ranges: Record<string, [number, number]> = {};
  for (const [k, spec] of Object.entries(g.ranges)) ranges[k] = spec.default;
  for (const [k, v] of Object.entries(a.ranges)) {
    const spec = g.ranges[k];
    if (!spec) throw new JobError('bad-range', `${a.fn} has no range "${k}" (known: ${Object.keys(g.ranges).join(', ')})`, { key: k });
    if (!(spec.min <= v[0] && v[0] <= v[1] && v[1] <= spec.max)) {
      throw new JobError('bad-range', `${a.fn}: range ${k} must lie within ${spec.min}–${spec.max}, got ${v[0]}–${v[1]}`, { key: k });
    }
    ranges[k] = v;
  }
  const make = (kind: ExerciseCase['kind'], seed: number | null, c: { args: Json[]; dims: ExerciseCase['dims'] }): ExerciseCase => ({
    kind,
    seed,
    dims: c.dims,
    args: c.args,
    expected: g.reference(c.args),
    mistakes: g.mistakes(c.args),
    fallbackHint: g.fallbackHint,
  });
  const cases = a.example ? g.examples().map((c) => make('example', null, c)) : [];
  for (let i = 0; i < a.random; i++) cases.push(make('random', a.seed + i, g.random(rng(a.seed + i), ranges)));
  return { args: g.args, ranges, cases };
}

export const exerciseCases = defineRequest<ExerciseCasesArgs, ExerciseCasesResult>(exerciseCasesFor);
