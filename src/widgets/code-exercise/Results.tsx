// The grade: n of N tests passed (the test hooks), one line per test case with its sizes and
// seed, and for the first failing case the first mismatch and the hint of its likely mistake.
import { Metric } from '../../ui/Metric';
import { fmt, useStrings } from '../../ui/i18n';
import type { ExerciseCase } from './job/exerciseCases';
import { formatJson, formatShape, type CaseGrade, type Problem } from './grade';
import { codeExerciseStrings, hintStrings, valueKindStrings } from './strings';

export interface ResultsProps {
  cases: ExerciseCase[];
  ranges: Record<string, [number, number]>;
  grades: CaseGrade[] | null;
}

function dimsText(c: ExerciseCase): string {
  return Object.entries(c.dims)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
}

export function ProblemText({ problem }: { problem: Problem }) {
  const t = useStrings(codeExerciseStrings);
  const kinds = useStrings(valueKindStrings) as Record<string, string>;
  const path = 'path' in problem && problem.path ? problem.path : t.resultRoot;
  const at = 'path' in problem && problem.path ? fmt(t.atPath, { path: problem.path }) : '';
  switch (problem.kind) {
    case 'error':
      return <>{fmt(t.threw, { message: problem.message })} {problem.line !== null && fmt(t.atLine, { line: problem.line })}</>;
    case 'shape':
      return <>{fmt(t.shape, { at, expected: formatShape(problem.expected), got: formatShape(problem.got) })}</>;
    case 'length':
      return <>{fmt(t.length, { at, expected: formatJson(problem.expected), got: formatJson(problem.got) })}</>;
    case 'nan':
      return <>{fmt(t.nan, { path })}</>;
    case 'type':
      return <>{fmt(t.type, { path, expected: kinds[problem.expected] ?? problem.expected, got: kinds[problem.got] ?? problem.got })}</>;
    case 'missing':
      return <>{fmt(t.missing, { path: problem.path.replace(/^\./, '') })}</>;
    case 'value':
      return <>{fmt(t.value, { path, expected: formatJson(problem.expected), got: formatJson(problem.got) })}</>;
  }
}

export function Results({ cases, ranges, grades }: ResultsProps) {
  const t = useStrings(codeExerciseStrings);
  const hints = useStrings(hintStrings) as Record<string, string>;
  const passed = grades ? grades.filter((g) => g.pass).length : null;
  const firstFail = grades ? grades.findIndex((g) => !g.pass) : -1;
  return (
    <div className="code-exercise-results">
      <p className="code-exercise-summary">
        <Metric name="tests-passed" value={passed ?? 0}>{passed ?? 0}</Metric>
        {' / '}
        <Metric name="tests-total" value={cases.length}>{cases.length}</Metric>
        <span className="code-exercise-summary-text">{t.summary}</span>
        {!grades && <span className="code-exercise-not-run">{t.notRun}</span>}
      </p>
      {cases.some((c) => c.kind === 'random') && (
        <p className="code-exercise-ranges">
          {fmt(t.ranges, { ranges: Object.entries(ranges).map(([k, [lo, hi]]) => (lo === hi ? `${k} = ${lo}` : `${k} ${lo}–${hi}`)).join(', ') })}
        </p>
      )}
      <ol className="code-exercise-cases" aria-label={t.tests}>
        {cases.map((c, i) => {
          const g = grades?.[i];
          const state = !g ? 'pending' : g.pass ? 'pass' : 'fail';
          return (
            <li key={i} className={`code-exercise-case is-${state}`} data-case-state={state}>
              <span className="code-exercise-case-mark" aria-hidden="true">{state === 'pass' ? '✓' : state === 'fail' ? '✗' : '·'}</span>
              <span className="code-exercise-case-name">
                {c.kind === 'example' ? t.caseExample : fmt(t.caseRandom, { seed: c.seed ?? 0 })}
                <span className="code-exercise-dims">{dimsText(c)}</span>
              </span>
              {g && <span className="visually-hidden">{g.pass ? t.pass : t.fail}</span>}
              {g && !g.pass && i === firstFail && g.problem && (
                <div className="code-exercise-problem" data-problem={g.problem.kind}>
                  <p>
                    <ProblemText problem={g.problem} />
                  </p>
                  {g.hint && (
                    <p className="code-exercise-hint" data-hint={g.hint}>
                      <strong>{t.hintLabel}:</strong> {hints[g.hint] ?? g.hint}
                    </p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
