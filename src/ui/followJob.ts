// The event plumbing every job-driven widget repeats: while `h` is still the widget's current
// job, progress (and done) hand over the numbers and snapshot then set the phase; phase events
// set the phase; an error is shown and ends in the 'error' phase. Events of a replaced job are
// ignored, so a quick reset + start never mixes two runs.
import type { JobHandle } from '../worker/client';
import type { JobPhase, JobProgress, JobSnapshot, LongJobName, WorkerError } from '../worker/protocol';

export interface JobFollower<N extends LongJobName> {
  progress(p: JobProgress<N>, snapshot: JobSnapshot<N> | undefined): void;
  phase(phase: JobPhase | 'done' | 'error'): void;
  error(e: WorkerError): void;
}

/** Subscribe to `h`; returns the unsubscribe function. */
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
