import { describe, expect, it } from 'vitest';
import { counterJob, echoRequests, harness } from './harness';

const lastProgress = (h: ReturnType<typeof harness>) => {
  const ps = h.of('progress');
  return ps[ps.length - 1];
};
const stepOf = (m: { progress?: unknown } | undefined) => (m?.progress as { step: number } | undefined)?.step;

function setup(sliceMs = 10) {
  const clock = { t: 0 };
  const jobs = { counter: counterJob(clock), ...echoRequests };
  const h = harness(jobs, sliceMs);
  // The job advances the harness clock; share it.
  Object.defineProperty(clock, 't', { get: () => h.clock.t, set: (v) => {
    h.clock.t = v;
  } });
  return h;
}

describe('worker runtime: long jobs', () => {
  it('runs steps in time slices and yields between them', () => {
    const h = setup(10);
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {} });
    expect(stepOf(h.of('progress')[0])).toBe(0); // the starting point is reported at once
    h.runFor(0); // exactly one tick at t=0: 10 steps of 1 ms each, then it yields
    expect(h.ticks()).toBe(1);
    h.rt.handle({ type: 'pause', id: 1 });
    expect(stepOf(lastProgress(h))).toBe(10);
  });

  it('throttles progress to the frame rate, not one message per step', () => {
    const h = setup(10);
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {}, options: { fps: 20 } });
    h.runFor(1000);
    const ps = h.of('progress');
    h.rt.handle({ type: 'pause', id: 1 });
    const steps = stepOf(lastProgress(h))!;
    expect(steps).toBeGreaterThanOrEqual(990); // 1 ms per step for 1 s
    // 1 initial + ~20 frames in a second (50 ms apart), while ~1000 steps ran.
    expect(ps.length).toBeGreaterThanOrEqual(19);
    expect(ps.length).toBeLessThanOrEqual(23);
    const gaps = ps.slice(2).map((p, i) => stepOf(p)! - stepOf(ps[i + 1])!);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(49);
  });

  it('transfers snapshot buffers', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {} });
    const snap = h.of('progress')[0].snapshot as { values: Float32Array };
    expect(h.transfers[0]).toEqual([snap.values.buffer]);
  });

  it('pause stops the count; resume continues it', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {} });
    h.runFor(100);
    h.rt.handle({ type: 'pause', id: 1 });
    const paused = lastProgress(h);
    expect(paused.phase).toBe('paused');
    const at = stepOf(paused)!;
    expect(at).toBeGreaterThan(50);
    const n = h.out.length;
    h.runFor(1000);
    expect(h.out.length).toBe(n); // nothing happens while paused
    h.rt.handle({ type: 'resume', id: 1 });
    expect(h.out[h.out.length - 1]).toEqual({ type: 'phase', id: 1, phase: 'running' });
    h.runFor(200);
    h.rt.handle({ type: 'pause', id: 1 });
    expect(stepOf(lastProgress(h))! - at).toBeGreaterThanOrEqual(190);
  });

  it('single-steps exactly n steps and reports at once, pausing a running job', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {}, options: { paused: true } });
    h.runFor(500);
    expect(stepOf(lastProgress(h))).toBe(0);
    h.rt.handle({ type: 'step', id: 1 });
    expect(stepOf(lastProgress(h))).toBe(1);
    h.rt.handle({ type: 'step', id: 1, n: 25 });
    expect(stepOf(lastProgress(h))).toBe(26); // 25 steps even though they cost 25 ms > slice
    h.rt.handle({ type: 'resume', id: 1 });
    h.runFor(30);
    h.rt.handle({ type: 'step', id: 1, n: 2 });
    const p = lastProgress(h);
    expect(p.phase).toBe('paused');
    const s = stepOf(p)!;
    h.runFor(500);
    expect(stepOf(lastProgress(h))).toBe(s);
  });

  it('cancel ends the job: a cancelled message and no further work', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 7, name: 'counter', args: {} });
    h.runFor(50);
    h.rt.handle({ type: 'cancel', id: 7 });
    expect(h.out[h.out.length - 1]).toEqual({ type: 'cancelled', id: 7 });
    const n = h.out.length;
    h.runFor(500);
    h.rt.handle({ type: 'pause', id: 7 }); // late controls are ignored
    expect(h.out.length).toBe(n);
    expect(h.rt.active()).toEqual([]);
  });

  it('finishes with done and the final progress', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: { maxSteps: 37 } });
    h.runFor(1000);
    const done = h.of('done');
    expect(done).toHaveLength(1);
    expect(stepOf(done[0])).toBe(37);
    expect(h.rt.active()).toEqual([]);
  });

  it('an exception ends the job with a readable error and the last good progress', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: { failAt: 120 }, options: { fps: 20 } });
    h.runFor(1000);
    const [err] = h.of('error');
    expect(err.error.message).toBe('counter broke at step 120');
    const good = stepOf(err)!;
    expect(good).toBeLessThan(120);
    expect(good).toBe(stepOf(lastProgress(h)));
    expect(h.rt.active()).toEqual([]);
  });

  it('a NaN loss reported by a job keeps its code for the page', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: { nanAt: 3 }, options: { paused: true } });
    h.rt.handle({ type: 'step', id: 1, n: 5 });
    const [err] = h.of('error');
    expect(err.error).toMatchObject({ code: 'non-finite-loss', values: { step: 3 } });
    expect(stepOf(err)).toBe(0);
  });

  it('update changes settings mid-run; an impossible value is an error', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {}, options: { paused: true } });
    h.rt.handle({ type: 'update', id: 1, patch: { scale: 3 } });
    expect((lastProgress(h).progress as { scale: number }).scale).toBe(3);
    h.rt.handle({ type: 'step', id: 1 });
    expect((lastProgress(h).snapshot as { values: Float32Array }).values[0]).toBe(3);
    h.rt.handle({ type: 'update', id: 1, patch: { scale: -1 } });
    expect(h.of('error')[0].error).toMatchObject({ code: 'bad-setting', message: 'scale must be positive, got -1' });
  });

  it('caps the pace with stepsPerSecond, and can lift the cap mid-run', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'counter', args: {}, options: { stepsPerSecond: 10 } });
    h.runFor(1000);
    // steps at t≈0,100,…,1000 ms: 10 or 11 (each step itself costs 1 ms)
    const s = stepOf(lastProgress(h))!;
    expect(s).toBeGreaterThanOrEqual(9);
    expect(s).toBeLessThanOrEqual(11);
    h.rt.handle({ type: 'update', id: 1, stepsPerSecond: null });
    h.runFor(100);
    h.rt.handle({ type: 'pause', id: 1 });
    expect(stepOf(lastProgress(h))! - s).toBeGreaterThanOrEqual(90);
  });

  it('unknown jobs and failing init give errors, not crashes', () => {
    const h = setup();
    h.rt.handle({ type: 'start', id: 1, name: 'nope', args: {} });
    h.rt.handle({ type: 'start', id: 2, name: 'double', args: {} }); // a request, not a long job
    expect(h.of('error').map((e) => e.error.code)).toEqual(['unknown-job', 'unknown-job']);
  });
});

describe('worker runtime: requests', () => {
  it('answers with the result and transfers its buffers', () => {
    const h = setup();
    h.rt.handle({ type: 'request', id: 3, name: 'double', args: { xs: [1, 2.5] } });
    const [r] = h.of('result');
    const ys = (r.result as { ys: Float32Array }).ys;
    expect([...ys]).toEqual([2, 5]);
    expect(h.transfers[0]).toEqual([ys.buffer]);
  });

  it('a throwing request fails with its message; an unknown one says so', () => {
    const h = setup();
    h.rt.handle({ type: 'request', id: 1, name: 'picky', args: { n: -2 } });
    h.rt.handle({ type: 'request', id: 2, name: 'missing', args: {} });
    h.rt.handle({ type: 'request', id: 3, name: 'counter', args: {} });
    const f = h.of('failed');
    expect(f[0]).toEqual({ type: 'failed', id: 1, error: { message: 'n must be ≥ 0, got -2' } });
    expect(f.slice(1).map((m) => [m.id, m.error.code])).toEqual([
      [2, 'unknown-job'],
      [3, 'unknown-job'],
    ]);
  });
});
