// The job-status slice: the store mirrors the client's worker status and job phases, and
// none of it is persisted.
import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { bindComputeClient, createJobsSlice, type JobsSlice } from '../../src/state/jobs';
import { createComputeClient } from '../../src/worker/client';
import { FakeWorker } from '../worker/fakeWorker';

describe('jobs slice', () => {
  it('follows a job through its phases and the worker through a crash', async () => {
    const store = create<JobsSlice>()((...a) => createJobsSlice(...a));
    const workers: FakeWorker[] = [];
    const client = createComputeClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    bindComputeClient(client, store);
    expect(store.getState().worker.state).toBe('idle');
    const h = client.startJob('demo-fit', {}, { paused: true });
    expect(store.getState().worker.state).toBe('ready');
    expect(store.getState().jobs[h.id]).toEqual({ id: h.id, name: 'demo-fit', phase: 'paused' });
    h.resume();
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().jobs[h.id].phase).toBe('running');
    workers[0].die('boom');
    const s = store.getState();
    expect(s.worker).toEqual({ state: 'restarted', restarts: 1, reason: 'the worker failed: boom' });
    expect(s.jobs[h.id].phase).toBe('error');
    expect(s.jobs[h.id].error?.code).toBe('worker-restarted');
    store.getState().acknowledgeRestart();
    expect(store.getState().worker).toEqual({ state: 'ready', restarts: 1 });
    client.dispose();
  });

  it('forgets old ended jobs but keeps live ones', () => {
    const store = create<JobsSlice>()((...a) => createJobsSlice(...a));
    store.getState().setJobStatus({ id: 1, name: 'demo-fit', phase: 'running' });
    for (let i = 2; i < 40; i++) store.getState().setJobStatus({ id: i, name: 'demo-fit', phase: 'done' });
    const ids = Object.keys(store.getState().jobs).map(Number);
    expect(ids).toContain(1);
    expect(ids).toContain(39);
    expect(ids).not.toContain(2);
    expect(ids.length).toBe(21);
  });
});
