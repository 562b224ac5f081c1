// A convolution with FROZEN weights on the tape (pretrained feature extractors: style transfer,
// feature visualisation). Only the input needs a gradient, so the backward pass computes
//   dx = col2im(dy · Wᵀ)     (each input pixel collects every window that saw it)
// and skips dw = im2col(x)ᵀ·dy and db (conv2dBackward's skipDw) — about half the work of a
// backward pass through a conv.
import type { Tensor } from '../tensor';
import type { Padding } from '../shape';
import { conv2d as conv2dOp, conv2dBackward } from '../ops/conv2d';
import { keep, prior, record, type Workspace } from './autograd';
import { gradSink, type Variable } from './variable';

// conv2dBackward wants somewhere to put dw and db even when it skips them: one unused pair
// per filter, kept while the filter lives (no allocation per step).
const unusedGrads = new WeakMap<Tensor, { dw: Tensor; db: Tensor }>();
function unused(w: Tensor): { dw: Tensor; db: Tensor } {
  let g = unusedGrads.get(w);
  if (!g) {
    g = { dw: { shape: w.shape.slice(), data: new Float32Array(w.data.length) }, db: { shape: [w.shape[3]], data: new Float32Array(w.shape[3]) } };
    unusedGrads.set(w, g);
  }
  return g;
}

/** ws (optional) keeps the output and gradient buffers from one call to the next. */
export function frozenConv2d(x: Variable, w: Tensor, b: Tensor | null, o: { stride?: number; pad?: Padding } = {}, ws?: Workspace): Variable {
  const opts = { stride: o.stride ?? 1, pad: o.pad ?? 0 };
  const y = keep(ws, 'y', conv2dOp(x.value, w, b, { ...opts, out: prior(ws, 'y', x.value, w) }), x.value, w);
  if (!x.requiresGrad) return record(y, [], () => {});
  return record(y, [x], (self) => {
    const sx = gradSink(x);
    conv2dBackward(self.grad!, x.value, w, { ...opts, skipDw: true, grads: { dx: sx.out, ...unused(w) } });
    sx.finish();
  }, ws);
}
