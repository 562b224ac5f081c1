// Runs a student's function on the test inputs and returns plain results. Pure and
// synchronous: the sandbox worker calls it (with a time limit enforced from outside, by
// terminating the worker), and the Node tests call it directly.
import type { Json } from './job/exerciseCases';

export interface RunRequest {
  code: string;
  fn: string;
  /** One argument list per test case. */
  cases: Json[][];
}

export type CaseRun = { ok: true; value: Json } | { ok: false; error: string; line: number | null };

export type RunResult =
  | { kind: 'compile-error'; message: string }
  | { kind: 'no-function'; fn: string }
  | { kind: 'ran'; runs: CaseRun[] };

/** Lines the Function constructor puts before the student's first line ("function anonymous(…\n) {\n" + "use strict"). */
const HEADER_LINES = 3;
const MAX_NUMBERS = 200_000;

/** The student's line of an error, from V8's "<anonymous>:line:col" stack frames. */
function lineOf(e: unknown): number | null {
  const m = /<anonymous>:(\d+):\d+/.exec(e instanceof Error ? (e.stack ?? '') : '');
  return m ? Math.max(1, Number(m[1]) - HEADER_LINES) : null;
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : `thrown: ${String(e)}`;
}

/** The returned value as plain data (typed arrays → arrays, undefined → null), bounded in size. */
export function toPlain(v: unknown, budget = { n: MAX_NUMBERS }, depth = 0): Json {
  if (depth > 12) throw new RangeError('the result is nested more than 12 levels deep');
  if (--budget.n < 0) throw new RangeError(`the result holds more than ${MAX_NUMBERS} values`);
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return Array.from(v, (x) => toPlain(x, budget, depth + 1));
  if (typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toPlain(x, budget, depth + 1);
    return out;
  }
  throw new TypeError(`the result contains a ${typeof v}, not numbers and arrays`);
}

/**
 * Compile the code once, then call `fn` on a fresh copy of each case's arguments (a function
 * that changes its input cannot spoil the next case). `afterCompile` lets the sandbox switch
 * off code generation before any student code runs.
 */
export function runStudent(req: RunRequest, helpers: Record<string, unknown>, afterCompile?: () => void): RunResult {
  if (/\bimport\s*\(/.test(req.code)) return { kind: 'compile-error', message: 'import() is not available here: everything the exercise needs is in the page.' };
  const names = Object.keys(helpers);
  let make: (...h: unknown[]) => unknown;
  try {
    // eslint-disable-next-line no-new-func -- compiling the student's code (in the sandbox worker) is this runner's purpose
    make = new Function(...names, `"use strict";\n${req.code}\n;return typeof ${req.fn} === "function" ? ${req.fn} : undefined;`) as typeof make;
  } catch (e) {
    return { kind: 'compile-error', message: describe(e) };
  }
  afterCompile?.();
  let student: unknown;
  try {
    student = make(...names.map((n) => helpers[n]));
  } catch (e) {
    return { kind: 'ran', runs: req.cases.map(() => ({ ok: false, error: describe(e), line: lineOf(e) })) };
  }
  if (typeof student !== 'function') return { kind: 'no-function', fn: req.fn };
  const runs = req.cases.map((args): CaseRun => {
    try {
      return { ok: true, value: toPlain((student as (...a: unknown[]) => unknown)(...structuredClone(args))) };
    } catch (e) {
      return { ok: false, error: describe(e), line: lineOf(e) };
    }
  });
  return { kind: 'ran', runs };
}
