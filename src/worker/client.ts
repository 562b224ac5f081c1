// The page's side of the compute worker: spawn it (lazily), send typed requests and long
// jobs, route the worker's messages back, and restart the worker if it dies. Fast data
// (progress, snapshots) reaches callers through handle.subscribe(), never through React
// state; slow facts (worker status, job phases) go to onStatus / onJob, which the store binds.
//
// If the worker dies, every pending request is rejected and every live job gets an `error`
// event with code 'worker-restarted'; handles keep their last progress and snapshot, and the
// job's args live with the caller, so starting again loses nothing the user entered.
//
// A worker can also die without a sound (it called close(), or the browser dropped it): no
// error event ever comes. So while work is outstanding the client sends heartbeats, and a
// worker that leaves one unanswered for too long is treated as dead and restarted. A worker
// busy with a request cannot answer until the request ends (requests run to completion), so
// a heartbeat sent while one is in flight is given far longer than one sent during jobs,
// which yield to the message queue every few milliseconds.
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
  | { state: 'restarted'; restarts: number; reason: string }
  /** The worker could not even start (its code failed to load); the next use tries again. */
  | { state: 'failed'; restarts: number; reason: string };

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

export interface RequestOptions {
  /** Buffers to move to the worker instead of copying (they become unusable here). */
  transfer?: Transferable[];
  /**
   * Coalesce by key ("latest wins", for sliders): at most one request per key is in the
   * worker and one waits; a newer request replaces the waiting one, whose promise rejects
   * with code 'superseded'. Keeps the worker from falling behind a dragged slider.
   */
  latest?: string;
}

