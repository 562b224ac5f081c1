// Fully connected layer: x [n, in] · w [in, out] + b [out].
//   forward  y = x·w + b
//   backward dx = dy·wᵀ,  dw = xᵀ·dy,  db = Σ_rows dy
import type { Tensor } from '../tensor';
import { kernels } from '../kernels/index';
import { assertBias, assertRank, fmtShape, outTensor } from './check';

export interface DenseGrads {
  dx: Tensor;
  dw: Tensor;
  db: Tensor;
}

function check(x: Tensor, w: Tensor): void {
  assertRank('dense', 'input x', x, 2, '[n, in] — flatten first');
  assertRank('dense', 'weights w', w, 2, '[in, out]');
  if (x.shape[1] !== w.shape[0]) {
    throw new RangeError(`dense: x ${fmtShape(x.shape)} has ${x.shape[1]} features but w ${fmtShape(w.shape)} expects ${w.shape[0]}`);
  }
}

export function dense(x: Tensor, w: Tensor, b: Tensor | null, out?: Tensor): Tensor {
  check(x, w);
  const [n, k] = x.shape, m = w.shape[1];
  assertBias('dense', b, m);
  const y = outTensor('dense', [n, m], out);
  if (b) for (let i = 0; i < n; i++) y.data.set(b.data, i * m);
  kernels().gemm(n, m, k, x.data, w.data, y.data, { accumulate: b !== null });
  return y;
}

export function denseBackward(dy: Tensor, x: Tensor, w: Tensor, grads: Partial<DenseGrads> = {}): DenseGrads {
  check(x, w);
  const [n, k] = x.shape, m = w.shape[1];
  if (dy.data.length !== n * m) {
    throw new RangeError(`dense: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape([n, m])}`);
  }
  const dx = outTensor('dense', x.shape.slice(), grads.dx);
  const dw = outTensor('dense', w.shape.slice(), grads.dw);
  const db = outTensor('dense', [m], grads.db);
  kernels().gemm(n, k, m, dy.data, w.data, dx.data, { transB: true });
  kernels().gemm(k, m, n, x.data, dy.data, dw.data, { transA: true });
  const dbd = db.data, dyd = dy.data;
  dbd.fill(0);
  for (let i = 0, o = 0; i < n; i++) for (let j = 0; j < m; j++, o++) dbd[j] += dyd[o];
  return { dx, dw, db };
}
