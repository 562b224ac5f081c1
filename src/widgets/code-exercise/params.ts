// code-exercise params: which function the student writes and which tests run. Written by an
// ```exercise block (src/lessons/exerciseBlock.ts) or as JSON in a ```widget code-exercise
// block. Whether `fn` has a grader and the ranges fit it is checked by the grader itself
// (job/exerciseCases.ts): the page shows its message in place, and the lesson tests
// build every block's cases.
import { bool, int, schema, type Field } from '../params';
import type { Validation } from '../types';

export interface CodeExerciseParams extends Record<string, unknown> {
  fn: string;
  /** The lesson the exercise belongs to (progress on the course map). */
  lesson: string;
  example: boolean;
  random: number;
  seed: number;
  ranges: Record<string, [number, number]>;
  /** Seconds before a run is stopped. */
  timeLimit: number;
}

export const codeExerciseDefaults: CodeExerciseParams = {
  fn: 'zeroPad',
  lesson: '',
  example: true,
  random: 3,
  seed: 1,
  ranges: {},
  timeLimit: 3,
};

function identifier(): Field<string> {
  return {
    check: (v, key) =>
      typeof v === 'string' && /^[A-Za-z_$][\w$]*$/.test(v) ? { ok: true, value: v } : { ok: false, error: `${key} must be a JavaScript function name` },
  };
}

function text(): Field<string> {
  return { check: (v, key) => (typeof v === 'string' ? { ok: true, value: v } : { ok: false, error: `${key} must be a string` }) };
}

function ranges(): Field<Record<string, [number, number]>> {
  return {
    check(v, key) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, error: `${key} must be an object of [lo, hi] pairs` };
      const out: Record<string, [number, number]> = {};
      for (const [k, r] of Object.entries(v)) {
        if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => Number.isInteger(x)) || r[0] > r[1]) {
          return { ok: false, error: `${key}.${k} must be [lo, hi] whole numbers with lo ≤ hi` };
        }
        out[k] = [r[0], r[1]];
      }
      return { ok: true, value: out };
    },
  };
}

export const validateCodeExercise: (raw: unknown) => Validation<CodeExerciseParams> = schema<CodeExerciseParams>(
  { fn: identifier(), lesson: text(), example: bool(), random: int(0, 10), seed: int(0, 1_000_000), ranges: ranges(), timeLimit: int(1, 10) },
  codeExerciseDefaults,
);
