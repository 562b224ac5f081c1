// A Variable wraps a Tensor on the autograd tape (micrograd's idea, at tensor size).
// Each differentiable op returns a Variable that remembers its parents and a closure
// that, given this node's gradient, adds ∂L/∂parent into each parent's .grad.
// Gradients ACCUMULATE (+=), so a Variable used twice (shared weights, a residual
// branch) receives the sum of both paths — the multivariate chain rule.
import type { Tensor } from '../tensor';
import { sizeOf } from '../shape';

export class Variable {
  value: Tensor;
  /** ∂L/∂(this) after backward(); null until some gradient has arrived. */
  grad: Tensor | null = null;
  /** A buffer kept across steps so the gradient is written without allocating. */
  gradBuffer: Tensor | null = null;
  readonly requiresGrad: boolean;
  readonly parents: readonly Variable[];
  /** Reads this.grad and accumulates into the parents' grads. */
  readonly backwardFn: (() => void) | null;
  name: string;

  constructor(value: Tensor, opts: { requiresGrad?: boolean; parents?: Variable[]; backwardFn?: () => void; name?: string } = {}) {
    this.value = value;
    this.parents = opts.parents ?? [];
    this.requiresGrad = opts.requiresGrad ?? this.parents.some((p) => p.requiresGrad);
    this.backwardFn = opts.backwardFn ?? null;
    this.name = opts.name ?? '';
  }

  get shape(): number[] {
    return this.value.shape;
  }

  /** Forget the gradient (the buffer is kept: the next gradient overwrites it). */
  zeroGrad(): void {
    if (this.grad) this.gradBuffer = this.grad;
    this.grad = null;
  }
}

/** A leaf: a parameter or an input. requiresGrad = true asks for ∂L/∂(this). */
export function variable(value: Tensor, requiresGrad = false, name = ''): Variable {
  return new Variable(value, { requiresGrad, name });
}

/**
 * Where an op should write its contribution to ∂L/∂v. The first contribution in a sweep
 * is written straight into v's gradient buffer (no copy, no allocation); a later one
 * (shared weights, a residual fork) goes to a temporary and is added by finish().
 */
export interface GradSink {
  out: Tensor;
  finish(): void;
}

// The temporary for a later contribution, kept with the gradient buffer it is added into: in a
// loop that reuses its gradient buffers (a residual fork, step after step) it is made once.
const parts = new WeakMap<Tensor, Tensor>();
function partBuffer(grad: Tensor, shape: number[]): Tensor {
  let t = parts.get(grad);
  if (!t || t.data.length !== grad.data.length) parts.set(grad, (t = { shape: shape.slice(), data: new Float32Array(grad.data.length) }));
  t.shape = shape.slice();
  return t;
}

export function gradSink(v: Variable): GradSink {
  const n = sizeOf(v.value.shape);
  if (!v.grad) {
    let buf = v.gradBuffer;
    if (!buf || buf.data.length !== n) buf = { shape: v.value.shape.slice(), data: new Float32Array(n) };
    v.gradBuffer = buf;
    return {
      out: buf,
      finish() {
        buf.shape = v.value.shape.slice();
        v.grad = buf;
      },
    };
  }
  const g = v.grad;
  const tmp = partBuffer(g, v.value.shape);
  return {
    out: tmp,
    finish() {
      const d = g.data, t = tmp.data;
      for (let i = 0; i < n; i++) d[i] += t[i];
    },
  };
}

/** grad += g (the simple form of a sink, for ops that produce a fresh tensor). */
export function accumulateGrad(v: Variable, g: Tensor | Float32Array): void {
  if (!v.requiresGrad) return;
  const src = g instanceof Float32Array ? g : g.data;
  const n = sizeOf(v.value.shape);
  if (src.length !== n) {
    throw new RangeError(`gradient of ${src.length} values does not match variable shape [${v.value.shape.join(', ')}]`);
  }
  if (!v.grad) {
    const sink = gradSink(v);
    sink.out.data.set(src);
    sink.finish();
    return;
  }
  const d = v.grad.data;
  for (let i = 0; i < n; i++) d[i] += src[i];
}

/**
 * Reverse-mode sweep from `root`: topological order (parents before children), then each
 * node's backwardFn in reverse. `seed` is ∂L/∂root (ones for a scalar loss).
 */
export function backward(root: Variable, seed?: Tensor): void {
  const order: Variable[] = [];
  const seen = new Set<Variable>();
  // Iterative DFS: deep graphs must not overflow the JS stack.
  const stack: Array<[Variable, number]> = [[root, 0]];
  seen.add(root);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const [node, i] = top;
    if (i < node.parents.length) {
      top[1] = i + 1;
      const p = node.parents[i];
      if (!seen.has(p) && p.requiresGrad) {
        seen.add(p);
        stack.push([p, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  const n = sizeOf(root.value.shape);
  const g = seed ? seed.data : new Float32Array(n).fill(1);
  if (!root.requiresGrad) throw new Error('backward: nothing in this computation requires a gradient');
  root.zeroGrad();
  accumulateGrad(root, g);
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    if (node.backwardFn && node.grad) node.backwardFn();
  }
}
