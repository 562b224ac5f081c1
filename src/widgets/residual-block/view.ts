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
