// The fast paths behind one small interface, chosen once: scalar JavaScript at start-up
// (and wherever WebAssembly SIMD is missing), the WebAssembly SIMD kernels once `ready()`
// has loaded them. The ops (../ops) check shapes and call kernels(); the sync API is the same.
import { gemm as jsGemm } from './js/gemm';
import type { Kernels } from './types';
import { jsConv2dBackward, jsConv2dForward } from './js/conv2d';

export type { Kernels } from './types';

export const jsKernels: Kernels = {
  name: 'js',
  gemm: jsGemm,
  conv2dForward: jsConv2dForward,
  conv2dBackward: jsConv2dBackward,
};

let active: Kernels = jsKernels;
let wasm: (Kernels & { arena: { bytes(): number }; fused: boolean }) | null = null;
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
    // fused multiply-adds (relaxed SIMD) where the engine validates them: about 1.15× the
    // GEMM's speed here; the plain SIMD128 build elsewhere
    wasm = await mod.loadWasmKernels(mod.relaxedSimdSupported());
    active = wasm;
  })();
  return loading;
}

/** Whether the wasm kernels fuse their multiply-adds (the relaxed-SIMD build is running). */
export function fusedMultiplyAdd(): boolean {
  return active === wasm && wasm !== null && wasm.fused;
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
