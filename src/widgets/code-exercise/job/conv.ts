// Graders for the convolution exercises: zero padding, one step of convolution, the forward
// pass and the backward pass. The answers are the engine's zeroPad2d / conv2d / conv2dBackward.
import { conv2d, conv2dBackward, zeroPad2d } from '../../../engine/ops/index';
import { convOutputSize } from '../../../engine/shape';
import type { Rng } from '../../../engine/random';
import { defineGrader, type Mistake } from './types';
import { drawInt, fromNested, randNested, toNested, type Json } from './nested';

type HParams = { stride: number; pad: number };

/** The course's 6×6 picture with a vertical edge (10s on the left, 0s on the right). */
const EDGE_6x6: Json = Array.from({ length: 6 }, () => [10, 10, 10, 0, 0, 0].map((v) => [v]));
/** The vertical-edge filter [[1,0,−1]]×3 as HWIO (3, 3, 1, 1). */
const VERTICAL = [1, 0, -1].map(() => [1, 0, -1].map((v) => [[v]]));

/** Crop the first oh×ow positions of an NHWC nested array (what `vert_start = h` reads). */
function crop(x: Json, oh: number, ow: number): Json {
  return (x as Json[][][]).map((img) => img.slice(0, oh).map((row) => row.slice(0, ow)));
}

function drawConv(r: Rng, g: Record<string, [number, number]>): { dims: Record<string, number>; x: Json; w: Json; b: number[]; hp: HParams } {
  for (;;) {
    const m = drawInt(r, g.m), nH = drawInt(r, g.n_H), nW = drawInt(r, g.n_W);
    const cIn = drawInt(r, g.n_C_prev), cOut = drawInt(r, g.n_C), f = drawInt(r, g.f);
    const stride = drawInt(r, g.stride), pad = drawInt(r, g.pad);
    if (f > nH + 2 * pad || f > nW + 2 * pad) continue;
    const x = randNested(r, [m, nH, nW, cIn]);
    const w = randNested(r, [f, f, cIn, cOut]);
    const b = randNested(r, [cOut]) as number[];
    return { dims: { m, n_H_prev: nH, n_W_prev: nW, n_C_prev: cIn, n_C: cOut, f, stride, pad }, x, w, b, hp: { stride, pad } };
  }
}

const CONV_RANGES = {
  m: { default: [1, 2], min: 1, max: 3 },
  n_H: { default: [3, 6], min: 1, max: 8 },
  n_W: { default: [3, 6], min: 1, max: 8 },
  n_C_prev: { default: [1, 3], min: 1, max: 4 },
  n_C: { default: [1, 3], min: 1, max: 4 },
  f: { default: [1, 3], min: 1, max: 5 },
  stride: { default: [1, 2], min: 1, max: 3 },
  pad: { default: [0, 2], min: 0, max: 3 },
} satisfies Record<string, { default: [number, number]; min: number; max: number }>;

export const zeroPad = defineGrader({
  args: ['X', 'pad'],
  ranges: {
    m: { default: [1, 2], min: 1, max: 3 },
    n_H: { default: [2, 4], min: 1, max: 6 },
    n_W: { default: [2, 4], min: 1, max: 6 },
    n_C: { default: [1, 2], min: 1, max: 3 },
    pad: { default: [1, 2], min: 1, max: 3 },
  },
  // The lesson's example: the 6×6 edge picture with p = 1 becomes 8×8.
  examples: () => [{ args: [[EDGE_6x6], 1], dims: { m: 1, n_H: 6, n_W: 6, n_C: 1, pad: 1 } }],
  random(r, g) {
    const m = drawInt(r, g.m), nH = drawInt(r, g.n_H), nW = drawInt(r, g.n_W), c = drawInt(r, g.n_C), pad = drawInt(r, g.pad);
    return { args: [randNested(r, [m, nH, nW, c]), pad], dims: { m, n_H: nH, n_W: nW, n_C: c, pad } };
  },
  reference: ([X, pad]) => toNested(zeroPad2d(fromNested(X), pad as number)),
  mistakes([X, pad]) {
    const [m, h, w, c] = fromNested(X).shape, p = pad as number;
    return [
      { hint: 'padBothSides', shape: [m, h + p, w + p, c] },
      { hint: 'padOnlyHW', shape: [m + 2 * p, h + 2 * p, w + 2 * p, c + 2 * p] },
      { hint: 'padOnlyHW', shape: [m, h + 2 * p, w + 2 * p, c + 2 * p] },
    ];
  },
  fallbackHint: 'zeroPad',
});

