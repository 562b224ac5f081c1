// The two shapes a worker job can take. Both are plain, pure code (no Worker, no DOM), so
// they run unchanged in the worker, in Node and in vitest.
//
// - A request is one quick computation: args in, result out (e.g. "convolve this image").
// - A long job is a step function the runtime drives: init(args) → state, then step(state)
//   many times. The runtime slices the steps (~12 ms at a time), streams progress and
//   snapshots at screen rate, and can pause, resume, single-step, cancel and update
//   settings between steps. A job never loops on its own, which is what makes it pausable.
//
// Adding a job = a widget's job.ts + one line in worker/jobs.ts; protocol.ts derives the types:
//
//   // widgets/blur/job.ts
//   export const blur = defineRequest((a: { x: Tensor; size: number }) => avgPool2d(a.x, { size: a.size, stride: 1 }));
//   // worker/jobs.ts:  blur,
//   // page:           const y = await computeClient().request('blur', { x, size: 3 });
//
//   // widgets/countdown/job.ts — a long job
//   export const countdown = defineLongJob<{ from: number }, { n: number }, { n: number }>({
//     init: (a) => ({ n: a.from }),
//     step: (s) => --s.n <= 0,                // true = finished
//     progress: (s) => ({ n: s.n }),
//   });
//   // page: const h = computeClient().startJob('countdown', { from: 1e6 }, { fps: 20 });
//   //       h.subscribe((e) => e.type === 'progress' && draw(e.progress.n)); h.pause(); h.step(); …

/** A readable failure with a stable code, so the page can show it in the reader's language. */
export class JobError extends Error {
  readonly code: string;
  readonly values: Record<string, string | number>;
  constructor(code: string, message: string, values: Record<string, string | number> = {}) {
    super(message);
    this.name = 'JobError';
    this.code = code;
    this.values = values;
  }
}

/**
 * The loss the labs plot: an exponential moving average, ℓ̄ ← (1 − w)·ℓ̄ + w·ℓ, started at the
 * first finite value (a single batch's loss is too noisy to read).
 */
export function smoothLoss(previous: number, loss: number, weight = 0.1): number {
  return Number.isFinite(previous) ? (1 - weight) * previous + weight * loss : loss;
}

/**
 * A loss that is NaN or ±∞ means training diverged: continuing only produces garbage, so the
 * job stops with an error and the caller keeps the last good snapshot it received.
 */
export function assertFiniteLoss(loss: number, step: number): void {
  if (!Number.isFinite(loss)) {
    throw new JobError(
      'non-finite-loss',
      `The loss became ${loss} at step ${step}: training diverged (try a smaller learning rate).`,
      { loss: String(loss), step },
    );
  }
}

export interface RequestJob<Args, Result> {
  readonly kind: 'request';
  /** Pure: may throw (RangeError for shapes that don't fit); the message reaches the page. */
  run(args: Args): Result;
}

export interface LongJob<Args, State, Progress, Snapshot, Settings> {
  readonly kind: 'long';
  init(args: Args): State;
  /** Advance by one step. Return true when the job has finished. */
  step(state: State): boolean | void;
  /** Small plain numbers for the page (step, loss, …); sent at screen rate. */
  progress(state: State): Progress;
  /**
   * Bigger data for canvases (weights, curves). Must return FRESH buffers: they are
   * transferred to the page and so become unusable in the worker.
   */
  snapshot?(state: State): Snapshot;
  /** Change settings mid-run (learning rate, …). Throw a JobError for a value that can't work. */
  update?(state: State, patch: Partial<Settings>): void;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a table of jobs of every argument type; each entry is typed where it is defined */
export type AnyRequestJob = RequestJob<any, any>;
export type AnyLongJob = LongJob<any, any, any, any, any>;
export type AnyJob = AnyRequestJob | AnyLongJob;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Identity helpers that fix the type parameters where a job is written. */
export function defineRequest<Args, Result>(run: (args: Args) => Result): RequestJob<Args, Result> {
  return { kind: 'request', run };
}

export function defineLongJob<Args, State, Progress, Snapshot = undefined, Settings = Record<string, never>>(
  job: Omit<LongJob<Args, State, Progress, Snapshot, Settings>, 'kind'>,
): LongJob<Args, State, Progress, Snapshot, Settings> {
  return { kind: 'long', ...job };
}
