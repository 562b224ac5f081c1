// Heap after 2,000 training steps vs after 100: buffers are reused, so it must not grow.
// Needs node --expose-gc (the bench script passes it).
import type { BenchRow, BenchSection } from '../harness';
import { emit } from '../harness';
import { oursTrainer } from '../ours';
import { benchBatch } from './train';

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
    const at100 = heapAfterGc();
    // the 2,000 steps the issue asks for, and nothing else in the loop
    for (let i = 100; i < 2000; i++) t.step();
    const at2000 = heapAfterGc();
    const gcNote = (globalThis as { gc?: unknown }).gc ? '' : 'run with --expose-gc';
    const growth = at2000 - at100;
    const rows: BenchRow[] = [
      { section, case: 'after 100 steps', engine: 'ConvLab', ms: at100, rate: null, rateUnit: 'MB', note: gcNote },
      { section, case: `after 2,000 steps (growth ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB)`, engine: 'ConvLab', ms: at2000, rate: null, rateUnit: 'MB' },
    ];
    return rows.map(emit);
  },
};