export const convSingleStep = defineGrader({
  args: ['a_slice_prev', 'W', 'b'],
  ranges: { f: { default: [2, 4], min: 1, max: 5 }, n_C_prev: { default: [1, 3], min: 1, max: 4 } },
  examples: () => [
    {
      // The window at the top-left of the edge picture, the vertical filter, and a bias of 1.
      args: [[[10], [10], [0]].map(() => [[10], [10], [0]]), [[1], [0], [-1]].map(() => [[1], [0], [-1]]), 1],
      dims: { f: 3, n_C_prev: 1 },
    },
  ],
  random(r, g) {
    const f = drawInt(r, g.f), c = drawInt(r, g.n_C_prev);
    const b = Math.round(r.uniform(-1, 1) * 100) / 100 || 0.5;
    return { args: [randNested(r, [f, f, c]), randNested(r, [f, f, c]), b], dims: { f, n_C_prev: c } };
  },
  reference([a, W, b]) {
    const x = fromNested(a), w = fromNested(W);
    const [f, , c] = x.shape;
    const y = conv2d({ shape: [1, f, f, c], data: x.data }, { shape: [f, f, c, 1], data: w.data }, { shape: [1], data: Float32Array.of(b as number) });
    return y.data[0];
  },
  mistakes([a, W, b]) {
    const x = fromNested(a), w = fromNested(W);
    let s = 0;
    for (let i = 0; i < x.data.length; i++) s += x.data[i] * w.data[i];
    return [
      { hint: 'bias', value: s },
      { hint: 'biasOnce', value: s + x.data.length * (b as number) },
    ];
  },
  fallbackHint: 'convSingleStep',
});

export const convForward = defineGrader({
  args: ['A_prev', 'W', 'b', 'hparameters'],
  ranges: CONV_RANGES,
  examples: () => [
    { args: [[EDGE_6x6], VERTICAL, [0], { stride: 1, pad: 0 }], dims: { m: 1, n_H_prev: 6, n_W_prev: 6, n_C_prev: 1, n_C: 1, f: 3, stride: 1, pad: 0 } },
    { args: [[EDGE_6x6], VERTICAL, [1], { stride: 2, pad: 1 }], dims: { m: 1, n_H_prev: 6, n_W_prev: 6, n_C_prev: 1, n_C: 1, f: 3, stride: 2, pad: 1 } },
  ],
  random(r, g) {
    const { dims, x, w, b, hp } = drawConv(r, g);
    return { args: [x, w, b, hp], dims };
  },
  reference([A, W, b, hp]) {
    const { stride, pad } = hp as HParams;
    return toNested(conv2d(fromNested(A), fromNested(W), fromNested(b), { stride, pad }));
  },
  mistakes([A, W, b, hp]) {
    const { stride, pad } = hp as HParams;
    const x = fromNested(A), w = fromNested(W);
    const [m, h, wd] = x.shape, f = w.shape[0], c = w.shape[3];
    const oh = convOutputSize(h, f, pad, stride), ow = convOutputSize(wd, f, pad, stride);
    const out: Mistake[] = [{ hint: 'bias', value: toNested(conv2d(x, w, null, { stride, pad })) }];
    if (pad > 0 && f <= h && f <= wd) out.push({ hint: 'pad', shape: [m, convOutputSize(h, f, 0, stride), convOutputSize(wd, f, 0, stride), c] });
    if (stride > 1) {
      out.push({ hint: 'stride', shape: [m, h + 2 * pad - f + 1, wd + 2 * pad - f + 1, c] });
      out.push({ hint: 'floor', shape: [m, Math.ceil((h + 2 * pad - f) / stride) + 1, Math.ceil((wd + 2 * pad - f) / stride) + 1, c] });
      out.push({ hint: 'strideStart', value: crop(toNested(conv2d(x, w, fromNested(b), { stride: 1, pad })), oh, ow) });
    }
    return out;
  },
  fallbackHint: 'convForward',
});