export interface ComputeClient {
  request<N extends RequestName>(name: N, args: RequestArgs<N>, opts?: RequestOptions): Promise<RequestResult<N>>;
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

/* eslint-disable @typescript-eslint/no-explicit-any -- one record for live jobs of every kind; the typed handle wraps it */
interface LiveJob {
  handle: JobHandle<any>;
  emit(e: JobEvent<any>): void;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** How closely the worker is watched (tests shorten these). */
export interface WatchOptions {
  /** Heartbeat period while work is outstanding. */
  beatMs?: number;
  /** Longest wait for an answer while only jobs run (they yield every few ms). */
  silentMs?: number;
  /** Longest wait when a request (which runs to completion) was in flight. */
  busySilentMs?: number;
}

export const DEFAULT_WATCH: Required<WatchOptions> = { beatMs: 2000, silentMs: 10_000, busySilentMs: 60_000 };

export function createComputeClient(spawn: () => WorkerLike = spawnComputeWorker, watchOptions: WatchOptions = {}): ComputeClient {
  const watch = { ...DEFAULT_WATCH, ...watchOptions };
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

  let loaded = false; // the current worker said 'ready'

  function ensure(): WorkerLike {
    if (worker) return worker;
    const w = spawn();
    loaded = false;
    w.onmessage = (e) => {
      if (w === worker) {
        beat = null; // any message proves it is alive
        receive(e.data as FromWorker);
        watchWhileBusy(); // e.g. a resumed job is running again
      }
    };
    w.onerror = (e) => {
      // Handled here: stop the browser from also reporting it as an uncaught page error.
      e.preventDefault?.();
      if (w !== worker) return;
      const msg = e.message;
      die(msg ? `the worker failed: ${msg}` : 'the worker failed to load or crashed');
    };
    w.onmessageerror = () => {
      if (w === worker) die('a message from the worker could not be read');
    };
    worker = w;
    if (status.state === 'idle' || status.state === 'failed') setStatus({ state: 'ready', restarts: status.restarts });
    return w;
  }

  function send(msg: ToWorker, transfer: Transferable[] = []) {
    ensure().postMessage(msg, transfer);
    watchWhileBusy();
  }

  // The heartbeat: one outstanding at a time; `limit` depends on what was in flight when sent.
  let beat: { sentAt: number; limit: number } | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const busy = () => pending.size > 0 || [...live.values()].some((j) => j.handle.last.phase === 'running');
  /**
   * Before new work reaches an idle worker, a heartbeat goes first: a living worker answers
   * it at once (nothing is ahead of it in its queue), so a worker that died while idle is
   * found within silentMs rather than after the long limit of the request behind it.
   */
  function probeIfIdle() {
    if (!worker || !loaded || beat !== null || busy()) return;
    beat = { sentAt: Date.now(), limit: watch.silentMs };
    worker.postMessage({ type: 'heartbeat' }, []);
  }
  function watchWhileBusy() {
    if (timer !== null || !busy()) return;
    timer = setInterval(check, watch.beatMs);
    (timer as { unref?: () => void }).unref?.();
  }
  function check() {
    if (!worker || !busy()) {
      if (timer !== null) clearInterval(timer);
      timer = null;
      beat = null;
      return;
    }
    if (!loaded) return; // still loading its code: a load failure comes as an error event
    const now = Date.now();
    if (beat === null) {
      beat = { sentAt: now, limit: pending.size > 0 ? watch.busySilentMs : watch.silentMs };
      worker.postMessage({ type: 'heartbeat' }, []);
    } else if (now - beat.sentAt > beat.limit) {
      die(`it stopped answering for ${Math.round((now - beat.sentAt) / 1000)} s`, true);
    }
  }

  function die(reason: string, force = false) {
    worker?.terminate();
    worker = null;
    beat = null;
    const restarting = loaded || force;
    const error: WorkerError = restarting
      ? {
          message: `The compute worker stopped (${reason}) and was restarted; your settings are kept.`,
          code: 'worker-restarted',
          values: { reason },
        }
      : { message: `The compute worker could not start (${reason}).`, code: 'worker-unavailable', values: { reason } };
    const failedRequests = [...pending.values()];
    pending.clear();
    const failedJobs = [...live.values()];
    live.clear();
    for (const q of queued.values()) failedRequests.push({ resolve: () => {}, reject: q.reject });
    queued.clear();
    inFlight.clear();
    if (restarting) {
      setStatus({ state: 'restarted', restarts: status.restarts + 1, reason });
      ensure(); // a fresh worker, ready for the next request
    } else {
      // It died before loading: respawning now would only loop. The next use tries again.
      setStatus({ state: 'failed', restarts: status.restarts, reason });
    }
    for (const p of failedRequests) p.reject(new WorkerRequestError(error));
    for (const j of failedJobs) j.emit({ type: 'error', error, progress: j.handle.last.progress });
  }

  function receive(msg: FromWorker) {
    switch (msg.type) {
      case 'ready':
        loaded = true;
        return;
      case 'alive':
        return;
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

  // "latest wins" bookkeeping: key → the request waiting for its predecessor to finish.
  const inFlight = new Set<string>();
  const queued = new Map<string, { reject(e: Error): void; fire(): void }>();

  function request<N extends RequestName>(name: N, args: RequestArgs<N>, opts: RequestOptions = {}) {
    return new Promise<RequestResult<N>>((resolve, reject) => {
      const fire = (p: Pending) => {
        const id = nextId++;
        probeIfIdle();
        pending.set(id, p);
        send({ type: 'request', id, name, args }, opts.transfer ?? []);
      };
      const key = opts.latest;
      if (key === undefined) return fire({ resolve: resolve as (v: unknown) => void, reject });
      // Coalesced: when this one settles, send whatever is waiting under the same key.
      const next = () => {
        inFlight.delete(key);
        const q = queued.get(key);
        if (q) {
          queued.delete(key);
          q.fire();
        }
      };
      const p: Pending = {
        resolve: (v) => (next(), resolve(v as RequestResult<N>)),
        reject: (e) => (next(), reject(e)),
      };
      const go = () => {
        inFlight.add(key);
        fire(p);
      };
      if (!inFlight.has(key)) return go();
      queued.get(key)?.reject(
        new WorkerRequestError({ message: 'replaced by a newer request', code: 'superseded' }),
      );
      queued.set(key, { reject, fire: go });
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
    probeIfIdle();
    live.set(id, { handle, emit: emit as LiveJob['emit'] });
    lifecycle(last.phase);
    send({ type: 'start', id, name, args, options });
    return handle;
  }

  return {
    request,
    startJob,
    restart: (reason = 'restarted on request') => die(reason, true),
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
      if (timer !== null) clearInterval(timer);
      timer = null;
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
