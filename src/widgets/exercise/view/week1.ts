// Week-1 question generators. Every answer comes from src/engine/shape.ts (or the engine's
// conv2d for a single window), never from a second formula; parameters are drawn so the
// question is always valid (the filter fits the padded input).
import { rng } from '../../../engine/random';
import {
  convOutputSize,
  samePadding,
  convParamCount,
  denseParamCount,
  convMultiplyCount,
  poolOutputSize,
} from '../../../engine/shape';
import { conv2d } from '../../../engine/ops/conv2d';
import { tensor } from '../../../engine/tensor';
import type { Constraints, Question } from './types';
import { between, group, paren, pick } from './draw';

const floorWork = (n: number, f: number, p: number, s: number, out: number) =>
  `⌊(${n} + 2·${p} − ${f})/${s}⌋ + 1 = ⌊${n + 2 * p - f}/${s}⌋ + 1 = ${out}`;

export function outputSize(seed: number, c: Constraints = {}): Question {
  const r = rng(seed);
  const f = pick(r, [1, 2, 3, 3, 4, 5, 5, 7]);
  const p = c.p ?? between(r, 0, 3);
  const s = c.s ?? between(r, 1, 3);
  // n large enough that the window fits: n + 2p ≥ f.
  const n = between(r, Math.max(f, 5), 64);
  const out = convOutputSize(n, f, p, s);
  return { kind: 'output-size', seed, vars: { n, f, p, s }, answer: { type: 'int', value: out }, work: [floorWork(n, f, p, s, out)] };
}

export function samePaddingQ(seed: number): Question {
  const r = rng(seed);
  const f = pick(r, [1, 3, 5, 7, 9, 11]);
  const n = between(r, 8, 64);
  const p = samePadding(f);
  const out = convOutputSize(n, f, p, 1);
  return {
    kind: 'same-padding',
    seed,
    vars: { n, f },
    answer: { type: 'int', value: p },
    work: [`p = (f − 1)/2 = (${f} − 1)/2 = ${p}`, floorWork(n, f, p, 1, out)],
  };
}

export function paramCount(seed: number): Question {
  const r = rng(seed);
  const f = pick(r, [1, 3, 3, 5, 5, 7]);
  const c = pick(r, [1, 3, 3, 6, 16, 32, 64]);
  const k = pick(r, [4, 6, 8, 10, 16, 20, 32, 64]);
  const n = between(r, Math.max(f, 10), 64);
  const total = convParamCount(f, c, k);
  return {
    kind: 'param-count',
    seed,
    vars: { n, c, f, k },
    answer: { type: 'int', value: total },
    work: [`(f·f·n_C + 1)·n_C' = (${f}·${f}·${c} + 1)·${k} = ${f * f * c + 1}·${k} = ${group(total)}`],
  };
}

export function volumeOutput(seed: number, limits: Constraints = {}): Question {
  const r = rng(seed);
  const f = pick(r, [1, 3, 3, 5, 5, 7]);
  const c = pick(r, [1, 3, 3, 8, 16]);
  const k = pick(r, [2, 4, 6, 8, 10, 16, 20, 32]);
  const p = limits.p ?? between(r, 0, 2);
  const s = limits.s ?? between(r, 1, 2);
  const n = between(r, Math.max(f, 6), 40);
  const out = convOutputSize(n, f, p, s);
  return {
    kind: 'volume-output',
    seed,
    vars: { n, c, f, p, s, k },
    answer: { type: 'shape', dims: [out, out, k] },
    work: [floorWork(n, f, p, s, out), `${out}×${out}×${k}`],
  };
}

export function poolOutput(seed: number): Question {
  const r = rng(seed);
  const f = pick(r, [2, 2, 3, 3, 4]);
  const s = pick(r, [1, 2, 2, 3]);
  const c = pick(r, [1, 3, 6, 16, 32]);
  const n = between(r, Math.max(f, 6), 64);
  const mode = pick(r, ['max', 'avg'] as const);
  const out = poolOutputSize(n, f, s);
  return {
    kind: 'pool-output',
    seed,
    vars: { n, c, f, s, mode },
    answer: { type: 'shape', dims: [out, out, c] },
    work: [floorWork(n, f, 0, s, out), `${out}×${out}×${c}`],
  };
}

const CONV_VALUE_FILTERS: number[][][] = [
  [[1, 0, -1], [1, 0, -1], [1, 0, -1]],
  [[1, 1, 1], [0, 0, 0], [-1, -1, -1]],
  [[1, 0, -1], [2, 0, -2], [1, 0, -1]],
  [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
];

export function convValue(seed: number): Question {
  const r = rng(seed);
  const patch = [0, 1, 2].map(() => [0, 1, 2].map(() => between(r, 0, 9)));
  const filter = r.next() < 0.5 ? pick(r, CONV_VALUE_FILTERS) : [0, 1, 2].map(() => [0, 1, 2].map(() => between(r, -2, 2)));
  // One window of the engine's own convolution (cross-correlation, no flip).
  const y = conv2d(tensor(patch.flat(), [1, 3, 3, 1]), tensor(filter.flat(), [3, 3, 1, 1]), null, { stride: 1, pad: 0 });
  const value = Math.round(y.data[0]);
  const products = patch.flatMap((row, i) => row.map((x, j) => `${x}·${paren(filter[i][j])}`));
  return {
    kind: 'conv-value',
    seed,
    vars: {},
    grids: { patch, filter: filter.map((row) => row.slice()) },
    answer: { type: 'int', value },
    work: [`${products.join(' + ')} = ${value}`],
  };
}

export function denseVsConv(seed: number): Question {
  const r = rng(seed);
  const f = pick(r, [3, 5]);
  const c = pick(r, [1, 3]);
  const k = pick(r, [4, 6, 8]);
  const n = pick(r, [16, 28, 32]);
  const out = convOutputSize(n, f, 0, 1);
  const nIn = n * n * c;
  const nOut = out * out * k;
  const dense = denseParamCount(nIn, nOut, false);
  const conv = convParamCount(f, c, k);
  return {
    kind: 'dense-vs-conv',
    seed,
    vars: { n, c, f, k, out },
    answer: { type: 'int', value: dense },
    work: [
      `${n}·${n}·${c} = ${group(nIn)};  ${out}·${out}·${k} = ${group(nOut)}`,
      `${group(nIn)} × ${group(nOut)} = ${group(dense)}`,
      `conv: (${f}·${f}·${c} + 1)·${k} = ${group(conv)}`,
    ],
  };
}

export function multiplyCount(seed: number): Question {
  const r = rng(seed);
  const f = pick(r, [1, 3, 5]);
  const c = pick(r, [3, 16, 32, 64, 192]);
  const k = pick(r, [8, 16, 32, 64]);
  const n = pick(r, [7, 14, 28, 32]);
  // Same padding, stride 1: the output keeps n×n.
  const out = convOutputSize(n, f, samePadding(f), 1);
  const total = convMultiplyCount(out, out, k, f, c);
  return {
    kind: 'multiply-count',
    seed,
    vars: { n, c, f, k },
    answer: { type: 'int', value: total },
    work: [`${out}·${out}·${k} · ${f}·${f}·${c} = ${group(out * out * k)} · ${f * f * c} = ${group(total)}`],
  };
}
