// Shared input checks and output helpers for the ops. Every shape complaint is a
// RangeError that names the op and the shapes, so the message is useful where it lands.
import type { Tensor } from '../tensor';
import { sizeOf } from '../shape';

export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function assertRank(op: string, what: string, t: Tensor, rank: number, layout: string): void {
  if (t.shape.length !== rank) {
    throw new RangeError(`${op}: ${what} must have rank ${rank} (${layout}), got shape ${fmtShape(t.shape)}`);
  }
}

export function assertSameShape(op: string, a: Tensor, aName: string, b: Tensor, bName: string): void {
  const same = a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
  if (!same) {
    throw new RangeError(`${op}: ${aName} shape ${fmtShape(a.shape)} does not match ${bName} shape ${fmtShape(b.shape)}`);
  }
}

export function assertStride(op: string, stride: number): void {
  if (!Number.isInteger(stride) || stride < 1) throw new RangeError(`${op}: stride must be a whole number ≥ 1, got ${stride}`);
}

export function assertBias(op: string, b: Tensor | null | undefined, cOut: number): void {
  if (b && b.data.length !== cOut) {
    throw new RangeError(`${op}: bias has ${b.data.length} values (shape ${fmtShape(b.shape)}) but there are ${cOut} output channels`);
  }
}

/** Describe per-side padding compactly: "pad 1" when all sides agree. */
export function fmtPad(sides: number[]): string {
  return sides.every((p) => p === sides[0]) ? `pad ${sides[0]}` : `pad ${sides.join('/')}`;
}

/** A result tensor: reuse `out` when it has the right size (no allocation), else allocate. */
export function outTensor(op: string, shape: number[], out?: Tensor): Tensor {
  const n = sizeOf(shape);
  if (!out) return { shape, data: new Float32Array(n) };
  if (out.data.length !== n) {
    throw new RangeError(`${op}: output buffer has ${out.data.length} values, needs ${n} for shape ${fmtShape(shape)}`);
  }
  out.shape = shape;
  return out;
}
