// Grading a student's outputs against the engine's: the first mismatch (where, expected vs
// got), and the hint of the first typical mistake the output matches. Pure; the page and the
// Node tests call it on the results of runner.ts.
import type { ExerciseCase, Json, Mistake } from './job/exerciseCases';
import type { CaseRun } from './runner';

/** Float32 engine vs float64 student: |got − expected| ≤ ATOL + RTOL·|expected|. */
const ATOL = 1e-5;
const RTOL = 1e-4;

export type Problem =
  | { kind: 'error'; message: string; line: number | null }
  | { kind: 'shape'; path: string; expected: number[]; got: number[] }
  | { kind: 'length'; path: string; expected: Json; got: Json }
  | { kind: 'nan'; path: string }
  | { kind: 'type'; path: string; expected: string; got: string }
  | { kind: 'missing'; path: string }
  | { kind: 'value'; path: string; expected: Json; got: Json };

export interface CaseGrade {
  pass: boolean;
  problem: Problem | null;
  /** Key of the hint to show (a typical mistake, or the exercise's general hint). */
  hint: string | null;
}

const typeName = (v: Json): string => (v === null ? 'nothing (undefined)' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a record' : `a ${typeof v}`);

export function shapeOf(x: Json): number[] {
  const s: number[] = [];
  for (let cur = x; Array.isArray(cur); cur = cur[0]) s.push(cur.length);
  return s;
}

const isFlatNumbers = (x: Json): x is number[] => Array.isArray(x) && x.every((v) => typeof v === 'number');

/** The first place where `got` differs from `expected` (null: they agree). */
export function firstMismatch(expected: Json, got: Json, path = ''): Problem | null {
  if (typeof expected === 'number') {
    if (typeof got !== 'number') return { kind: 'type', path, expected: 'a number', got: typeName(got) };
    if (Number.isNaN(got)) return { kind: 'nan', path };
    return Math.abs(got - expected) <= ATOL + RTOL * Math.abs(expected) ? null : { kind: 'value', path, expected, got };
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got)) return { kind: 'type', path, expected: 'a list', got: typeName(got) };
    if (got.length !== expected.length) {
      // Short lists of numbers (kept indices, scores) read best whole; arrays by their shape.
      if (isFlatNumbers(expected) && expected.length <= 12 && got.length <= 12) return { kind: 'length', path, expected, got };
      return { kind: 'shape', path, expected: shapeOf(expected), got: shapeOf(got) };
    }
    for (let i = 0; i < expected.length; i++) {
      const p = firstMismatch(expected[i], got[i], `${path}[${i}]`);
      if (p) {
        // A ragged answer (a row too short deep inside) is still a shape problem.
        if (p.kind === 'length' || p.kind === 'shape') return { kind: 'shape', path, expected: shapeOf(expected), got: shapeOf(got) };
        return p;
      }
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return { kind: 'type', path, expected: 'a record', got: typeName(got) };
    for (const k of Object.keys(expected)) {
      if (!(k in got)) return { kind: 'missing', path: `${path}.${k}` };
      const p = firstMismatch(expected[k], got[k], path ? `${path}.${k}` : k);
      if (p) return p;
    }
    return null;
  }
  return got === expected ? null : { kind: 'value', path, expected, got };
}

function field(got: Json, key?: string): Json | undefined {
  if (!key) return got;
  return got !== null && typeof got === 'object' && !Array.isArray(got) ? got[key] : undefined;
}

/** Does the output look like this typical mistake's? */
export function matches(m: Mistake, got: Json): boolean {
  const sub = field(got, m.key);
  if (sub === undefined) return false;
  if ('value' in m) return firstMismatch(m.value, sub) === null;
  const s = shapeOf(sub);
  return s.length === m.shape.length && s.every((d, i) => d === m.shape[i]);
}

export function gradeCase(c: ExerciseCase, run: CaseRun): CaseGrade {
  if (!run.ok) {
    // Reading x[i][j] past the end of an array gives undefined, and undefined[k] throws.
    const outside = /Cannot read propert(y|ies) of undefined|undefined is not an object/.test(run.error);
    return { pass: false, problem: { kind: 'error', message: run.error, line: run.line }, hint: outside ? 'outOfRange' : null };
  }
  const problem = firstMismatch(c.expected, run.value);
  if (!problem) return { pass: true, problem: null, hint: null };
  // A mistake that the right answer also fits (e.g. ⌈·⌉ = ⌊·⌋ when the stride divides) says nothing.
  const mistake = c.mistakes.find((m) => matches(m, run.value) && !matches(m, c.expected));
  const hint = mistake?.hint ?? (problem.kind === 'nan' ? 'nan' : c.fallbackHint);
  return { pass: false, problem, hint };
}

/** Numbers as a reader wants them in a message: at most 6 significant digits. */
export function formatJson(v: Json): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (Array.isArray(v)) return `[${v.map(formatJson).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${k}: ${formatJson(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

/** (2, 5, 5, 3) — shapes in the course's notation. */
export const formatShape = (s: number[]): string => `(${s.join(', ')}${s.length === 1 ? ',' : ''})`;
