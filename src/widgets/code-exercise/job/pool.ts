// Graders for pooling forward and backward (max and average), answered by the engine's
// maxPool2d / avgPool2d and their backward passes. Inputs hold distinct values, so a window
// never has two maxima (the course's mask and the engine's argmax then agree).
import { avgPool2d, avgPool2dBackward, maxPool2d, maxPool2dBackward } from '../../../engine/ops/index';
import type { Rng } from '../../../engine/random';
import { defineGrader, type GraderCase, type Mistake } from './types';
import { drawInt, fromNested, mapNested, randNested, toNested, type Json } from './nested';

type PoolHp = { f: number; stride: number };
type Mode = 'max' | 'average';

/** The course's 4×4 max-pooling example (f = 2, s = 2 → [[9, 2], [6, 3]]). */
const COURSE_4x4: Json = [[[[1], [3], [2], [1]], [[2], [9], [1], [1]], [[1], [3], [2], [3]], [[5], [6], [1], [2]]]];

/** Distinct values −n/200 … n/200 in steps of 0.01, shuffled. */
function distinctNested(r: Rng, shape: number[]): Json {
  const n = shape.reduce((a, b) => a * b, 1);
  const vals = r.shuffle(Array.from({ length: n }, (_, i) => Math.round(i - n / 2) / 100));
  return toNested({ shape, data: vals });
}

const RANGES = {
  m: { default: [1, 2], min: 1, max: 3 },
  n_H: { default: [2, 6], min: 1, max: 8 },
  n_W: { default: [2, 6], min: 1, max: 8 },
  n_C: { default: [1, 3], min: 1, max: 3 },
  f: { default: [1, 3], min: 1, max: 4 },
  stride: { default: [1, 3], min: 1, max: 4 },
} satisfies Record<string, { default: [number, number]; min: number; max: number }>;

function drawPool(r: Rng, g: Record<string, [number, number]>): GraderCase & { hp: PoolHp; mode: Mode; x: Json } {
  for (;;) {
    const m = drawInt(r, g.m), nH = drawInt(r, g.n_H), nW = drawInt(r, g.n_W), c = drawInt(r, g.n_C);
    const f = drawInt(r, g.f), stride = drawInt(r, g.stride);
    if (f > nH || f > nW) continue;
    const mode: Mode = r.next() < 0.5 ? 'max' : 'average';
    const x = distinctNested(r, [m, nH, nW, c]);
    return { args: [], dims: { m, n_H_prev: nH, n_W_prev: nW, n_C: c, f, stride, mode }, hp: { f, stride }, mode, x };
  }
}

function forward(x: Json, { f, stride }: PoolHp, mode: Mode): Json {
  const t = fromNested(x);
  return toNested(mode === 'max' ? maxPool2d(t, { size: f, stride }) : avgPool2d(t, { size: f, stride }));
}

function backward(dA: Json, x: Json, { f, stride }: PoolHp, mode: Mode): Json {
  const dy = fromNested(dA), t = fromNested(x);
  const g = mode === 'max' ? maxPool2dBackward(dy, t, { size: f, stride }) : avgPool2dBackward(dy, t, { size: f, stride });
  return toNested(g.dx);
}

const other = (mode: Mode): Mode => (mode === 'max' ? 'average' : 'max');

