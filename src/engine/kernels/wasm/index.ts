// The WebAssembly SIMD kernels behind the Kernels interface. Each call copies its inputs
// into the module's memory, runs there, and copies the result out (../wasm/module.ts lays
// the memory out; nothing is kept between calls but the memory itself).
import type { ConvGeometry } from '../js/im2col';
import type { GemmOptions } from '../js/gemm';
import { gemm as jsGemm } from '../js/gemm';
import type { Kernels } from '../types';
import { Arena, instantiateKernels, type KernelExports } from './module';

export { simdSupported, relaxedSimdSupported } from './module';

/** Below this many multiply-adds a GEMM stays in JS (the copies in and out would dominate). */
const SMALL_GEMM = 4096;

/** The padded size of an input: every window inside, the zero border written out. */
function paddedSize(g: ConvGeometry): [number, number] {
  return [Math.max(g.h + g.top, (g.oh - 1) * g.sh + g.fh), Math.max(g.w + g.left, (g.ow - 1) * g.sw + g.fw)];
}

export function wasmKernelsFrom(ex: KernelExports, fused = false): Kernels & { arena: Arena; fused: boolean } {
  const arena = new Arena(ex);
  const gemmWork = (ex.GEMM_WORK.value as number) / 4;

  function gemm(m: number, n: number, k: number, a: Float32Array, b: Float32Array, c: Float32Array, opts: GemmOptions = {}): void {
    if (m * n * k < SMALL_GEMM || k === 0) return jsGemm(m, n, k, a, b, c, opts);
    arena.reset();
    const pa = arena.alloc(m * k), pb = arena.alloc(k * n), pc = arena.alloc(m * n), pw = arena.alloc(gemmWork);
    arena.commit();
    arena.put(pa, a.subarray(0, m * k));
    arena.put(pb, b.subarray(0, k * n));
    if (opts.accumulate) arena.put(pc, c.subarray(0, m * n));
    const [aRs, aCs] = opts.transA ? [1, m] : [k, 1];
    const [bRs, bCs] = opts.transB ? [1, k] : [n, 1];
    ex.gemm(m, n, k, pa, aRs, aCs, pb, bRs, bCs, pc, n, opts.accumulate ? 1 : 0, pw);
    arena.get(pc, m * n, c);
  }

  function conv2dForward(x: Float32Array, g: ConvGeometry, w: Float32Array, bias: Float32Array | null, y: Float32Array): void {
    const K = g.fh * g.fw * g.c, N = w.length / K, M = g.n * g.oh * g.ow;
    const [hp, wp] = paddedSize(g);
    const copied = hp !== g.h || wp !== g.w || g.top !== 0 || g.left !== 0;
    arena.reset();
    const px = arena.alloc(x.length), pxp = copied ? arena.alloc(g.n * hp * wp * g.c) : px;
    const pw = arena.alloc(K * N), pbias = arena.alloc(N), py = arena.alloc(M * N), work = arena.alloc(ex.convWork(K) / 4);
    arena.commit();
    arena.put(px, x);
    arena.put(pw, w);
    if (copied) ex.padInto(px, g.n, g.h, g.w, g.c, g.top, g.left, hp, wp, pxp);
    if (bias) {
      arena.put(pbias, bias);
      ex.fillRows(py, pbias, M, N);
    }
    ex.convForward(pxp, g.n, hp, wp, g.c, g.fh, g.fw, g.sh, g.sw, g.oh, g.ow, pw, N, py, bias ? 1 : 0, work);
    arena.get(py, M * N, y);
  }

  function conv2dBackward(dy: Float32Array, x: Float32Array, g: ConvGeometry, w: Float32Array, dw: Float32Array | null, dx: Float32Array | null): void {
    const K = g.fh * g.fw * g.c, N = w.length / K, M = g.n * g.oh * g.ow;
    // No sparse path here: on LeNet's step (dy ≈ 80% zeros after relu + max pool) the JS
    // kernel that skips the zeros took 3.2 ms for conv2's dx + dw where this dense one takes
    // 1.0 ms, and 1.2 against 0.8 ms for conv1's dw (`npm run bench -- profile`).
    const [hp, wp] = paddedSize(g);
    const copied = hp !== g.h || wp !== g.w || g.top !== 0 || g.left !== 0;
    arena.reset();
    const px = arena.alloc(x.length), pxp = copied ? arena.alloc(g.n * hp * wp * g.c) : px;
    const pw = arena.alloc(K * N), pdy = arena.alloc(M * N), pdw = arena.alloc(K * N);
    const pdx = dx ? arena.alloc(x.length) : 0, pdxp = dx && copied ? arena.alloc(g.n * hp * wp * g.c) : pdx;
    const work = arena.alloc(ex.convWork(K) / 4);
    arena.commit();
    arena.put(pdy, dy.subarray(0, M * N));
    if (dw) {
      arena.put(px, x);
      if (copied) ex.padInto(px, g.n, g.h, g.w, g.c, g.top, g.left, hp, wp, pxp);
      ex.convBackwardFilter(pxp, g.n, hp, wp, g.c, g.fh, g.fw, g.sh, g.sw, g.oh, g.ow, pdy, N, pdw, work);
      arena.get(pdw, K * N, dw);
    }
    if (!dx) return;
    arena.put(pw, w);
    ex.convBackwardData(g.n, hp, wp, g.c, g.fh, g.fw, g.sh, g.sw, g.oh, g.ow, pdy, N, pw, pdxp, work);
    if (copied) ex.cropFrom(pdxp, g.n, hp, wp, g.c, g.top, g.left, g.h, g.w, pdx);
    arena.get(pdx, x.length, dx);
  }

  return { name: 'wasm', gemm, conv2dForward, conv2dBackward, arena, fused };
}

/** Instantiate the built module (`fused`: the relaxed-SIMD build) and wrap it. */
export async function loadWasmKernels(fused = false): Promise<Kernels & { arena: Arena; fused: boolean }> {
  return wasmKernelsFrom(await instantiateKernels(fused), fused);
}
