// The page's side of the sandbox: a fresh worker per run, loaded from its own same-origin URL
// (never a blob:), terminated when the run ends or when the time limit passes. Terminating is
// the only way to stop a loop that never returns; the page's thread is never involved.
import type { RunRequest, RunResult } from './runner';

export type RunOutcome = RunResult | { kind: 'timeout'; seconds: number } | { kind: 'crash'; message: string };

export interface SandboxRun {
  done: Promise<RunOutcome>;
  cancel(): void;
}

export function runInSandbox(req: RunRequest, seconds: number): SandboxRun {
  let worker: Worker | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settle: (o: RunOutcome) => void = () => {};
  const done = new Promise<RunOutcome>((resolve) => {
    settle = (o) => {
      clearTimeout(timer);
      worker?.terminate();
      worker = null;
      resolve(o);
      settle = () => {};
    };
  });
  try {
    worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'code-exercise-sandbox' });
    worker.onmessage = (e: MessageEvent<RunResult>) => settle(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      settle({ kind: 'crash', message: e.message || 'the sandbox worker failed to start' });
    };
    worker.onmessageerror = () => settle({ kind: 'crash', message: 'the result could not be read' });
    timer = setTimeout(() => settle({ kind: 'timeout', seconds }), seconds * 1000);
    worker.postMessage(req);
  } catch (e) {
    settle({ kind: 'crash', message: e instanceof Error ? e.message : String(e) });
  }
  return { done, cancel: () => settle({ kind: 'crash', message: 'cancelled' }) };
}
