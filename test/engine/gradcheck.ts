// Central-difference gradient checking for the engine's ops.
// For an op y = f(x₁, …) and a random upstream gradient dy, the scalar loss is
//   L(x) = Σ dy ⊙ f(x)   (summed in Float64)
// whose exact gradient w.r.t. each input is what the op's backward returns for that dy.
// Numerically: ∂L/∂x_i ≈ (L(x + εe_i) − L(x − εe_i)) / 2ε, with ε ≈ 1e-2 on Float32 data.
import { expect } from 'vitest';
import type { Tensor } from '../../src/engine/tensor';
import { rng } from '../../src/engine/random';

export function randTensor(shape: number[], seed: number, lo = -1, hi = 1): Tensor {
  const r = rng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = r.uniform(lo, hi);
  return { shape: shape.slice(), data };
}

/** Σ dy ⊙ y in double precision. */
export function dot(dy: Tensor | Float32Array, y: Tensor | Float32Array): number {
  const a = 'data' in dy ? dy.data : dy, b = 'data' in y ? y.data : y;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Numerical gradient of loss() w.r.t. every entry of x (x is perturbed in place and restored). */
export function numericGrad(loss: () => number, x: Tensor, eps = 1e-2): Float64Array {
  const g = new Float64Array(x.data.length);
  for (let i = 0; i < x.data.length; i++) {
    const old = x.data[i];
    x.data[i] = old + eps;
    const up = loss();
    x.data[i] = old - eps;
    const down = loss();
    x.data[i] = old;
    // storing old ± ε in Float32 rounds the step by ~1e-7 relative to x: negligible next to ε
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

/** |a − n| ≤ atol + rtol·max(|a|, |n|) everywhere; reports the worst entry on failure. */
export function expectGradClose(name: string, analytic: ArrayLike<number>, numeric: ArrayLike<number>, rtol = 1e-2, atol = 2e-3): void {
  expect(analytic.length, `${name}: length`).toBe(numeric.length);
  let worst = -1, worstExcess = 0;
  for (let i = 0; i < analytic.length; i++) {
    const a = analytic[i], n = numeric[i];
    const excess = Math.abs(a - n) - (atol + rtol * Math.max(Math.abs(a), Math.abs(n)));
    if (excess > worstExcess || Number.isNaN(a)) {
      worstExcess = Number.isNaN(a) ? Infinity : excess;
      worst = i;
    }
  }
  if (worst >= 0) {
    expect.fail(`${name}: gradient mismatch at ${worst}: analytic ${analytic[worst]} vs numeric ${numeric[worst]}`);
  }
}

/**
 * Check every listed input of an op: forward(inputs) → output tensor (or scalar),
 * backward(dy) → gradients in the same order as `inputs`.
 */
export function gradCheck(
  name: string,
  inputs: Tensor[],
  forward: () => Tensor | number,
  backward: (dy: Tensor | number) => ArrayLike<number>[],
  opts: { seed?: number; eps?: number; rtol?: number; atol?: number } = {},
): void {
  const y0 = forward();
  const dy: Tensor | number = typeof y0 === 'number' ? 1 : randTensor(y0.shape, opts.seed ?? 99);
  const loss = () => {
    const y = forward();
    return typeof y === 'number' ? y : dot(dy as Tensor, y);
  };
  const grads = backward(dy);
  expect(grads.length).toBe(inputs.length);
  inputs.forEach((x, k) => {
    const num = numericGrad(loss, x, opts.eps ?? 1e-2);
    expectGradClose(`${name} d(input ${k})`, grads[k], num, opts.rtol, opts.atol);
  });
}
