// Graders for the face-recognition and style-transfer exercises: the triplet loss (geometry's
// tripletLoss), the content cost, the Gram matrix and one layer's style cost (the engine's
// meanSquaredError, gramMatrix and styleLayerCost).
import { tripletLoss as tripletLossRef } from '../../../geometry/triplet';
import { gramMatrix as gram, meanSquaredError, styleLayerCost } from '../../../engine/ops/index';
import type { Tensor } from '../../../engine/tensor';
import { defineGrader } from './types';
import { drawInt, fromNested, randNested, toNested, type Json } from './nested';

type Rows = number[][];

function tripletVariant(a: Rows, p: Rows, n: Rows, alpha: number, kind: 'clampAfterSum' | 'noClamp' | 'mean' | 'notSquared'): number {
  const d = (u: number[], v: number[]) => u.reduce((s, x, k) => s + (x - v[k]) ** 2, 0);
  const terms = a.map((ai, i) =>
    kind === 'notSquared' ? Math.sqrt(d(ai, p[i])) - Math.sqrt(d(ai, n[i])) + alpha : d(ai, p[i]) - d(ai, n[i]) + alpha,
  );
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  if (kind === 'clampAfterSum') return Math.max(sum(terms), 0);
  if (kind === 'noClamp') return sum(terms);
  if (kind === 'mean') return sum(terms.map((t) => Math.max(t, 0))) / a.length;
  return sum(terms.map((t) => Math.max(t, 0)));
}

export const tripletLoss = defineGrader({
  args: ['anchor', 'positive', 'negative', 'alpha'],
  ranges: { m: { default: [2, 4], min: 1, max: 6 }, d: { default: [2, 6], min: 1, max: 8 } },
  examples: () => [
    {
      // One hard triplet (the negative is closer than the positive) and one easy one.
      args: [[[0, 0], [1, 1]], [[0.3, 0.4], [1, 1.1]], [[0.1, 0.2], [3, 3]], 0.2],
      dims: { m: 2, d: 2, alpha: 0.2 },
    },
  ],
  random(r, g) {
    const m = drawInt(r, g.m), d = drawInt(r, g.d);
    const a = randNested(r, [m, d]) as Rows;
    // Positives near the anchor; negatives sometimes near (hard), sometimes far (easy).
    const near = (x: Rows, spread: number) => x.map((row) => row.map((v) => Math.round((v + r.uniform(-spread, spread)) * 100) / 100));
    const p = near(a, 0.4);
    const n = a.map((row) => near([row], r.next() < 0.5 ? 0.4 : 2)[0]);
    return { args: [a, p, n, 0.2], dims: { m, d, alpha: 0.2 } };
  },
  reference: ([a, p, n, alpha]) => tripletLossRef(a as Rows, p as Rows, n as Rows, alpha as number),
  mistakes([a, p, n, alpha]) {
    const args = [a as Rows, p as Rows, n as Rows, alpha as number] as const;
    return [
      { hint: 'tripletClamp', value: tripletVariant(...args, 'clampAfterSum') },
      { hint: 'tripletClamp', value: tripletVariant(...args, 'noClamp') },
      { hint: 'tripletSum', value: tripletVariant(...args, 'mean') },
      { hint: 'squared', value: tripletVariant(...args, 'notSquared') },
    ];
  },
  fallbackHint: 'tripletLoss',
});

const ACT_RANGES = {
  n_H: { default: [1, 4], min: 1, max: 6 },
  n_W: { default: [1, 4], min: 1, max: 6 },
  n_C: { default: [1, 4], min: 1, max: 6 },
} satisfies Record<string, { default: [number, number]; min: number; max: number }>;

function drawActs(r: Parameters<typeof drawInt>[0], g: Record<string, [number, number]>) {
  const h = drawInt(r, g.n_H), w = drawInt(r, g.n_W), c = drawInt(r, g.n_C);
  // Activations after a ReLU are ≥ 0.
  return { a: randNested(r, [1, h, w, c], 0, 1), b: randNested(r, [1, h, w, c], 0, 1), dims: { n_H: h, n_W: w, n_C: c } };
}

/** A small layer's activations a[l](C) and a[l](G) shared by the style examples. */
const EXAMPLE_C: Json = [[[[1, 0], [0.5, 0.2]], [[0, 1], [0.3, 0.4]]]];
const EXAMPLE_G: Json = [[[[0.8, 0.1], [0.5, 0.5]], [[0.2, 0.6], [0, 0.4]]]];

function sumSquares(a: Json, b: Json): number {
  const x = fromNested(a), y = fromNested(b);
  return x.data.reduce((s, v, i) => s + (v - y.data[i]) ** 2, 0);
}

