// The fast paths behind one small interface, chosen once: scalar JavaScript at start-up
// (and wherever WebAssembly SIMD is missing), the WebAssembly SIMD kernels once `ready()`
// has loaded them. The ops (../ops) check shapes and call kernels(); the sync API is the same.
import type { ConvGeometry } from '../im2col';
import { gemm as jsGemm, type GemmOptions } from '../gemm';
import { jsConv2dBackward, jsConv2dForward } from './js/conv2d';

export interface Kernels {
  readonly name: 'wasm' | 'js';
  /** C (m×n) = op(A)·op(B), or C += … (see ../gemm.ts). */
  gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts?: GemmOptions): void;
  /** y = bias + conv(x, w) on an unpadded geometry (y = conv(x, w) when bias is null). */
  conv2dForward(x: Float32Array, g: ConvGeometry, w: Float32Array, bias: Float32Array | null, y: Float32Array): void;
  /** dw and dx of a conv, each overwritten (or skipped when null). */
  conv2dBackward(dy: Float32Array, x: Float32Array, g: ConvGeometry, w: Float32Array, dw: Float32Array | null, dx: Float32Array | null): void;
}

export const jsKernels: Kernels = {
  name: 'js',
  gemm: jsGemm,
  conv2dForward: jsConv2dForward,
  conv2dBackward: jsConv2dBackward,
};

let active: Kernels = jsKernels;
let wasm: (Kernels & { arena: { bytes(): number } }) | null = null;
let loading: Promise<void> | null = null;

/** The kernels every op calls now. */
export function kernels(): Kernels {
  return active;
}

/** Which back end runs the ops: 'wasm' (SIMD128) or 'js' (before ready(), or without SIMD). */
export function backendName(): 'wasm' | 'js' {
  return active.name;
}

/**
 * Resolves once the fastest back end available is loaded and in use (the WebAssembly SIMD
 * kernels where the engine supports SIMD128, else the JS kernels stay). Safe to call often.
 */
export function ready(): Promise<void> {
  loading ??= (async () => {
    const mod = await import('./wasm/index');
    if (!mod.simdSupported()) return;
    wasm = await mod.loadWasmKernels();
    active = wasm;
  })();
  return loading;
}

/** Bytes of the wasm kernels' memory (null before ready() or without SIMD): it must stay flat in a training loop. */
export function wasmMemoryBytes(): number | null {
  return wasm ? wasm.arena.bytes() : null;
}

/** Tests and the bench: run on the named back end ('wasm' needs ready() first). */
export function useBackend(name: 'wasm' | 'js'): void {
  if (name === 'wasm' && !wasm) throw new Error('useBackend: the wasm kernels are not loaded (await ready() first)');
  active = name === 'wasm' ? wasm! : jsKernels;
}
