// The engine-backed jobs, driven through the runtime as the worker would drive them.
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../src/worker/runtime';
import { benchmark } from '../../src/widgets/system-check/job/benchmark';
import type { FromWorker } from '../../src/worker/protocol';
import type { Tensor } from '../../src/engine/tensor';

function rt() {
  const out: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  const r = createRuntime((m, t) => (out.push(m), transfers.push(t)), { schedule: () => {} });
  return { r, out, transfers };
}

describe('conv2d request', () => {
  it("gives the course's vertical-edge example: every row 0 30 30 0, buffer transferred", () => {
    const { r, out, transfers } = rt();
    const x = new Float32Array(36).map((_, i) => (i % 6 < 3 ? 10 : 0)); // 6×6, bright left half
    const w = new Float32Array([1, 0, -1, 1, 0, -1, 1, 0, -1]); // 3×3 vertical-edge filter
    r.handle({ type: 'request', id: 1, name: 'conv2d', args: { x: { shape: [1, 6, 6, 1], data: x }, w: { shape: [3, 3, 1, 1], data: w } } });
    const msg = out[0] as Extract<FromWorker, { type: 'result' }>;
    const y = msg.result as Tensor;
    expect(y.shape).toEqual([1, 4, 4, 1]);
    expect([...y.data]).toEqual([0, 30, 30, 0, 0, 30, 30, 0, 0, 30, 30, 0, 0, 30, 30, 0]);
    expect(transfers[0]).toEqual([y.data.buffer]);
  });

  it('a filter larger than the padded input fails with the engine message', () => {
    const { r, out } = rt();
    r.handle({
      type: 'request',
      id: 2,
      name: 'conv2d',
      args: { x: { shape: [1, 2, 2, 1], data: new Float32Array(4) }, w: { shape: [3, 3, 1, 1], data: new Float32Array(9) } },
    });
    const f = out[0] as Extract<FromWorker, { type: 'failed' }>;
    expect(f.type).toBe('failed');
    expect(f.error.message).toMatch(/3/);
  });
});

describe('benchmark job', () => {
  it('times warm-up + timed passes per case and reports consistent GFLOP/s', () => {
    const s = benchmark.init({ cases: [0], passes: 3, warmup: 1 });
    expect(benchmark.progress(s).total).toBe(4);
    let done = false;
    let steps = 0;
    while (!done) {
      done = !!benchmark.step(s);
      steps++;
    }
    expect(steps).toBe(4);
    const p = benchmark.progress(s);
    expect(p.results).toHaveLength(1);
    const [res] = p.results;
    // 32 images, 24×24 outputs × 8 filters × 25 multiplies each, 2 FLOPs per multiply-add
    const flops = 2 * 32 * 24 * 24 * 8 * 25;
    expect(res.gflops * 1e9 * (res.ms / 1000)).toBeCloseTo(flops, -1);
    expect(res.imagesPerSecond).toBeCloseTo(32 / (res.ms / 1000), 6);
    expect(p.gflops).toBeCloseTo(res.gflops, 9);
    expect(res.gflops).toBeGreaterThan(0.01);
  });

  it('rejects a case that does not exist', () => {
    expect(() => benchmark.init({ cases: [5] })).toThrow(/no case 5/);
  });
});
