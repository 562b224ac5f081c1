// residual-block: two dense layers with ReLU and an optional skip connection (§14–15):
//   z1 = W1ᵀ-style dense(a, W1, b1), a1 = ReLU(z1), z2 = dense(a1, W2, b2)
//   shortcut = a (same shape) or dense(a, Ws) (projection when the sizes differ)
//   plain: a2 = ReLU(z2)        residual: a2 = ReLU(z2 + shortcut)
// Returns every intermediate so the lesson can show the path of a[l] through the block.
import { add, conv2d, dense, relu, type Tensor } from '../../engine/index';
import { defineRequest } from '../../worker/job';

export interface ResidualBlockArgs {
  a: Tensor; // [1, nIn]
  w1: Tensor; // [nIn, n]
  b1: Tensor; // [n]
  w2: Tensor; // [n, n]
  b2: Tensor; // [n]
  /** Projection [nIn, n] when nIn ≠ n; null for the identity shortcut. */
  ws: Tensor | null;
  skip: boolean;
}

export interface ResidualBlockResult {
  z1: Tensor;
  a1: Tensor;
  z2: Tensor;
  shortcut: Tensor;
  /** z2 + shortcut (what the ReLU sees with the skip on). */
  sum: Tensor;
  /** a[l+2]: ReLU(z2 + shortcut) with the skip, ReLU(z2) without. */
  out: Tensor;
}

export const residualBlock = defineRequest<ResidualBlockArgs, ResidualBlockResult>(({ a, w1, b1, w2, b2, ws, skip }) => {
  const z1 = dense(a, w1, b1);
  const a1 = relu(z1);
  const z2 = dense(a1, w2, b2);
  const shortcut = ws ? dense(a, ws, null) : { shape: a.shape.slice(), data: a.data.slice() };
  const sum = add(z2, shortcut);
  return { z1, a1, z2, shortcut, sum, out: relu(skip ? sum : z2) };
});

/* ---------- the bottleneck block: 1×1 → 3×3 → 1×1 with an identity or projection shortcut ---------- */

export interface BottleneckArgs {
  a: Tensor; // [1, h, w, c]
  convs: { w: Tensor; stride: number }[]; // three convs, no bias
  ws: { w: Tensor; stride: number } | null;
}

export interface BottleneckResult {
  /** z of each conv, and a = ReLU(z) of the first two. */
  z: Tensor[];
  a: Tensor[];
  shortcut: Tensor;
  out: Tensor;
}

export const residualBottleneck = defineRequest<BottleneckArgs, BottleneckResult>(({ a, convs, ws }) => {
  if (convs.length !== 3) throw new RangeError('a bottleneck block has three convolutions (1×1, 3×3, 1×1)');
  const z: Tensor[] = [];
  const acts: Tensor[] = [];
  let x = a;
  convs.forEach((c, i) => {
    const zi = conv2d(x, c.w, null, { stride: c.stride, pad: 'same' });
    z.push(zi);
    if (i < 2) {
      x = relu(zi);
      acts.push(x);
    }
  });
  const shortcut = ws ? conv2d(a, ws.w, null, { stride: ws.stride, pad: 'same' }) : { shape: a.shape.slice(), data: a.data.slice() };
  return { z, a: acts, shortcut, out: relu(add(z[2], shortcut)) };
});
