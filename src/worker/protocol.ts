// The worker protocol: types only. Every message is a discriminated union on `type`; the
// job names, their args, results, progress and snapshots are all derived from the job table
// (src/worker/jobs.ts), so a new job needs no edit here.
import type { JobTable } from './jobs';
import type { LongJob, RequestJob } from './job';

/* eslint-disable @typescript-eslint/no-explicit-any -- conditional types that pick jobs by kind match any argument type */
export type RequestName = { [K in keyof JobTable]: JobTable[K] extends RequestJob<any, any> ? K : never }[keyof JobTable];
export type LongJobName = {
  [K in keyof JobTable]: JobTable[K] extends LongJob<any, any, any, any, any> ? K : never;
}[keyof JobTable];

export type RequestArgs<N extends RequestName> = JobTable[N] extends RequestJob<infer A, any> ? A : never;
export type RequestResult<N extends RequestName> = JobTable[N] extends RequestJob<any, infer R> ? R : never;

export type JobArgs<N extends LongJobName> = JobTable[N] extends LongJob<infer A, any, any, any, any> ? A : never;
export type JobProgress<N extends LongJobName> = JobTable[N] extends LongJob<any, any, infer P, any, any> ? P : never;
export type JobSnapshot<N extends LongJobName> = JobTable[N] extends LongJob<any, any, any, infer S, any> ? S : never;
export type JobSettings<N extends LongJobName> = JobTable[N] extends LongJob<any, any, any, any, infer U> ? U : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** How the runtime drives a long job. */
export interface RunOptions {
  /** Progress/snapshot messages per second (clamped to 1…60). Default 20. */
  fps?: number;
  /** Cap on steps per second, for animations a person should follow. Default: as fast as possible. */
  stepsPerSecond?: number;
  /** Start paused (the page then single-steps or resumes). Default false. */
  paused?: boolean;
}

/** A readable error: `message` in English; `code` + `values` let the page say it in its language. */
export interface WorkerError {
  message: string;
  code?: string;
  values?: Record<string, string | number>;
}

export type ToWorker =
  | { type: 'request'; id: number; name: string; args: unknown }
  | { type: 'start'; id: number; name: string; args: unknown; options?: RunOptions }
  | { type: 'pause'; id: number }
  | { type: 'resume'; id: number }
  /** Run n steps now (pausing the job first if it is running), then report. */
  | { type: 'step'; id: number; n?: number }
  | { type: 'cancel'; id: number }
  /** Change a job's settings and/or its pace mid-run. */
  | { type: 'update'; id: number; patch?: Record<string, unknown>; stepsPerSecond?: number | null }
  /** Tests and the system check: make the worker die as if it had crashed. */
  | { type: 'crash' }
  /** Are you there? Answered with 'alive' as soon as the worker gets to it. */
  | { type: 'heartbeat' };

export type JobPhase = 'running' | 'paused';

export type FromWorker =
  /** Sent once when the worker's code has loaded (an error before it = the worker cannot start). */
  | { type: 'ready' }
  /** The answer to a heartbeat. */
  | { type: 'alive' }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'failed'; id: number; error: WorkerError }
  /** Throttled: at most `fps` per second per job, plus one after every single-step. */
  | { type: 'progress'; id: number; phase: JobPhase; progress: unknown; snapshot?: unknown }
  /** Acknowledges pause/resume so the page shows the true phase. */
  | { type: 'phase'; id: number; phase: JobPhase }
  | { type: 'done'; id: number; progress: unknown; snapshot?: unknown }
  /** The job stopped on an error; `progress` is the last good one (if any). */
  | { type: 'error'; id: number; error: WorkerError; progress?: unknown }
  | { type: 'cancelled'; id: number };

/** postMessage with a transfer list: the worker's, a MessagePort's, or a test's fake. */
export type Post = (msg: FromWorker, transfer: Transferable[]) => void;
