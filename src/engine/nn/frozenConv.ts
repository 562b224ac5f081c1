// A convolution with FROZEN weights on the tape (pretrained feature extractors: style transfer,
// feature visualisation). Only the input needs a gradient, so the backward pass computes
//   dx = col2im(dy · Wᵀ)     (each input pixel collects every window that saw it)
// and skips dw = im2col(x)ᵀ·dy and db, which conv2dBackward always computes — about half the
// work of a backward pass through a conv.
import type { Tensor } from '../tensor';
import { resolvePadding, type Padding } from '../shape';
import { conv2d as conv2dOp, convGeometry } from '../ops/conv2d';
import { kernels } from '../kernels/index';
import { col2im } from '../im2col';
import { record } from './autograd';
import { gradSink, type Variable } from './variable';

export function frozenConv2d(x: Variable, w: Tensor, b: Tensor | null, o: { stride?: number; pad?: Padding } = {}): Variable {
  const stride = o.stride ?? 1;
  const y = conv2dOp(x.value, w, b, { stride, pad: o.pad ?? 0 });
  if (!x.requiresGrad) return record(y, [], () => {});
  return record(y, [x], (self) => {
    const sides = resolvePadding(x.value.shape[1], x.value.shape[2], w.shape[0], w.shape[1], stride, o.pad ?? 0);
    const g = convGeometry('frozenConv2d', x.value, w, stride, stride, sides);
    const M = g.n * g.oh * g.ow, K = g.fh * g.fw * g.c, N = g.cOut;
    const dy = self.grad!.data;
    const sx = gradSink(x);
    const dx = sx.out.data;
    const pointwise = g.fh === 1 && g.fw === 1 && stride === 1 && g.top === 0 && g.left === 0 && g.oh === g.h && g.ow === g.w;
    if (pointwise) {
      kernels().gemm(M, K, N, dy, w.data, dx, { transB: true });
    } else {
      dx.fill(0);
      const R = Math.max(64, Math.min(M, Math.floor(65536 / K)));
      const dcols = new Float32Array(R * K);
      for (let r0 = 0; r0 < M; r0 += R) {
        const rows = Math.min(R, M - r0);
        kernels().gemm(rows, K, N, dy.subarray(r0 * N, (r0 + rows) * N), w.data, dcols, { transB: true });
        col2im(dcols, g, dx, r0, rows);
      }
    }
    sx.finish();
  });
}
