// Following a long worker job from a widget: start, pause, resume, step, cancel, progress,
// errors, and a restart after the worker crashed. The slow facts (phase, error) are React
// state; progress and snapshots go to the caller's callbacks, which may write them to refs or
// Live boxes so fast data never re-renders the page. Events of a replaced job are ignored, so
// a quick reset + start never mixes two runs.
import { useCallback, useEffect, useRef, useState } from 'react';
import { computeClient, type JobHandle } from '../worker/client';
import type { JobArgs, JobPhase, JobProgress, JobSettings, JobSnapshot, LongJobName, RunOptions, WorkerError } from '../worker/protocol';

export interface JobFollower<N extends LongJobName> {
  progress(p: JobProgress<N>, snapshot: JobSnapshot<N> | undefined): void;
  phase(phase: JobPhase | 'done' | 'error'): void;
  error(e: WorkerError): void;
}

/** Subscribe to `h` while `isCurrent()`; returns the unsubscribe function. */
export function followJob<N extends LongJobName>(h: JobHandle<N>, isCurrent: () => boolean, on: JobFollower<N>): () => void {
  return h.subscribe((e) => {
    if (!isCurrent()) return;
    if (e.type === 'progress' || e.type === 'done') {
      on.progress(e.progress, e.snapshot);
      on.phase(e.type === 'done' ? 'done' : e.phase);
    } else if (e.type === 'phase') on.phase(e.phase);
    else if (e.type === 'error') {
      on.error(e.error);
      on.phase('error');
    }
  });
}

export type LongJobPhase = 'idle' | 'running' | 'paused' | 'done' | 'error';

export interface LongJobCallbacks<N extends LongJobName> {
  /** Every progress event (and the final one), with the snapshot when one came. */
  onProgress?(p: JobProgress<N>, snapshot: JobSnapshot<N> | undefined): void;
  /** Called when the job stops on an error (the worker's message, or 'worker-restarted'). */
  onError?(e: WorkerError): void;
}

export interface LongJobControls<N extends LongJobName> {
  phase: LongJobPhase;
  error: WorkerError | null;
  /** True after the worker crashed under this job: `restart()` runs it again with the same args. */
  crashed: boolean;
  /** Cancel any current run and start a new one. */
  start(args: JobArgs<N>, options?: RunOptions): JobHandle<N>;
  /** Resume a paused run; otherwise nothing. */
  resume(): void;
  pause(): void;
  step(n?: number): void;
  update(patch: Partial<JobSettings<N>>, pace?: { stepsPerSecond?: number | null }): void;
  /** Cancel the run and go back to idle (the caller clears its own progress). */
  cancel(): void;
  /** Start again with the last args and options (after a crash, or to replay). */
  restart(): JobHandle<N> | null;
  /** The current run's handle, if any. */
  handle(): JobHandle<N> | null;
}

/** One hook for every job-driven widget; the job is cancelled when the widget unmounts. */
export function useLongJob<N extends LongJobName>(name: N, callbacks: LongJobCallbacks<N> = {}): LongJobControls<N> {
  const [phase, setPhase] = useState<LongJobPhase>('idle');
  const [error, setError] = useState<WorkerError | null>(null);
  const job = useRef<JobHandle<N> | null>(null);
  const last = useRef<{ args: JobArgs<N>; options?: RunOptions } | null>(null);
  const on = useRef(callbacks);
  on.current = callbacks;

  const cancel = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    setPhase('idle');
    setError(null);
  }, []);
  useEffect(() => () => job.current?.cancel(), []);

  const start = useCallback(
    (args: JobArgs<N>, options?: RunOptions) => {
      job.current?.cancel();
      setError(null);
      last.current = { args, options };
      const h = computeClient().startJob(name, args, options);
      job.current = h;
      setPhase(options?.paused ? 'paused' : 'running');
      followJob(h, () => job.current === h, {
        progress: (p, s) => on.current.onProgress?.(p, s),
        phase: setPhase,
        error: (e) => {
          setError(e);
          on.current.onError?.(e);
        },
      });
      return h;
    },
    [name],
  );

  return {
    phase,
    error,
    crashed: error?.code === 'worker-restarted',
    start,
    resume: () => job.current?.resume(),
    pause: () => job.current?.pause(),
    step: (n) => job.current?.step(n),
    update: (patch, pace) => job.current?.update(patch, pace),
    cancel,
    restart: () => (last.current ? start(last.current.args, last.current.options) : null),
    handle: () => job.current,
  };
}
