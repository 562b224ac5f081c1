// Plain nested arrays ⇄ engine tensors, for the code exercises. A student's function takes and
// returns nested arrays whose nesting follows the course's shapes, e.g. (m, n_H, n_W, n_C);
// the engine works on flat Float32Arrays with the same row-major order.
import type { Tensor } from '../../../engine/tensor';
import type { Rng } from '../../../engine/random';

/** What crosses to the student's code and back: numbers, arrays of them, small records. */
export type Json = number | boolean | string | null | Json[] | { [key: string]: Json };

/** Nested arrays of the tensor's shape (a scalar for shape []). Values widened to float64. */
export function toNested(t: { shape: number[]; data: ArrayLike<number> }): Json {
  const build = (dim: number, offset: number): Json => {
    if (dim === t.shape.length) return t.data[offset];
    const stride = t.shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: t.shape[dim] }, (_, i) => build(dim + 1, offset + i * stride));
  };
  return build(0, 0);
}

/** Shape of a regular nested array (the first element's shape at each depth). */
export function shapeOf(x: Json): number[] {
  const s: number[] = [];
  let cur: Json = x;
  while (Array.isArray(cur)) {
    s.push(cur.length);
    cur = cur[0];
  }
  return s;
}

/** Nested numbers → engine tensor (shape read from the nesting). */
export function fromNested(x: Json): Tensor {
  const shape = shapeOf(x);
  const out: number[] = [];
  const walk = (v: Json) => (Array.isArray(v) ? v.forEach(walk) : out.push(v as number));
  walk(x);
  return { shape, data: Float32Array.from(out) };
}

/** Uniform numbers in [lo, hi) rounded to two decimals (readable in a failure message). */
export function randNested(r: Rng, shape: number[], lo = -1, hi = 1): Json {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float64Array.from({ length: n }, () => Math.round(r.uniform(lo, hi) * 100) / 100);
  return toNested({ shape, data });
}

/** Element-wise map over a nested array. */
export function mapNested(x: Json, f: (v: number) => number): Json {
  return Array.isArray(x) ? x.map((v) => mapNested(v, f)) : f(x as number);
}

/** A whole number drawn from an inclusive range. */
export function drawInt(r: Rng, [lo, hi]: readonly [number, number]): number {
  return lo + r.int(hi - lo + 1);
}
