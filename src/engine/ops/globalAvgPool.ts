// Global average pooling: one number per channel (the head of ResNet/Inception-style nets).
//   forward  y[b,c] = (1/(h·w)) Σ_{i,j} x[b,i,j,c]          x [n,h,w,c] → y [n,c]
//   backward dx[b,i,j,c] = dy[b,c] / (h·w)
import type { Tensor } from '../tensor';
import { assertRank, fmtShape, outTensor } from './check';

export function globalAvgPool(x: Tensor, out?: Tensor): Tensor {
  assertRank('globalAvgPool', 'input x', x, 4, 'NHWC');
  const [n, h, w, c] = x.shape;
  const y = outTensor('globalAvgPool', [n, c], out);
  const xd = x.data, yd = y.data;
  const hw = h * w, inv = 1 / hw;
  yd.fill(0);
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < hw; p++) {
      const src = (b * hw + p) * c;
      for (let ci = 0; ci < c; ci++) yd[b * c + ci] += xd[src + ci];
    }
  }
  for (let i = 0; i < yd.length; i++) yd[i] *= inv;
  return y;
}

export function globalAvgPoolBackward(dy: Tensor, x: Tensor, dxOut?: Tensor): { dx: Tensor } {
  assertRank('globalAvgPool', 'input x', x, 4, 'NHWC');
  const [n, h, w, c] = x.shape;
  if (dy.data.length !== n * c) {
    throw new RangeError(`globalAvgPool: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape([n, c])}`);
  }
  const dx = outTensor('globalAvgPool', x.shape.slice(), dxOut);
  const dxd = dx.data, dyd = dy.data;
  const hw = h * w, inv = 1 / hw;
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < hw; p++) {
      const dst = (b * hw + p) * c;
      for (let ci = 0; ci < c; ci++) dxd[dst + ci] = dyd[b * c + ci] * inv;
    }
  }
  return { dx };
}
