// The residual block example (§14–15): a small activation vector a[l] (non-negative: it is
// the output of a ReLU) and fixed weights, so the numbers can be read. The second layer's
// W[l+2], b[l+2] are scaled by sliders towards 0 (what weight decay does): with the skip on,
// a[l+2] = g(0·a[l+1] + 0 + a[l]) = g(a[l]) = a[l]. Packed for the worker job 'residual-block'.
import { tensor, type Tensor } from '../../engine/tensor';

export const RES_N = 6;
export const RES_N_SMALL = 4; // a[l] size when the shortcut needs a projection W_s

const A = [0.8, 0, 1.5, 0.3, 1.1, 0.6];
// Deterministic small weights in [−1, 1] with one decimal, different for each layer.
function weight(layer: number, i: number, j: number): number {
  const v = Math.sin(12.9898 * (i + 1) + 78.233 * (j + 1) + 37.719 * layer) * 43758.5453;
  return Math.round(((v - Math.floor(v)) * 2 - 1) * 10) / 10;
}

export function residualInput(nIn: number): number[] {
  return A.slice(0, nIn);
}

export interface ResidualSetup {
  nIn: number;
  scaleW: number;
  scaleB: number;
  skip: boolean;
}

export function residualMatrices(nIn: number, scaleW: number, scaleB: number) {
  const w1 = Array.from({ length: nIn * RES_N }, (_, k) => weight(1, Math.floor(k / RES_N), k % RES_N));
  const b1 = Array.from({ length: RES_N }, (_, j) => weight(3, 0, j) / 2);
  const w2 = Array.from({ length: RES_N * RES_N }, (_, k) => scaleW * weight(2, Math.floor(k / RES_N), k % RES_N));
  const b2 = Array.from({ length: RES_N }, (_, j) => (scaleB * weight(4, 0, j)) / 2);
  // W_s [nIn, n]: the fixed projection that copies a[l] and pads it with zeros (one of the
  // course's two options; the other is a learned W_s).
  const ws = nIn === RES_N ? null : Array.from({ length: nIn * RES_N }, (_, k) => (Math.floor(k / RES_N) === k % RES_N ? 1 : 0));
  return { w1, b1, w2, b2, ws };
}

export function packResidual({ nIn, scaleW, scaleB, skip }: ResidualSetup): {
  a: Tensor; w1: Tensor; b1: Tensor; w2: Tensor; b2: Tensor; ws: Tensor | null; skip: boolean;
} {
  const m = residualMatrices(nIn, scaleW, scaleB);
  return {
    a: tensor(residualInput(nIn), [1, nIn]),
    w1: tensor(m.w1, [nIn, RES_N]),
    b1: tensor(m.b1, [RES_N]),
    w2: tensor(m.w2, [RES_N, RES_N]),
    b2: tensor(m.b2, [RES_N]),
    ws: m.ws ? tensor(m.ws, [nIn, RES_N]) : null,
    skip,
  };
}

/** max_i |x_i − y_i| (how far the block's output is from its input). */
export function maxAbsDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

/* ---------- the bottleneck block (ResNet-50 and deeper) ---------- */
// 1×1 (reduce the channels) → 3×3 (the spatial work, on few channels) → 1×1 (expand again),
// each conv followed by ReLU except the last, which is added to the shortcut first:
//   a[l+3] = g(z3 + a[l])        identity shortcut (same shape)
//   a[l+3] = g(z3 + W_s a[l])    projection: W_s is a 1×1 conv (with the block's stride)
// Batch norm, which follows every conv in ResNet, is left out so the numbers stay readable.

export type BottleneckCase = 'identity' | 'projection';

export interface BottleneckConv {
  f: number;
  stride: number;
  cin: number;
  cout: number;
}

export interface BottleneckSetup {
  input: [number, number, number]; // h, w, c of a[l]
  convs: [BottleneckConv, BottleneckConv, BottleneckConv];
  /** The projection shortcut, or null for the identity. */
  ws: BottleneckConv | null;
}

/** A ResNet-50 block divided by 32 in channels: 256 → 64 → 64 → 256 becomes 8 → 2 → 2 → 8. */
export const BOTTLENECKS: Record<BottleneckCase, BottleneckSetup> = {
  identity: {
    input: [4, 4, 8],
    convs: [{ f: 1, stride: 1, cin: 8, cout: 2 }, { f: 3, stride: 1, cin: 2, cout: 2 }, { f: 1, stride: 1, cin: 2, cout: 8 }],
    ws: null,
  },
  // the first block of a stage: half the height and width, twice the channels (as 256 → 512)
  projection: {
    input: [4, 4, 8],
    convs: [{ f: 1, stride: 1, cin: 8, cout: 4 }, { f: 3, stride: 2, cin: 4, cout: 4 }, { f: 1, stride: 1, cin: 4, cout: 16 }],
    ws: { f: 1, stride: 2, cin: 8, cout: 16 },
  },
};

/** Weights of a conv (f·f·cin·cout, no bias), from the block's deterministic pattern. */
function convWeights(c: BottleneckConv, layer: number): Tensor {
  const n = c.f * c.f * c.cin * c.cout;
  const scale = 1 / Math.sqrt(c.f * c.f * c.cin);
  return tensor(Array.from({ length: n }, (_, k) => Math.round(weight(10 + layer, Math.floor(k / c.cout), k % c.cout) * scale * 100) / 100), [c.f, c.f, c.cin, c.cout]);
}

/** a[l] for the bottleneck: non-negative (a ReLU's output), one decimal. */
export function bottleneckInput([h, w, c]: [number, number, number]): Tensor {
  return tensor(Array.from({ length: h * w * c }, (_, k) => Math.max(0, Math.round(weight(20, Math.floor(k / c), k % c) * 10) / 10)), [1, h, w, c]);
}

export interface PackedBottleneck {
  a: Tensor;
  convs: { w: Tensor; stride: number }[];
  ws: { w: Tensor; stride: number } | null;
}

export function packBottleneck(kind: BottleneckCase): PackedBottleneck {
  const s = BOTTLENECKS[kind];
  return {
    a: bottleneckInput(s.input),
    convs: s.convs.map((c, i) => ({ w: convWeights(c, i), stride: c.stride })),
    ws: s.ws ? { w: convWeights(s.ws, 3), stride: s.ws.stride } : null,
  };
}

/** Weights of a conv without bias. */
export const convWeightCount = (c: BottleneckConv) => c.f * c.f * c.cin * c.cout;

/** The output side of a 'same' conv: ⌈n / s⌉. */
export const sameOut = (n: number, s: number) => Math.ceil(n / s);

/**
 * Why the bottleneck: weights of one block on `c` channels with `mid` inside,
 * 1×1 + 3×3 + 1×1, against two 3×3 convs on all c channels (the basic block).
 */
export function bottleneckSaving(c: number, mid: number): { bottleneck: number; basic: number } {
  return { bottleneck: c * mid + 9 * mid * mid + mid * c, basic: 2 * 9 * c * c };
}
