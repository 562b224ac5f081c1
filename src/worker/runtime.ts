// The job runner behind the worker, as a pure function of a post() callback, a clock and a
// scheduler, so Node tests can drive it with a fake clock and no Worker at all.
//
// Long jobs run cooperatively: a tick runs steps for at most `sliceMs` (~12 ms), then yields
// to the event loop, so pause / cancel / update messages are handled between slices. Progress
// and snapshots are sent at most `fps` times a second (and always after a pause, a single-step
// or an update), never once per step.
import { jobs as defaultJobs } from './jobs';
import { JobError, type AnyJob, type AnyLongJob } from './job';
import type { JobPhase, Post, RunOptions, ToWorker, WorkerError } from './protocol';

export type Schedule = (fn: () => void, delayMs: number) => void;

export interface RuntimeOptions {
  jobs?: Readonly<Record<string, AnyJob>>;
  now?: () => number;
  schedule?: Schedule;
  sliceMs?: number;
}

export interface Runtime {
  handle(msg: ToWorker): void;
  /** Ids of jobs that are running or paused. */
  active(): number[];
}

interface Run {
  id: number;
  job: AnyLongJob;
  state: unknown;
  phase: JobPhase;
  frameMs: number;
  rate: number; // steps per second; Infinity = as fast as possible
  rateStart: number;
  rateSteps: number;
  lastFrame: number;
  unreported: number; // steps since the last progress message
  scheduled: boolean;
  wakeToken: number; // a newer wake() supersedes an older, still-pending tick
  lastProgress?: unknown;
}

/** A readable error for the page, keeping a JobError's code so the page can translate it. */
export function toWorkerError(e: unknown): WorkerError {
  if (e instanceof JobError) return { message: e.message, code: e.code, values: e.values };
  if (e instanceof Error) return { message: e.message || e.name };
  return { message: String(e) };
}

/** Every ArrayBuffer under a value (typed arrays in plain objects/arrays), each once. */
export function collectTransfers(value: unknown, out: Set<ArrayBuffer> = new Set(), depth = 0): ArrayBuffer[] {
  if (value && typeof value === 'object' && depth < 6) {
    if (ArrayBuffer.isView(value)) {
      if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    } else if (value instanceof ArrayBuffer) {
      out.add(value);
    } else {
      for (const v of Array.isArray(value) ? value : Object.values(value)) collectTransfers(v, out, depth + 1);
    }
  }
  return [...out];
}

/** Yield to the event loop without setTimeout's 4 ms clamp (a MessageChannel round trip). */
export function defaultSchedule(): Schedule {
  if (typeof MessageChannel === 'undefined') return (fn, d) => void setTimeout(fn, d);
  const ch = new MessageChannel();
  const queue: (() => void)[] = [];
  ch.port1.onmessage = () => queue.shift()?.();
  (ch.port1 as { unref?: () => void }).unref?.();
  return (fn, d) => {
    if (d > 0) setTimeout(fn, d);
    else {
      queue.push(fn);
      ch.port2.postMessage(0);
    }
  };
}

const clampFps = (fps: number | undefined) => Math.min(60, Math.max(1, fps ?? 20));
const toRate = (r: number | null | undefined) => (r && r > 0 && Number.isFinite(r) ? r : Infinity);

