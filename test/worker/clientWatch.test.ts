// The client watches its worker: one that stops answering without an error event (it called
// close()) is found by the heartbeat and restarted; one that is merely busy is left alone.
import { describe, expect, it } from 'vitest';
import { createComputeClient } from '../../src/worker/client';
import { FakeWorker } from './fakeWorker';

const WATCH = { beatMs: 10, silentMs: 80, busySilentMs: 2000 };
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function setup(make: (n: number) => FakeWorker = () => new FakeWorker()) {
  const spawned: FakeWorker[] = [];
  const client = createComputeClient(() => {
    const w = make(spawned.length);
    spawned.push(w);
    return w;
  }, WATCH);
  return { client, spawned };
}

describe('watched worker', () => {
  it('a running job whose worker goes silent ends with worker-restarted, keeping its last progress', async () => {
    const { client, spawned } = setup();
    const h = client.startJob('demo-fit', {}, { stepsPerSecond: 200 });
    await tick(60);
    const stepBefore = h.last.progress?.step ?? 0;
    expect(stepBefore).toBeGreaterThan(0);
    const t0 = Date.now();
    spawned[0].silence();
    const end = await h.finished;
    const waited = Date.now() - t0;
    expect(end).toMatchObject({ type: 'error', error: { code: 'worker-restarted' } });
    expect(end.type === 'error' && String(end.error.values?.reason)).toMatch(/stopped answering/);
    expect(waited).toBeGreaterThanOrEqual(WATCH.silentMs);
    expect(waited).toBeLessThan(WATCH.silentMs + 500);
    expect(h.last.progress?.step).toBe(stepBefore);
    expect(client.status()).toMatchObject({ state: 'restarted', restarts: 1 });
    expect(spawned[0].terminated).toBe(true);
    // The same job, started again with the same args, runs on the new worker.
    const again = client.startJob('demo-fit', { maxSteps: 5 });
    expect((await again.finished).type).toBe('done');
    client.dispose();
  });

  it('a worker that went silent while idle is found at the next request, within the short limit', async () => {
    const { client, spawned } = setup();
    await client.request('ping', {});
    spawned[0].silence();
    const t0 = Date.now();
    await expect(client.request('ping', {})).rejects.toMatchObject({ code: 'worker-restarted' });
    expect(Date.now() - t0).toBeLessThan(WATCH.busySilentMs);
    await expect(client.request('ping', { echo: 'back' })).resolves.toMatchObject({ echo: 'back' });
    client.dispose();
  });

  it('a worker busy with a long request is not mistaken for a dead one', async () => {
    const { client, spawned } = setup((n) => new FakeWorker(n === 0 ? { busyMs: 400 } : {}));
    await tick(5); // loaded
    const first = client.request('ping', { echo: 'slow' });
    await expect(first).resolves.toMatchObject({ echo: 'slow' }); // 400 ms > silentMs, < busySilentMs
    expect(spawned).toHaveLength(1);
    expect(client.status()).toMatchObject({ state: 'ready', restarts: 0 });
    client.dispose();
  });

  it('nothing outstanding: no heartbeats are sent', async () => {
    const { client, spawned } = setup();
    await client.request('ping', {});
    const sent = spawned[0].sent.length;
    await tick(100);
    expect(spawned[0].sent.length).toBe(sent);
    client.dispose();
  });
});
