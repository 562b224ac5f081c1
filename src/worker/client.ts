// The page's side of the compute worker: spawn it (lazily), send typed requests and long
// jobs, route the worker's messages back, and restart the worker if it dies. Fast data
// (progress, snapshots) reaches callers through handle.subscribe(), never through React
// state; slow facts (worker status, job phases) go to onStatus / onJob, which the store binds.
//
// If the worker dies, every pending request is rejected and every live job gets an `error`
// event with code 'worker-restarted'; handles keep their last progress and snapshot, and the
// job's args live with the caller, so starting again loses nothing the user entered.
import type {
  FromWorker,
  JobArgs,
  JobPhase,
  JobProgress,
  JobSettings,
  JobSnapshot,
  LongJobName,
  RequestArgs,
  RequestName,
  RequestResult,
  RunOptions,
  ToWorker,
  WorkerError,
} from './protocol';

/** What the client needs of a Worker (a fake in Node tests). */
export interface WorkerLike {
  postMessage(msg: ToWorker, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}

export type WorkerStatus =
  | { state: 'idle'; restarts: 0 } // not spawned yet
  | { state: 'ready'; restarts: number }
  | { state: 'restarted'; restarts: number; reason: string };

export type JobEnd = 'done' | 'error' | 'cancelled';

export type JobEvent<N extends LongJobName> =
  | { type: 'progress'; phase: JobPhase; progress: JobProgress<N>; snapshot?: JobSnapshot<N> }
  | { type: 'phase'; phase: JobPhase }
  | { type: 'done'; progress: JobProgress<N>; snapshot?: JobSnapshot<N> }
  | { type: 'error'; error: WorkerError; progress?: JobProgress<N> }
  | { type: 'cancelled' };

export interface JobHandle<N extends LongJobName> {
  readonly id: number;
  readonly name: N;
  pause(): void;
  resume(): void;
  /** Run n steps (default 1), pausing first if running. */
  step(n?: number): void;
  cancel(): void;
  /** Change settings and/or pace mid-run (stepsPerSecond null = as fast as possible). */
  update(patch: Partial<JobSettings<N>>, pace?: { stepsPerSecond?: number | null }): void;
  /** Every event from now on; returns unsubscribe. */
  subscribe(listener: (e: JobEvent<N>) => void): () => void;
  /** The latest values received; kept after an error, a cancel or a worker crash. */
  readonly last: {
    phase: JobPhase | JobEnd;
    progress?: JobProgress<N>;
    snapshot?: JobSnapshot<N>;
    error?: WorkerError;
  };
  /** Resolves with the final event (done, error or cancelled). Never rejects. */
  readonly finished: Promise<JobEvent<N>>;
}

/** A job's slow lifecycle, for the store. */
export interface JobLifecycle {
  id: number;
  name: LongJobName;
  phase: JobPhase | JobEnd;
  error?: WorkerError;
}

/** A failed request: `message` in English, `code`/`values` for the page's language. */
export class WorkerRequestError extends Error {
  readonly code?: string;
  readonly values?: Record<string, string | number>;
  constructor(e: WorkerError) {
    super(e.message);
    this.name = 'WorkerRequestError';
    this.code = e.code;
    this.values = e.values;
  }
}

export interface ComputeClient {
  request<N extends RequestName>(name: N, args: RequestArgs<N>, opts?: { transfer?: Transferable[] }): Promise<RequestResult<N>>;
  startJob<N extends LongJobName>(name: N, args: JobArgs<N>, options?: RunOptions): JobHandle<N>;
  /** Terminate and respawn the worker (in-flight work fails with code 'worker-restarted'). */
  restart(reason?: string): void;
  /** Ask the worker to crash, to check that recovery works. */
  simulateCrash(): void;
  status(): WorkerStatus;
  onStatus(listener: (s: WorkerStatus) => void): () => void;
  onJob(listener: (j: JobLifecycle) => void): () => void;
  dispose(): void;
}

export function spawnComputeWorker(): WorkerLike {
  return new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module', name: 'convlab-compute' });
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
interface LiveJob {
  handle: JobHandle<any>;
  emit(e: JobEvent<any>): void;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export function createComputeClient(spawn: () => WorkerLike = spawnComputeWorker): ComputeClient {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  let status: WorkerStatus = { state: 'idle', restarts: 0 };
  const pending = new Map<number, Pending>();
  const live = new Map<number, LiveJob>();
  const statusListeners = new Set<(s: WorkerStatus) => void>();
  const jobListeners = new Set<(j: JobLifecycle) => void>();

  function setStatus(s: WorkerStatus) {
    status = s;
    for (const l of statusListeners) l(s);
  }

  function ensure(): WorkerLike {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (e) => receive(e.data as FromWorker);
    w.onerror = (e) => {
      // Handled here: stop the browser from also reporting it as an uncaught page error.
      e.preventDefault?.();
      const msg = e.message;
      die(msg ? `the worker failed: ${msg}` : 'the worker failed to load or crashed');
    };
    w.onmessageerror = () => die('a message from the worker could not be read');
    worker = w;
    if (status.state === 'idle') setStatus({ state: 'ready', restarts: 0 });
    return w;
  }

  function send(msg: ToWorker, transfer: Transferable[] = []) {
    ensure().postMessage(msg, transfer);
  }

  function die(reason: string) {
    worker?.terminate();
    worker = null;
    const error: WorkerError = {
      message: `The compute worker stopped (${reason}) and was restarted; your settings are kept.`,
      code: 'worker-restarted',
      values: { reason },
    };
    const failedRequests = [...pending.values()];
    pending.clear();
    const failedJobs = [...live.values()];
    live.clear();
    setStatus({ state: 'restarted', restarts: status.restarts + 1, reason });
    ensure(); // a fresh worker, ready for the next request
    for (const p of failedRequests) p.reject(new WorkerRequestError(error));
    for (const j of failedJobs) j.emit({ type: 'error', error, progress: j.handle.last.progress });
  }

  function receive(msg: FromWorker) {
    switch (msg.type) {
      case 'result':
      case 'failed': {
        const p = pending.get(msg.id);
        if (!p) return;
        pending.delete(msg.id);
        if (msg.type === 'result') p.resolve(msg.result);
        else p.reject(new WorkerRequestError(msg.error));
        return;
      }
      case 'progress':
        live.get(msg.id)?.emit({ type: 'progress', phase: msg.phase, progress: msg.progress, snapshot: msg.snapshot });
        return;
      case 'phase':
        live.get(msg.id)?.emit({ type: 'phase', phase: msg.phase });
        return;
      case 'done':
        live.get(msg.id)?.emit({ type: 'done', progress: msg.progress, snapshot: msg.snapshot });
        return;
      case 'error':
        live.get(msg.id)?.emit({ type: 'error', error: msg.error, progress: msg.progress });
        return;
      case 'cancelled':
        live.get(msg.id)?.emit({ type: 'cancelled' });
        return;
    }
  }

  function request<N extends RequestName>(name: N, args: RequestArgs<N>, opts: { transfer?: Transferable[] } = {}) {
    const id = nextId++;
    return new Promise<RequestResult<N>>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      send({ type: 'request', id, name, args }, opts.transfer ?? []);
    });
  }

  function startJob<N extends LongJobName>(name: N, args: JobArgs<N>, options?: RunOptions): JobHandle<N> {
    const id = nextId++;
    const listeners = new Set<(e: JobEvent<N>) => void>();
    let settle!: (e: JobEvent<N>) => void;
    const finished = new Promise<JobEvent<N>>((r) => (settle = r));
    const last: JobHandle<N>['last'] = { phase: options?.paused ? 'paused' : 'running' };
    const lifecycle = (phase: JobLifecycle['phase'], error?: WorkerError) => {
      for (const l of jobListeners) l({ id, name, phase, error });
    };
    // Control messages for a job that has ended (or died with a worker) are dropped.
    const control = (msg: ToWorker) => {
      if (live.has(id)) send(msg);
    };
    const handle: JobHandle<N> = {
      id,
      name,
      last,
      finished,
      pause: () => control({ type: 'pause', id }),
      resume: () => control({ type: 'resume', id }),
      step: (n = 1) => control({ type: 'step', id, n }),
      cancel: () => control({ type: 'cancel', id }),
      update: (patch, pace) =>
        control({
          type: 'update',
          id,
          // An empty patch is no settings change (a job without settings would refuse one).
          patch: Object.keys(patch).length ? (patch as Record<string, unknown>) : undefined,
          stepsPerSecond: pace?.stepsPerSecond,
        }),
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    const emit = (e: JobEvent<N>) => {
      const before = last.phase;
      if (e.type === 'progress') {
        last.phase = e.phase;
        last.progress = e.progress;
        if (e.snapshot !== undefined) last.snapshot = e.snapshot;
      } else if (e.type === 'phase') {
        last.phase = e.phase;
      } else if (e.type === 'done') {
        last.phase = 'done';
        last.progress = e.progress;
        if (e.snapshot !== undefined) last.snapshot = e.snapshot;
      } else if (e.type === 'error') {
        last.phase = 'error';
        last.error = e.error; // progress/snapshot: the last good ones stay
      } else {
        last.phase = 'cancelled';
      }
      const ended = e.type === 'done' || e.type === 'error' || e.type === 'cancelled';
      if (ended) live.delete(id);
      for (const l of [...listeners]) l(e);
      if (last.phase !== before) lifecycle(last.phase, last.error);
      if (ended) settle(e);
    };
    live.set(id, { handle, emit: emit as LiveJob['emit'] });
    lifecycle(last.phase);
    send({ type: 'start', id, name, args, options });
    return handle;
  }

  return {
    request,
    startJob,
    restart: (reason = 'restarted on request') => die(reason),
    simulateCrash: () => send({ type: 'crash' }),
    status: () => status,
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    onJob(l) {
      jobListeners.add(l);
      return () => jobListeners.delete(l);
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
      live.clear();
    },
  };
}

let shared: ComputeClient | null = null;

/** The app's one compute client (the worker itself is spawned on first use). */
export function computeClient(): ComputeClient {
  return (shared ??= createComputeClient());
}