export const contentCost = defineGrader({
  args: ['a_C', 'a_G'],
  ranges: ACT_RANGES,
  examples: () => [{ args: [EXAMPLE_C, EXAMPLE_G], dims: { n_H: 2, n_W: 2, n_C: 2 } }],
  random(r, g) {
    const { a, b, dims } = drawActs(r, g);
    return { args: [a, b], dims };
  },
  // J = 1/(4·n_H·n_W·n_C) · Σ (a_C − a_G)² = the mean of the squared differences, over 4.
  reference: ([aC, aG]) => meanSquaredError(fromNested(aG), fromNested(aC)) / 4,
  mistakes([aC, aG]) {
    const ss = sumSquares(aC, aG), n = fromNested(aC).data.length;
    return [
      { hint: 'contentNorm', value: ss / n },
      { hint: 'contentNorm', value: ss },
      { hint: 'contentNorm', value: ss / 2 },
      { hint: 'squared', value: Math.sqrt(ss) / (4 * n) },
    ];
  },
  fallbackHint: 'contentCost',
});

/** A (n_C, n_H·n_W) → the engine's NHWC [1, 1, n_H·n_W, n_C]. */
function unrolledToNhwc(A: Json): Tensor {
  const t = fromNested(A);
  const [c, hw] = t.shape;
  const data = new Float32Array(c * hw);
  for (let k = 0; k < c; k++) for (let p = 0; p < hw; p++) data[p * c + k] = t.data[k * hw + p];
  return { shape: [1, 1, hw, c], data };
}

export const gramMatrix = defineGrader({
  args: ['A'],
  ranges: { n_C: { default: [1, 4], min: 1, max: 6 }, n_HW: { default: [2, 6], min: 1, max: 12 } },
  examples: () => [{ args: [[[1, 0, 2], [0, 1, 1]]], dims: { n_C: 2, n_HW: 3 } }],
  random(r, g) {
    const c = drawInt(r, g.n_C), hw = drawInt(r, g.n_HW);
    return { args: [randNested(r, [c, hw])], dims: { n_C: c, n_HW: hw } };
  },
  // G = A·Aᵀ: entry (k, k') is the dot product of channel k's and channel k''s activations.
  reference: ([A]) => {
    const g = gram(unrolledToNhwc(A));
    return toNested({ shape: g.shape.slice(1), data: g.data });
  },
  mistakes([A]) {
    const [c, hw] = fromNested(A).shape;
    const g = gram(unrolledToNhwc(A));
    return [
      ...(hw !== c ? [{ hint: 'gramTranspose', shape: [hw, hw] }] : []),
      { hint: 'gramNorm', value: toNested({ shape: [c, c], data: g.data.map((v) => v / hw) }) },
    ];
  },
  fallbackHint: 'gramMatrix',
});

/** J_style^[l] with the activations unrolled a given way: 'course' = channels × positions. */
function styleCostOf(aS: Json, aG: Json, unroll: 'course' | 'plainReshape', norm: 'course' | 'none' | 'noTwo'): number {
  const s = fromNested(aS), g = fromNested(aG);
  const [, h, w, c] = s.shape;
  const asNhwc = (t: Tensor): Tensor => {
    if (unroll === 'course') return t;
    // numpy's reshape(n_C, n_H·n_W) without the transpose: rows are consecutive memory.
    const data = new Float32Array(t.data.length);
    for (let k = 0; k < c; k++) for (let p = 0; p < h * w; p++) data[p * c + k] = t.data[k * h * w + p];
    return { shape: [1, h, w, c], data };
  };
  const gS = gram(asNhwc(s)), gG = gram(asNhwc(g));
  const j = styleLayerCost(gS, gG, h, w, c);
  if (norm === 'none') return j * (2 * h * w * c) ** 2;
  if (norm === 'noTwo') return j * 4;
  return j;
}

export const layerStyleCost = defineGrader({
  args: ['a_S', 'a_G'],
  ranges: ACT_RANGES,
  examples: () => [{ args: [EXAMPLE_C, EXAMPLE_G], dims: { n_H: 2, n_W: 2, n_C: 2 } }],
  random(r, g) {
    const { a, b, dims } = drawActs(r, g);
    return { args: [a, b], dims };
  },
  reference: ([aS, aG]) => styleCostOf(aS, aG, 'course', 'course'),
  mistakes: ([aS, aG]) => [
    { hint: 'unroll', value: styleCostOf(aS, aG, 'plainReshape', 'course') },
    { hint: 'styleNorm', value: styleCostOf(aS, aG, 'course', 'none') },
    { hint: 'styleNorm', value: styleCostOf(aS, aG, 'course', 'noTwo') },
  ],
  fallbackHint: 'layerStyleCost',
});