/** The course's loop with `=` where `+=` belongs: the last window to touch a pixel wins. */
function overwrittenDx(dZ: Json, A: Json, W: Json, { stride, pad }: HParams): Json {
  const x = fromNested(A), w = fromNested(W), dy = fromNested(dZ);
  const [m, h, wd, cIn] = x.shape, [f, , , cOut] = w.shape, [, oh, ow] = dy.shape;
  const H = h + 2 * pad, Wp = wd + 2 * pad;
  const dxp = new Float64Array(m * H * Wp * cIn);
  for (let i = 0; i < m; i++)
    for (let r = 0; r < oh; r++)
      for (let q = 0; q < ow; q++)
        for (let k = 0; k < cOut; k++) {
          const g = dy.data[((i * oh + r) * ow + q) * cOut + k];
          for (let u = 0; u < f; u++)
            for (let v = 0; v < f; v++)
              for (let c = 0; c < cIn; c++) dxp[((i * H + r * stride + u) * Wp + q * stride + v) * cIn + c] = w.data[((u * f + v) * cIn + c) * cOut + k] * g;
        }
  const dx = new Float64Array(m * h * wd * cIn);
  for (let i = 0; i < m; i++)
    for (let r = 0; r < h; r++)
      for (let q = 0; q < wd; q++)
        for (let c = 0; c < cIn; c++) dx[((i * h + r) * wd + q) * cIn + c] = dxp[((i * H + r + pad) * Wp + q + pad) * cIn + c];
  return toNested({ shape: [m, h, wd, cIn], data: dx });
}

export const convBackward = defineGrader({
  args: ['dZ', 'A_prev', 'W', 'hparameters'],
  ranges: { ...CONV_RANGES, n_H: { default: [3, 5], min: 1, max: 7 }, n_W: { default: [3, 5], min: 1, max: 7 }, pad: { default: [0, 1], min: 0, max: 2 } },
  examples: () => {
    // A 4×4 picture, a 2×2 filter, stride 1 and dZ of ones: dW sums the picture's 3×3 windows.
    const x = [[[[1], [2], [0], [1]], [[0], [1], [3], [1]], [[2], [0], [1], [0]], [[1], [1], [0], [2]]]];
    const w = [[[[1]], [[-1]]], [[[2]], [[0]]]];
    const dZ = [Array.from({ length: 3 }, () => [[1], [1], [1]])];
    return [{ args: [dZ, x, w, { stride: 1, pad: 0 }], dims: { m: 1, n_H_prev: 4, n_W_prev: 4, n_C_prev: 1, n_C: 1, f: 2, stride: 1, pad: 0 } }];
  },
  random(r, g) {
    const { dims, x, w, b, hp } = drawConv(r, g);
    const y = conv2d(fromNested(x), fromNested(w), fromNested(b), hp);
    return { args: [randNested(r, y.shape), x, w, hp], dims };
  },
  reference([dZ, A, W, hp]) {
    const g = conv2dBackward(fromNested(dZ), fromNested(A), fromNested(W), hp as HParams);
    return { dA_prev: toNested(g.dx), dW: toNested(g.dw), db: toNested(g.db) };
  },
  mistakes([dZ, A, W, hp]) {
    const { stride, pad } = hp as HParams;
    const x = fromNested(A), w = fromNested(W), dy = fromNested(dZ);
    const [m, h, wd, cIn] = x.shape;
    const out: Mistake[] = [];
    if (pad > 0) out.push({ hint: 'unpad', key: 'dA_prev', shape: [m, h + 2 * pad, wd + 2 * pad, cIn] });
    if (m > 1) {
      // Only the last example's gradients: dW and db are sums over the batch.
      const one = (t: typeof x) => ({ shape: [1, ...t.shape.slice(1)], data: t.data.subarray(t.data.length - t.data.length / m) });
      const last = conv2dBackward(one(dy), one(x), w, { stride, pad });
      out.push({ hint: 'batchSum', key: 'dW', value: toNested(last.dw) }, { hint: 'batchSum', key: 'db', value: toNested(last.db) });
    }
    out.push({ hint: 'accumulate', key: 'dA_prev', value: overwrittenDx(dZ, A, W, { stride, pad }) });
    return out;
  },
  fallbackHint: 'convBackward',
});
