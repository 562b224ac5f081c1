// A fake clock + scheduler for driving the runtime in Node: time only moves when a job step
// "costs" time or when the test advances it, so slicing and throttling are exact.
import { createRuntime, type Runtime } from '../../src/worker/runtime';
import { defineLongJob, defineRequest, JobError, type AnyJob } from '../../src/worker/job';
import type { FromWorker } from '../../src/worker/protocol';

export interface Harness {
  rt: Runtime;
  out: FromWorker[];
  transfers: Transferable[][];
  clock: { t: number };
  /** Run scheduled ticks in time order until the clock reaches now + ms. */
  runFor(ms: number): void;
  /** Number of scheduled ticks run so far. */
  ticks(): number;
  of<T extends FromWorker['type']>(type: T): Extract<FromWorker, { type: T }>[];
}

export function harness(jobs: Record<string, AnyJob>, sliceMs = 10): Harness {
  const clock = { t: 0 };
  let ticks = 0;
  const queue: { at: number; seq: number; fn: () => void }[] = [];
  let seq = 0;
  const out: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  const rt = createRuntime(
    (m, tr) => {
      out.push(m);
      transfers.push(tr);
    },
    { jobs, now: () => clock.t, schedule: (fn, d) => queue.push({ at: clock.t + d, seq: seq++, fn }), sliceMs },
  );
  return {
    rt,
    out,
    transfers,
    clock,
    runFor(ms) {
      const end = clock.t + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = queue[0];
        if (!next || next.at > end) break;
        queue.shift();
        clock.t = Math.max(clock.t, next.at);
        ticks++;
        next.fn();
      }
      clock.t = Math.max(clock.t, end);
    },
    ticks: () => ticks,
    of: (type) => out.filter((m) => m.type === type) as never,
  };
}

/**
 * counter: each step costs `costMs` of fake time and counts; fails at `failAt` (plain Error)
 * or reports a NaN loss at `nanAt`; finishes at `maxSteps`.
 */
export function counterJob(clock: { t: number }, costMs = 1) {
  return defineLongJob<
    { maxSteps?: number; failAt?: number; nanAt?: number },
    { n: number; max: number; failAt: number; nanAt: number; scale: number },
    { step: number; scale: number },
    { values: Float32Array },
    { scale: number }
  >({
    init: (a) => ({ n: 0, max: a.maxSteps ?? Infinity, failAt: a.failAt ?? Infinity, nanAt: a.nanAt ?? Infinity, scale: 1 }),
    step(s) {
      clock.t += costMs;
      if (s.n + 1 === s.failAt) throw new Error(`counter broke at step ${s.n + 1}`);
      if (s.n + 1 === s.nanAt) throw new JobError('non-finite-loss', 'The loss became NaN', { step: s.n + 1 });
      s.n++;
      return s.n >= s.max;
    },
    progress: (s) => ({ step: s.n, scale: s.scale }),
    snapshot: (s) => ({ values: new Float32Array([s.n * s.scale]) }),
    update(s, p) {
      if (p.scale !== undefined) {
        if (!(p.scale > 0)) throw new JobError('bad-setting', `scale must be positive, got ${p.scale}`);
        s.scale = p.scale;
      }
    },
  });
}

export const echoRequests = {
  double: defineRequest((a: { xs: number[] }) => ({ ys: Float32Array.from(a.xs, (x) => 2 * x) })),
  picky: defineRequest((a: { n: number }) => {
    if (a.n < 0) throw new RangeError(`n must be ≥ 0, got ${a.n}`);
    return a.n;
  }),
};
