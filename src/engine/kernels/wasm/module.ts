// Loading the WebAssembly SIMD kernels, and the memory they work in.
// The module is built from ./assembly by `npm run build:wasm` into ./build/kernels.wasm (and
// ./build/kernels-relaxed.wasm, the same kernels with fused multiply-adds); Vite
// turns the `new URL(…, import.meta.url)` below into a same-origin asset URL in the app and
// its workers, and in Node (tests, bench) the URL is a file path read from disk.
//
// Memory: every call lays its arrays out from the arena's base (bump allocation, reset per
// call), grows the memory only when a call needs more than ever before (so a training loop
// reaches its size in the first step and never grows again), and takes a fresh Float32Array
// view after that: memory.grow detaches the old ArrayBuffer, so no view is kept across it.

export interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  gemm(m: number, n: number, k: number, a: number, aRs: number, aCs: number, b: number, bRs: number, bCs: number, c: number, ldc: number, acc: number, work: number): void;
  convWork(K: number): number;
  padInto(x: number, n: number, h: number, w: number, c: number, top: number, left: number, hp: number, wp: number, xp: number): void;
  cropFrom(dxp: number, n: number, hp: number, wp: number, c: number, top: number, left: number, h: number, w: number, dx: number): void;
  fillRows(y: number, bias: number, M: number, N: number): void;
  convForward(
    xp: number, n: number, hp: number, wp: number, c: number, fh: number, fw: number, sh: number, sw: number, oh: number, ow: number,
    w: number, N: number, y: number, acc: number, work: number,
  ): void;
  convBackwardFilter(
    xp: number, n: number, hp: number, wp: number, c: number, fh: number, fw: number, sh: number, sw: number, oh: number, ow: number,
    dy: number, N: number, dw: number, work: number,
  ): void;
  convBackwardData(
    n: number, hp: number, wp: number, c: number, fh: number, fw: number, sh: number, sw: number, oh: number, ow: number,
    dy: number, N: number, w: number, dxp: number, work: number,
  ): void;
  GEMM_WORK: WebAssembly.Global;
}

/** The smallest module using a SIMD128 instruction (v128 const + f32x4 op): validates only where SIMD is supported. */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** The smallest module using f32x4.relaxed_madd (three i8x16.splat of 0 fused): validates only with relaxed SIMD. */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15, 65, 0, 253, 15, 253, 133, 2, 11,
]);

function validates(probe: Uint8Array): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(probe as BufferSource);
  } catch {
    return false;
  }
}

export function simdSupported(): boolean {
  return validates(SIMD_PROBE);
}

/** Relaxed SIMD (fused multiply-add): Chromium 114+, Node 22+ (Node 20 behind a V8 flag). */
export function relaxedSimdSupported(): boolean {
  return validates(RELAXED_PROBE);
}

const imports = {
  env: {
    abort(): never {
      throw new Error('wasm kernels: abort');
    },
  },
};

type NodeFs = { readFileSync(p: URL): Uint8Array };
type WithBuiltins = { getBuiltinModule?: (name: string) => unknown };

/**
 * Instantiate the built module (`relaxed`: the build with fused multiply-adds): from disk in
 * Node, by (streaming) fetch in a browser. Both URLs are written out in full so that Vite
 * emits both files as assets.
 */
export async function instantiateKernels(relaxed = false): Promise<KernelExports> {
  const url = relaxed ? new URL('./build/kernels-relaxed.wasm', import.meta.url) : new URL('./build/kernels.wasm', import.meta.url);
  const proc = (globalThis as { process?: WithBuiltins & { cwd(): string } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
  let source: WebAssembly.WebAssemblyInstantiatedSource;
  if (fs && proc) {
    // Node. Under Vitest's browser-like environments (happy-dom) Vite rewrites the URL to
    // the dev server's root-relative path: that same path under the project root.
    const file = url.protocol === 'file:' ? url : new URL(`.${url.pathname}`, `file://${proc.cwd()}/`);
    source = await WebAssembly.instantiate(fs.readFileSync(file) as BufferSource, imports);
  } else if (typeof WebAssembly.instantiateStreaming === 'function') {
    try {
      source = await WebAssembly.instantiateStreaming(fetch(url), imports);
    } catch {
      // a server that sends the file without the application/wasm type: compile the bytes
      source = await WebAssembly.instantiate(await (await fetch(url)).arrayBuffer(), imports);
    }
  } else {
    source = await WebAssembly.instantiate(await (await fetch(url)).arrayBuffer(), imports);
  }
  return source.instance.exports as unknown as KernelExports;
}

/** Bump allocation in the module's memory, reset at the start of every kernel call. */
export class Arena {
  private readonly base: number;
  private top: number;
  private view: Float32Array;
  /** How many times the memory has grown (tests: a training loop must not keep growing it). */
  grows = 0;

  constructor(readonly ex: KernelExports) {
    this.base = (ex.heapBase() + 63) & ~63;
    this.top = this.base;
    this.view = new Float32Array(ex.memory.buffer);
  }

  /** Start laying out a new call's arrays. */
  reset(): void {
    this.top = this.base;
  }

  /** Byte offset of a fresh region of `floats` float32s (64-byte aligned). */
  alloc(floats: number): number {
    const p = this.top;
    this.top += (floats * 4 + 63) & ~63;
    return p;
  }

  /** Make the memory hold everything allocated since reset (growing it only if it must). */
  commit(): void {
    const have = this.ex.memory.buffer.byteLength;
    if (this.top > have) {
      this.ex.memory.grow(Math.ceil((this.top - have) / 65536));
      this.grows++;
    }
  }

  /** A Float32Array over the whole memory, re-created whenever a grow has detached the old one. */
  f32(): Float32Array {
    if (this.view.buffer !== this.ex.memory.buffer) this.view = new Float32Array(this.ex.memory.buffer);
    return this.view;
  }

  /** Copy a into the region at byte offset p. */
  put(p: number, a: Float32Array): void {
    this.f32().set(a, p >> 2);
  }

  /** Copy `count` floats at byte offset p into out. */
  get(p: number, count: number, out: Float32Array): void {
    out.set(this.f32().subarray(p >> 2, (p >> 2) + count));
  }

  /** Bytes of memory the module holds now. */
  bytes(): number {
    return this.ex.memory.buffer.byteLength;
  }
}