export function createRuntime(post: Post, opts: RuntimeOptions = {}): Runtime {
  const table = opts.jobs ?? (defaultJobs as Readonly<Record<string, AnyJob>>);
  const now = opts.now ?? (() => performance.now());
  const schedule = opts.schedule ?? defaultSchedule();
  const sliceMs = opts.sliceMs ?? 12;
  const runs = new Map<number, Run>();

  function fail(run: Run, e: unknown) {
    runs.delete(run.id);
    post({ type: 'error', id: run.id, error: toWorkerError(e), progress: run.lastProgress }, []);
  }

  /** Send progress (+ snapshot); false if the job threw while reporting. */
  function report(run: Run, t: number): boolean {
    try {
      const progress = run.job.progress(run.state);
      const snapshot = run.job.snapshot?.(run.state);
      post({ type: 'progress', id: run.id, phase: run.phase, progress, snapshot }, collectTransfers(snapshot));
      run.lastProgress = progress;
      run.lastFrame = t;
      run.unreported = 0;
      return true;
    } catch (e) {
      fail(run, e);
      return false;
    }
  }

  function finish(run: Run) {
    runs.delete(run.id);
    try {
      const progress = run.job.progress(run.state);
      const snapshot = run.job.snapshot?.(run.state);
      post({ type: 'done', id: run.id, progress, snapshot }, collectTransfers(snapshot));
    } catch (e) {
      post({ type: 'error', id: run.id, error: toWorkerError(e), progress: run.lastProgress }, []);
    }
  }

  /** Run up to `max` steps; stops early after sliceMs. Returns 'done' | 'failed' | steps run. */
  function runSteps(run: Run, max: number, t0: number): number | 'done' | 'failed' {
    let n = 0;
    try {
      while (n < max) {
        const finished = run.job.step(run.state);
        n++;
        run.rateSteps++;
        run.unreported++;
        if (finished) return 'done';
        if (now() - t0 >= sliceMs) break;
      }
    } catch (e) {
      fail(run, e);
      return 'failed';
    }
    return n;
  }

  /** Schedule the next tick; `force` replaces a pending (possibly delayed) one. */
  function wake(run: Run, delay = 0, force = false) {
    if (run.scheduled && !force) return;
    run.scheduled = true;
    const token = ++run.wakeToken;
    schedule(() => tick(run, token), delay);
  }

  function tick(run: Run, token: number) {
    if (token !== run.wakeToken) return;
    run.scheduled = false;
    if (runs.get(run.id) !== run || run.phase !== 'running') return;
    const t0 = now();
    // Steps allowed by the pace cap: the first step is immediate, then one every 1/rate s.
    const allowed = run.rate === Infinity ? Infinity : Math.floor(((t0 - run.rateStart) * run.rate) / 1000) + 1 - run.rateSteps;
    const r = allowed > 0 ? runSteps(run, allowed, t0) : 0;
    if (r === 'failed') return;
    if (r === 'done') return finish(run);
    const t = now();
    const delay = run.rate === Infinity ? 0 : Math.max(0, run.rateStart + (run.rateSteps * 1000) / run.rate - t);
    if (run.unreported > 0 && (t - run.lastFrame >= run.frameMs || delay >= run.frameMs)) {
      if (!report(run, t)) return;
    }
    wake(run, delay);
  }

  function setPhase(run: Run, phase: JobPhase) {
    run.phase = phase;
    run.rateStart = now();
    run.rateSteps = 0;
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'request': {
        const job = table[msg.name];
        if (!job || job.kind !== 'request') {
          post({ type: 'failed', id: msg.id, error: { message: `unknown request "${msg.name}"`, code: 'unknown-job' } }, []);
          return;
        }
        let result: unknown;
        try {
          result = job.run(msg.args);
        } catch (e) {
          post({ type: 'failed', id: msg.id, error: toWorkerError(e) }, []);
          return;
        }
        post({ type: 'result', id: msg.id, result }, collectTransfers(result));
        return;
      }
      case 'start': {
        const job = table[msg.name];
        if (!job || job.kind !== 'long') {
          post({ type: 'error', id: msg.id, error: { message: `unknown job "${msg.name}"`, code: 'unknown-job' } }, []);
          return;
        }
        const o: RunOptions = msg.options ?? {};
        const run: Run = {
          id: msg.id,
          job,
          state: undefined,
          phase: o.paused ? 'paused' : 'running',
          frameMs: 1000 / clampFps(o.fps),
          rate: toRate(o.stepsPerSecond),
          rateStart: now(),
          rateSteps: 0,
          lastFrame: -Infinity,
          unreported: 0,
          scheduled: false,
          wakeToken: 0,
        };
        try {
          run.state = job.init(msg.args);
        } catch (e) {
          post({ type: 'error', id: msg.id, error: toWorkerError(e) }, []);
          return;
        }
        runs.set(run.id, run);
        // The starting point (step 0), so the page can draw it at once.
        if (report(run, now()) && run.phase === 'running') wake(run);
        return;
      }
      case 'pause': {
        const run = runs.get(msg.id);
        if (!run || run.phase === 'paused') return;
        setPhase(run, 'paused');
        report(run, now()); // the true count where it stopped
        return;
      }
      case 'resume': {
        const run = runs.get(msg.id);
        if (!run || run.phase === 'running') return;
        setPhase(run, 'running');
        post({ type: 'phase', id: run.id, phase: 'running' }, []);
        wake(run, 0, true);
        return;
      }
      case 'step': {
        const run = runs.get(msg.id);
        if (!run) return;
        if (run.phase === 'running') setPhase(run, 'paused');
        const n = Math.max(1, Math.floor(msg.n ?? 1));
        // A single-step is a user click: run exactly n steps, not limited by the time slice.
        let r: number | 'done' | 'failed' = 0;
        try {
          for (let i = 0; i < n; i++) {
            run.unreported++;
            if (run.job.step(run.state)) {
              r = 'done';
              break;
            }
          }
        } catch (e) {
          fail(run, e);
          r = 'failed';
        }
        if (r === 'done') finish(run);
        else if (r !== 'failed') report(run, now());
        return;
      }
      case 'cancel': {
        if (!runs.delete(msg.id)) return;
        post({ type: 'cancelled', id: msg.id }, []);
        return;
      }
      case 'update': {
        const run = runs.get(msg.id);
        if (!run) return;
        if (msg.patch) {
          if (!run.job.update) {
            fail(run, new JobError('no-settings', 'this job has no settings to change'));
            return;
          }
          try {
            run.job.update(run.state, msg.patch);
          } catch (e) {
            fail(run, e);
            return;
          }
        }
        if (msg.stepsPerSecond !== undefined) {
          run.rate = toRate(msg.stepsPerSecond);
          run.rateStart = now();
          run.rateSteps = 0;
          if (run.phase === 'running') wake(run, 0, true);
        }
        report(run, now());
        return;
      }
      case 'crash':
        // Only the worker entry can really die; a bare runtime ignores it.
        return;
      case 'heartbeat':
        post({ type: 'alive' }, []);
        return;
    }
  }

  return { handle, active: () => [...runs.keys()] };
}
