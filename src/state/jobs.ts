// Job status: the slow facts about the compute worker (is it up, was it restarted and why)
// and each job's phase (running / paused / done / error / cancelled). Never persisted: a
// reload starts a fresh worker. Fast data (loss per step, snapshots) is NOT here; it goes
// from JobHandle.subscribe straight to canvases.
import type { StateCreator } from 'zustand';
import type { ComputeClient, JobLifecycle, WorkerStatus } from '../worker/client';

/** How many ended jobs to remember (running and paused ones are always kept). */
const KEEP_ENDED = 20;

export interface JobsSlice {
  worker: WorkerStatus;
  /** job id → its latest phase */
  jobs: Record<number, JobLifecycle>;
  setWorkerStatus(s: WorkerStatus): void;
  setJobStatus(j: JobLifecycle): void;
  /** The page showed the restart notice and the user dismissed it. */
  acknowledgeRestart(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a slice is built before the whole store type exists (zustand slices pattern)
export const createJobsSlice: StateCreator<JobsSlice & any, [], [], JobsSlice> = (set) => ({
  worker: { state: 'idle', restarts: 0 },
  jobs: {},
  setWorkerStatus: (worker) => set({ worker }),
  setJobStatus: (j) =>
    set((s: JobsSlice) => {
      const jobs = { ...s.jobs, [j.id]: j };
      const ended = Object.values(jobs).filter((x) => x.phase !== 'running' && x.phase !== 'paused');
      for (const old of ended.slice(0, Math.max(0, ended.length - KEEP_ENDED))) delete jobs[old.id];
      return { jobs };
    }),
  acknowledgeRestart: () =>
    set((s: JobsSlice) => (s.worker.state === 'restarted' ? { worker: { state: 'ready', restarts: s.worker.restarts } } : s)),
});

/** Mirror a compute client's status and job phases into the store. Returns unbind. */
export function bindComputeClient(client: ComputeClient, store: { getState(): JobsSlice }): () => void {
  store.getState().setWorkerStatus(client.status());
  const a = client.onStatus((s) => store.getState().setWorkerStatus(s));
  const b = client.onJob((j) => store.getState().setJobStatus(j));
  return () => {
    a();
    b();
  };
}
