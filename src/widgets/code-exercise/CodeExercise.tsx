// A code exercise: statement, editor, run / reset / download / solution, and the grade.
// The tests come from the compute worker (the engine's answers); the student's code runs in
// a sandbox worker of its own; grade.ts compares. The code is kept in IndexedDB.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { computeClient } from '../../worker/client';
import type { ExerciseCasesResult } from './job/exerciseCases';
import { useStore } from '../../state/store';
import { ErrorNote } from '../../ui/Callout';
import { fmt, useStrings } from '../../ui/i18n';
import type { WidgetProps } from '../types';
import type { EditorHandle } from './Editor';
import type { CodeExerciseParams } from './params';
import { gradeCase, type CaseGrade } from './grade';
import { runInSandbox, type RunOutcome, type SandboxRun } from './sandbox';
import { downloadCode, loadExercise, saveExercise } from './storage';
import { Results } from './Results';
import { codeExerciseStrings } from './strings';
import './style.css';

const Editor = lazy(() => import('./Editor'));

type Cases = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: ExerciseCasesResult };

function starterFor(fn: string, args: string[]): string {
  return `function ${fn}(${args.join(', ')}) {\n  \n}\n`;
}

export default function CodeExercise({ params, text }: WidgetProps<CodeExerciseParams>) {
  const t = useStrings(codeExerciseStrings);
  const { fn, lesson, example, random, seed, ranges, timeLimit } = params;
  const markPassed = useStore((s) => s.markExercisePassed);
  const [cases, setCases] = useState<Cases>({ state: 'loading' });
  const [saved, setSaved] = useState<{ code: string; attempts: number } | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome | null>(null);
  const [grades, setGrades] = useState<CaseGrade[] | null>(null);
  const [showSolution, setShowSolution] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const editor = useRef<EditorHandle>(null);
  const code = useRef('');
  const seeded = useRef(false);
  const attempts = useRef(0);
  const run = useRef<SandboxRun | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const rangesKey = JSON.stringify(ranges);

  useEffect(() => {
    let live = true;
    setCases({ state: 'loading' });
    computeClient()
      .request('exercise-cases', { fn, example, random, seed, ranges: JSON.parse(rangesKey) })
      .then(
        (value) => live && setCases({ state: 'ready', value }),
        (e: unknown) => live && setCases({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [fn, example, random, seed, rangesKey]);

  const args = cases.state === 'ready' ? cases.value.args : null;
  const starter = text?.starter ?? (args ? starterFor(fn, args) : null);

  // The saved code (or the starter) seeds the editor once, before it mounts.
  useEffect(() => {
    let live = true;
    loadExercise(fn).then((r) => {
      if (!live) return;
      attempts.current = r?.attempts ?? 0;
      setSaved(r ?? { code: '', attempts: 0 });
    });
    return () => {
      live = false;
    };
  }, [fn]);

  const persist = useCallback(() => {
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      saveExercise(fn, { code: code.current, attempts: attempts.current }).then(
        () => setStorageError(null),
        (e: unknown) => setStorageError(e instanceof Error ? e.message : String(e)),
      );
    }, 400);
  }, [fn]);

  useEffect(() => () => {
    clearTimeout(saveTimer.current);
    run.current?.cancel();
  }, []);

  const onChange = useCallback(
    (c: string) => {
      code.current = c;
      setNotice(null);
      persist();
    },
    [persist],
  );

  const onRun = useCallback(() => {
    if (cases.state !== 'ready' || run.current) return;
    const list = cases.value.cases;
    attempts.current += 1;
    persist();
    setRunning(true);
    setNotice(null);
    const r = runInSandbox({ code: code.current, fn, cases: list.map((c) => c.args) }, timeLimit);
    run.current = r;
    r.done.then((o) => {
      run.current = null;
      setRunning(false);
      setOutcome(o);
      if (o.kind !== 'ran') {
        setGrades(null);
        return;
      }
      const g = list.map((c, i) => gradeCase(c, o.runs[i]));
      setGrades(g);
      if (g.every((x) => x.pass) && lesson) markPassed(lesson, fn);
    });
  }, [cases, fn, lesson, timeLimit, persist, markPassed]);

  const onReset = () => {
    if (!starter) return;
    editor.current?.replace(starter);
    setNotice(t.resetDone);
    editor.current?.focus();
  };

  const seedCode = saved && starter !== null ? (saved.code.trim() ? saved.code : starter) : null;
  if (seedCode !== null && !seeded.current) {
    seeded.current = true;
    code.current = seedCode;
  }
  const solutionUnlocked = attempts.current > 0 || outcome !== null;
  const hasSolution = !!text?.solution;
  const allPass = !!grades && grades.length > 0 && grades.every((g) => g.pass);
  const keysId = `code-exercise-keys-${fn}`;

  return (
    <div className="code-exercise" data-exercise={fn} aria-busy={running}>
      <h3 className="code-exercise-title">
        {t.title.split('{sig}')[0]}
        <code>{`${fn}(${args ? args.join(', ') : '…'})`}</code>
      </h3>
      {text?.statementHtml && <div className="prose code-exercise-statement" dangerouslySetInnerHTML={{ __html: text.statementHtml }} />}
      {cases.state === 'error' && <ErrorNote alert>{fmt(t.casesError, { message: cases.message })}</ErrorNote>}

      {seedCode === null ? (
        <p className="code-exercise-loading" role="status">{t.editorLoading}</p>
      ) : (
        <Suspense fallback={<p className="code-exercise-loading" role="status">{t.editorLoading}</p>}>
          <Editor ref={editor} initial={seedCode} label={fmt(t.editorLabel, { fn })} describedBy={keysId} onChange={onChange} onRun={onRun} />
        </Suspense>
      )}
      <p className="code-exercise-note" id={keysId}>
        {t.keysNote} {t.savedLocally}
      </p>

      <div className="code-exercise-actions">
        <button type="button" className="btn btn-primary" data-action="start" onClick={onRun} disabled={cases.state !== 'ready' || running || seedCode === null}>
          {running ? t.running : t.run}
        </button>
        <button type="button" className="btn" data-action="reset" onClick={onReset} disabled={!starter || seedCode === null}>
          {t.reset}
        </button>
        <button type="button" className="btn" data-action="download" onClick={() => downloadCode(fn, code.current)} disabled={seedCode === null}>
          {t.download}
        </button>
        {hasSolution && (
          <button
            type="button"
            className="btn btn-quiet"
            data-action="solution"
            aria-expanded={showSolution}
            onClick={() => setShowSolution((s) => !s)}
            disabled={!solutionUnlocked}
            title={solutionUnlocked ? undefined : t.solutionLocked}
          >
            {showSolution ? t.hideSolution : t.showSolution}
          </button>
        )}
      </div>
      {hasSolution && !solutionUnlocked && <p className="code-exercise-note">{t.solutionLocked}</p>}
      {notice && <p className="code-exercise-notice" role="status">{notice}</p>}
      {storageError && <ErrorNote>{fmt(t.storageError, { message: storageError })}</ErrorNote>}

      <div aria-live="polite">
        {outcome?.kind === 'compile-error' && <ErrorNote>{fmt(t.compileError, { message: outcome.message })}</ErrorNote>}
        {outcome?.kind === 'no-function' && <ErrorNote>{fmt(t.noFunction, { fn: outcome.fn })}</ErrorNote>}
        {outcome?.kind === 'timeout' && <ErrorNote>{fmt(t.timeout, { s: outcome.seconds })}</ErrorNote>}
        {outcome?.kind === 'crash' && <ErrorNote>{fmt(t.sandboxCrash, { message: outcome.message })}</ErrorNote>}
        {allPass && <p className="code-exercise-done">{t.allPassed}</p>}
      </div>
      {cases.state === 'ready' && <Results cases={cases.value.cases} ranges={cases.value.ranges} grades={outcome?.kind === 'ran' ? grades : outcome ? cases.value.cases.map(() => ({ pass: false, problem: null, hint: null })) : null} />}

      {showSolution && text?.solution && (
        <div className="code-exercise-solution">
          <h4>{t.solutionTitle}</h4>
          <pre>
            <code>{text.solution}</code>
          </pre>
          <button type="button" className="btn" onClick={() => editor.current?.replace(text.solution)}>
            {t.copySolution}
          </button>
        </div>
      )}
    </div>
  );
}
