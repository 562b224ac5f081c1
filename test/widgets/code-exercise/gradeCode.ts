// Run a piece of student code through the whole grading path in Node: the grader's cases,
// the runner (as the sandbox worker runs it) and grade.ts.
import { exerciseCasesFor, type ExerciseCasesArgs } from '../../../src/widgets/code-exercise/job/exerciseCases';
import { runStudent, type RunResult } from '../../../src/widgets/code-exercise/runner';
import { gradeCase, type CaseGrade } from '../../../src/widgets/code-exercise/grade';
import { studentHelpers } from '../../../src/widgets/code-exercise/helpers';

export function grade(code: string, args: ExerciseCasesArgs) {
  const { cases } = exerciseCasesFor(args);
  const run: RunResult = runStudent({ code, fn: args.fn, cases: cases.map((c) => c.args) }, studentHelpers);
  const grades: CaseGrade[] = run.kind === 'ran' ? cases.map((c, i) => gradeCase(c, run.runs[i])) : [];
  return { kind: run.kind, run, grades, cases };
}

/** The first failing case's grade (what the page details). */
export function firstFailure(code: string, args: ExerciseCasesArgs): CaseGrade | null {
  return grade(code, args).grades.find((g) => !g.pass) ?? null;
}