export const poolForward = defineGrader({
  args: ['A_prev', 'hparameters', 'mode'],
  ranges: RANGES,
  examples: () => [
    { args: [COURSE_4x4, { f: 2, stride: 2 }, 'max'], dims: { m: 1, n_H_prev: 4, n_W_prev: 4, n_C: 1, f: 2, stride: 2, mode: 'max' } },
    { args: [COURSE_4x4, { f: 2, stride: 2 }, 'average'], dims: { m: 1, n_H_prev: 4, n_W_prev: 4, n_C: 1, f: 2, stride: 2, mode: 'average' } },
  ],
  random(r, g) {
    const c = drawPool(r, g);
    return { args: [c.x, c.hp, c.mode], dims: c.dims };
  },
  reference: ([x, hp, mode]) => forward(x, hp as PoolHp, mode as Mode),
  mistakes([x, hp, mode]) {
    const { f, stride } = hp as PoolHp;
    const [m, h, w, c] = fromNested(x).shape;
    const oh = Math.floor((h - f) / stride) + 1, ow = Math.floor((w - f) / stride) + 1;
    const out: Mistake[] = [{ hint: 'mode', value: forward(x, hp as PoolHp, other(mode as Mode)) }];
    if (mode === 'average') out.push({ hint: 'sumVsAverage', value: mapNested(forward(x, hp as PoolHp, 'average'), (v) => v * f * f) });
    if (stride > 1) {
      out.push({ hint: 'stride', shape: [m, h - f + 1, w - f + 1, c] });
      out.push({ hint: 'floor', shape: [m, Math.ceil((h - f) / stride) + 1, Math.ceil((w - f) / stride) + 1, c] });
      const full = forward(x, { f, stride: 1 }, mode as Mode) as Json[][][];
      out.push({ hint: 'strideStart', value: full.map((img) => img.slice(0, oh).map((row) => row.slice(0, ow))) });
    }
    return out;
  },
  fallbackHint: 'poolForward',
});

/** The loop with `=` where `+=` belongs: overlapping windows (stride < f) overwrite each other. */
function overwritten(dA: Json, x: Json, { f, stride }: PoolHp, mode: Mode): Json {
  const dy = fromNested(dA), t = fromNested(x);
  const [m, h, w, c] = t.shape, [, oh, ow] = dy.shape;
  const dx = new Float64Array(t.data.length);
  const at = (i: number, r: number, q: number, k: number) => ((i * h + r) * w + q) * c + k;
  for (let i = 0; i < m; i++)
    for (let r = 0; r < oh; r++)
      for (let q = 0; q < ow; q++)
        for (let k = 0; k < c; k++) {
          const g = dy.data[((i * oh + r) * ow + q) * c + k];
          let best = -Infinity;
          for (let u = 0; u < f; u++) for (let v = 0; v < f; v++) best = Math.max(best, t.data[at(i, r * stride + u, q * stride + v, k)]);
          for (let u = 0; u < f; u++)
            for (let v = 0; v < f; v++) {
              const j = at(i, r * stride + u, q * stride + v, k);
              dx[j] = mode === 'max' ? (t.data[j] === best ? g : 0) : g / (f * f);
            }
        }
  return toNested({ shape: t.shape, data: dx });
}

export const poolBackward = defineGrader({
  args: ['dA', 'A_prev', 'hparameters', 'mode'],
  ranges: RANGES,
  examples: () => {
    const dA: Json = [[[[1], [2]], [[3], [4]]]];
    return [
      { args: [dA, COURSE_4x4, { f: 2, stride: 2 }, 'max'], dims: { m: 1, n_H_prev: 4, n_W_prev: 4, n_C: 1, f: 2, stride: 2, mode: 'max' } },
      { args: [dA, COURSE_4x4, { f: 2, stride: 2 }, 'average'], dims: { m: 1, n_H_prev: 4, n_W_prev: 4, n_C: 1, f: 2, stride: 2, mode: 'average' } },
    ];
  },
  random(r, g) {
    const c = drawPool(r, g);
    const y = fromNested(forward(c.x, c.hp, c.mode));
    return { args: [randNested(r, y.shape), c.x, c.hp, c.mode], dims: c.dims };
  },
  reference: ([dA, x, hp, mode]) => backward(dA, x, hp as PoolHp, mode as Mode),
  mistakes([dA, x, hp, mode]) {
    const { f, stride } = hp as PoolHp;
    const out: Mistake[] = [{ hint: 'mode', value: backward(dA, x, hp as PoolHp, other(mode as Mode)) }];
    if (mode === 'average') out.push({ hint: 'avgSpread', value: mapNested(backward(dA, x, hp as PoolHp, 'average'), (v) => v * f * f) });
    if (stride < f) out.push({ hint: 'accumulate', value: overwritten(dA, x, hp as PoolHp, mode as Mode) });
    return out;
  },
  fallbackHint: 'poolBackward',
});
