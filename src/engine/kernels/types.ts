// The one interface every back end implements: scalar JavaScript (./js) and WebAssembly
// SIMD (./wasm). The ops call whichever ./index chose.
import type { ConvGeometry } from './js/im2col';
import type { GemmOptions } from './js/gemm';

export type { ConvGeometry, GemmOptions };

export interface Kernels {
  readonly name: 'wasm' | 'js';
  /** C (m×n) = op(A)·op(B), or C += … (see ./js/gemm.ts). */
  gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts?: GemmOptions): void;
  /** y = bias + conv(x, w) on an unpadded geometry (y = conv(x, w) when bias is null). */
  conv2dForward(x: Float32Array, g: ConvGeometry, w: Float32Array, bias: Float32Array | null, y: Float32Array): void;
  /** dw and dx of a conv, each overwritten (or skipped when null). */
  conv2dBackward(dy: Float32Array, x: Float32Array, g: ConvGeometry, w: Float32Array, dw: Float32Array | null, dx: Float32Array | null): void;
}
