// Heap and the wasm kernels' memory after 5,000 training steps vs after 100: buffers and
// memory are reused, so neither may grow.
// Needs node --expose-gc (the bench script passes it).
import type { BenchRow, BenchSection } from '../harness';
import { emit } from '../harness';
import { oursTrainer } from '../ours';
import { benchBatch } from './train';
import { wasmMemoryBytes } from '../../src/engine/kernels/index';

const MB = 1024 * 1024;

function heapAfterGc(): number {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
  }
  return process.memoryUsage().heapUsed / MB;
}

export const heapSection: BenchSection = {
  name: 'heap',
  run() {
    const { x, labels } = benchBatch();
    const t = oursTrainer(x, labels, 0.01);
    const section = 'heap used (after GC), ConvLab training';
    for (let i = 0; i < 100; i++) t.step();
    const at100 = heapAfterGc(), wasm100 = (wasmMemoryBytes() ?? NaN) / MB;
    // 5,000 steps, and nothing else in the loop
    for (let i = 100; i < 5000; i++) t.step();
    const at2000 = heapAfterGc(), wasm2000 = (wasmMemoryBytes() ?? NaN) / MB;
    const gcNote = (globalThis as { gc?: unknown }).gc ? '' : 'run with --expose-gc';
    const growth = at2000 - at100;
    const rows: BenchRow[] = [
      { section, case: 'after 100 steps', engine: 'ConvLab', ms: at100, rate: null, rateUnit: 'MB', note: gcNote },
      { section, case: `after 5,000 steps (growth ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB)`, engine: 'ConvLab', ms: at2000, rate: null, rateUnit: 'MB' },
      { section: 'wasm kernels\' memory, ConvLab training', case: 'after 100 steps', engine: 'ConvLab', ms: wasm100, rate: null, rateUnit: 'MB' },
      { section: 'wasm kernels\' memory, ConvLab training', case: `after 5,000 steps (growth ${(wasm2000 - wasm100).toFixed(2)} MB)`, engine: 'ConvLab', ms: wasm2000, rate: null, rateUnit: 'MB' },
    ];
    return rows.map(emit);
  },
};
