// The readable layer — the ops (one file per op, forward and backward side by side), the
// tape and the optimisers — stays small enough to read in an afternoon: at most 2,500 lines.
// The fast paths live in src/engine/kernels (js/: the GEMM, im2col and window helpers; wasm/),
// outside this budget.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUDGET = 2500;
const engine = join(process.cwd(), 'src/engine');
const readable = [
  ...readdirSync(join(engine, 'ops')).filter((f) => f.endsWith('.ts')).map((f) => join('ops', f)),
  'nn/autograd.ts',
  'nn/variable.ts',
  'nn/optimisers.ts',
];
const lines = (f: string) => readFileSync(join(engine, f), 'utf8').split('\n').length;

describe('the readable engine', () => {
  it(`ops + tape + optimisers fit in ${BUDGET} lines`, () => {
    const total = readable.reduce((s, f) => s + lines(f), 0);
    expect(readable.length).toBeGreaterThan(20);
    expect(total, readable.map((f) => `${f}: ${lines(f)}`).join('\n')).toBeLessThanOrEqual(BUDGET);
  });

  it('the tape calls the ops instead of keeping its own add, concat or reshape loops', () => {
    const tape = readFileSync(join(engine, 'nn/autograd.ts'), 'utf8');
    for (const op of ['add', 'concatChannels', 'reshape', 'conv2d', 'dense']) {
      expect(tape, op).toMatch(new RegExp(`from '\\.\\./ops/${op}'`));
    }
  });

  it('no op file reaches into the kernels except through kernels()', () => {
    for (const f of readable.filter((f) => f.startsWith('ops/'))) {
      const src = readFileSync(join(engine, f), 'utf8');
      expect(src, f).not.toMatch(/from '\.\.\/kernels\/(js|wasm)/);
    }
  });
});
