// The client against an in-process fake worker (a real runtime behind a fake port), so
// routing, handles, and crash recovery are tested without a browser.
import { describe, expect, it } from 'vitest';
import { createComputeClient, WorkerRequestError } from '../../src/worker/client';
import { FakeWorker } from './fakeWorker';

function setup() {
  const spawned: FakeWorker[] = [];
  const client = createComputeClient(() => {
    const w = new FakeWorker();
    spawned.push(w);
    return w;
  });
  return { client, spawned };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('compute client', () => {
  it('spawns lazily and answers requests', async () => {
    const { client, spawned } = setup();
    expect(spawned).toHaveLength(0);
    expect(client.status().state).toBe('idle');
    await expect(client.request('ping', { echo: 'hi' })).resolves.toMatchObject({ echo: 'hi', inWorker: false, backend: 'wasm' });
    expect(spawned).toHaveLength(1);
    expect(client.status()).toEqual({ state: 'ready', restarts: 0 });
    client.dispose();
  });

  it('streams a job and keeps its last values; finished resolves on done', async () => {
    const { client } = setup();
    const phases: string[] = [];
    client.onJob((j) => phases.push(j.phase));
    const h = client.startJob('demo-fit', { maxSteps: 500 }, { fps: 60 });
    let events = 0;
    h.subscribe(() => events++);
    const end = await h.finished;
    expect(end.type).toBe('done');
    expect(h.last.phase).toBe('done');
    expect(h.last.progress?.step).toBe(500);
    expect(h.last.snapshot?.coeffs).toBeInstanceOf(Float32Array);
    expect(events).toBeGreaterThanOrEqual(2);
    expect(phases).toEqual(['running', 'done']);
    client.dispose();
  });

  it('pause, single-step and cancel go through the handle', async () => {
    const { client } = setup();
    const h = client.startJob('demo-fit', {}, { paused: true });
    await tick(5);
    expect(h.last.progress?.step).toBe(0);
    h.step(3);
    await tick(5);
    expect(h.last.progress?.step).toBe(3);
    h.update({ learningRate: 0.05 });
    await tick(5);
    expect(h.last.progress?.learningRate).toBe(0.05);
    h.cancel();
    expect((await h.finished).type).toBe('cancelled');
    h.resume(); // ignored after the end
    client.dispose();
  });

  it('a failed request rejects with its message and code', async () => {
    const { client } = setup();
    // @ts-expect-error — not a request name: the protocol types reject it at compile time too
    const p = client.request('nope', {});
    await expect(p).rejects.toBeInstanceOf(WorkerRequestError);
    await expect(p).rejects.toMatchObject({ code: 'unknown-job' });
    client.dispose();
  });

  it('a crash restarts the worker, fails in-flight work readably, and keeps the last progress', async () => {
    const { client, spawned } = setup();
    const statuses: string[] = [];
    client.onStatus((s) => statuses.push(s.state));
    const h = client.startJob('demo-fit', {}, { paused: true });
    h.step(7);
    await tick(5);
    client.simulateCrash();
    const end = await h.finished;
    expect(end).toMatchObject({ type: 'error', error: { code: 'worker-restarted' } });
    expect(end.type === 'error' && end.error.message).toMatch(/compute worker stopped .*simulated crash.* restarted; your settings are kept/);
    expect(h.last.progress?.step).toBe(7);
    expect(h.last.snapshot?.coeffs.length).toBe(4); // the last good curve stays with the caller
    expect(h.last.phase).toBe('error');
    expect(spawned).toHaveLength(2);
    expect(spawned[0].terminated).toBe(true);
    expect(client.status()).toMatchObject({ state: 'restarted', restarts: 1 });
    expect(statuses).toEqual(['ready', 'restarted']);
    // The new worker works.
    await expect(client.request('ping', { echo: 'again' })).resolves.toMatchObject({ echo: 'again' });
    const h2 = client.startJob('demo-fit', { maxSteps: 10 });
    expect((await h2.finished).type).toBe('done');
    client.dispose();
  });

  it('a worker that dies with a request in flight rejects it readably', async () => {
    const spawned: FakeWorker[] = [];
    const client = createComputeClient(() => {
      const w = new FakeWorker({ hold: spawned.length === 0 });
      spawned.push(w);
      return w;
    });
    const pending = client.request('ping', {});
    await tick(); // it loaded, but never answers
    spawned[0].die('out of memory');
    await expect(pending).rejects.toMatchObject({ code: 'worker-restarted', values: { reason: 'the worker failed: out of memory' } });
    expect(client.status()).toMatchObject({ state: 'restarted', restarts: 1 });
    await expect(client.request('ping', {})).resolves.toMatchObject({ echo: 'pong' });
    client.dispose();
  });

  it('a worker that cannot load is not respawned in a loop; the next use tries again', async () => {
    const spawned: FakeWorker[] = [];
    const client = createComputeClient(() => {
      const w = new FakeWorker({ loads: spawned.length > 0 });
      spawned.push(w);
      return w;
    });
    const first = client.request('ping', {});
    spawned[0].die(''); // e.g. the script failed to load: no message
    await expect(first).rejects.toMatchObject({ code: 'worker-unavailable', message: 'The compute worker could not start (the worker failed to load or crashed).' });
    expect(spawned).toHaveLength(1);
    expect(client.status()).toMatchObject({ state: 'failed', restarts: 0 });
    await expect(client.request('ping', {})).resolves.toMatchObject({ echo: 'pong' });
    expect(client.status()).toEqual({ state: 'ready', restarts: 0 });
    client.dispose();
  });

  it('latest-wins requests: one in flight, one waiting, older waiting ones superseded', async () => {
    const { client, spawned } = setup();
    const a = client.request('ping', { echo: 'a' }, { latest: 'k' });
    const b = client.request('ping', { echo: 'b' }, { latest: 'k' });
    const c = client.request('ping', { echo: 'c' }, { latest: 'k' });
    const other = client.request('ping', { echo: 'x' }, { latest: 'other' });
    await expect(b).rejects.toMatchObject({ code: 'superseded' });
    await expect(a).resolves.toMatchObject({ echo: 'a' });
    await expect(c).resolves.toMatchObject({ echo: 'c' });
    await expect(other).resolves.toMatchObject({ echo: 'x' });
    const sent = spawned[0].sent.filter((m) => m.type === 'request').map((m) => (m.type === 'request' ? (m.args as { echo: string }).echo : ''));
    expect(sent).toEqual(['a', 'x', 'c']); // b never reached the worker
    client.dispose();
  });

  it('restart() on request behaves like a crash', async () => {
    const { client, spawned } = setup();
    await client.request('ping', {});
    client.restart();
    expect(spawned).toHaveLength(2);
    expect(client.status()).toMatchObject({ state: 'restarted', restarts: 1, reason: 'restarted on request' });
    client.dispose();
  });
});
