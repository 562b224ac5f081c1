// The WebAssembly SIMD kernels against the scalar-JS kernels, the readable triple-loop GEMM
// and TensorFlow.js (CPU), on shapes drawn by fast-check: odd sizes, stride 2, 'same' with
// even filters, batch 1, channel counts that are not multiples of 4 (the SIMD edge cases).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conv2d, conv2dBackward, dense, denseBackward, ready, useBackend, backendName, type Tensor } from '../../../src/engine/index';
import { gemmNaive } from '../../../src/engine/kernels/js/gemm';
import { kernels } from '../../../src/engine/kernels/index';
import { loadWasmKernels } from '../../../src/engine/kernels/wasm/index';
import { relaxedSimdSupported, simdSupported } from '../../../src/engine/kernels/wasm/module';
import { fusedMultiplyAdd } from '../../../src/engine/kernels/index';
import { convGeometry } from '../../../src/engine/ops/conv2d';
import { resolvePadding } from '../../../src/engine/shape';
import type { Padding } from '../../../src/engine/shape';
import { draw, expectAgree, seeded, tf, toTf, useCpu } from '../oracle/tf';

const before = backendName();
beforeAll(async () => {
  await useCpu();
  await ready();
  useBackend('wasm');
});
afterAll(() => useBackend(before));

/** Run fn on the JS kernels, then back to wasm. */
function onJs<T>(fn: () => T): T {
  useBackend('js');
  try {
    return fn();
  } finally {
    useBackend('wasm');
  }
}

function expectClose(label: string, a: Float32Array, b: Float32Array, rtol = 1e-4): void {
  expect(a.length, `${label}: size`).toBe(b.length);
  let scale = 1, worst = 0, at = -1;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  }
  if (!(worst <= rtol * scale)) expect.fail(`${label}: differs at ${at}: wasm ${a[at]} vs reference ${b[at]}`);
}

it('this Node has WebAssembly SIMD and the wasm kernels are in use', () => {
  expect(simdSupported()).toBe(true);
  expect(kernels().name).toBe('wasm');
});

describe('wasm GEMM', () => {
  it('agrees with the triple loop on drawn sizes, both transposes, fresh and accumulating C', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 37 }), fc.integer({ min: 1, max: 37 }), fc.integer({ min: 1, max: 300 }),
        fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 1e6 }),
        (m, n, k, transA, transB, accumulate, seed) => {
          const r = seeded(seed);
          const a = draw(r, [m * k]).data, b = draw(r, [k * n]).data, c0 = draw(r, [m * n]).data;
          const want = c0.slice(), got = c0.slice();
          gemmNaive(m, n, k, a, b, want, { transA, transB, accumulate });
          kernels().gemm(m, n, k, a, b, got, { transA, transB, accumulate });
          expectClose(`gemm ${m}×${n}×${k}`, got, want);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('is exact on integer matrices bigger than one block (m > 128, k > 256, n > 8)', () => {
    const m = 131, n = 19, k = 261;
    const a = Float32Array.from({ length: m * k }, (_, i) => (i % 7) - 3);
    const b = Float32Array.from({ length: k * n }, (_, i) => (i % 5) - 2);
    const want = new Float32Array(m * n), got = new Float32Array(m * n);
    gemmNaive(m, n, k, a, b, want);
    kernels().gemm(m, n, k, a, b, got);
    expect(Array.from(got)).toEqual(Array.from(want));
  });
});

interface ConvCase { n: number; h: number; w: number; c: number; f: number; k: number; stride: number; pad: Padding }

const convCase: fc.Arbitrary<ConvCase> = fc
  .record({
    n: fc.integer({ min: 1, max: 3 }), h: fc.integer({ min: 1, max: 13 }), w: fc.integer({ min: 1, max: 13 }),
    c: fc.integer({ min: 1, max: 11 }), f: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 13 }),
    stride: fc.integer({ min: 1, max: 2 }), pad: fc.constantFrom<Padding>('valid', 'same', 0, 1, 2),
  })
  .filter((s) => {
    const p = typeof s.pad === 'number' ? s.pad : 0;
    return s.pad === 'same' || (s.f <= s.h + 2 * p && s.f <= s.w + 2 * p);
  });

function convTensors(s: ConvCase, seed: number): { x: Tensor; w: Tensor; b: Tensor; r: ReturnType<typeof seeded> } {
  const r = seeded(seed);
  return { x: draw(r, [s.n, s.h, s.w, s.c]), w: draw(r, [s.f, s.f, s.c, s.k]), b: draw(r, [s.k]), r };
}

describe('wasm conv2d', () => {
  it('forward, dx and dw agree with the JS kernels on drawn shapes', () => {
    fc.assert(
      fc.property(convCase, fc.integer({ min: 0, max: 1e6 }), (s, seed) => {
        const { x, w, b, r } = convTensors(s, seed);
        const opts = { stride: s.stride, pad: s.pad };
        const y = conv2d(x, w, b, opts);
        const yJs = onJs(() => conv2d(x, w, b, opts));
        expectClose('y', y.data, yJs.data);
        const dy = draw(r, y.shape);
        const g = conv2dBackward(dy, x, w, opts);
        const gJs = onJs(() => conv2dBackward(dy, x, w, opts));
        expectClose('dx', g.dx.data, gJs.dx.data);
        expectClose('dw', g.dw.data, gJs.dw.data);
        expectClose('db', g.db.data, gJs.db.data);
      }),
      { numRuns: 80, seed: 11 },
    );
  });

  it('forward, dx and dw agree with tf.conv2d on drawn shapes', () => {
    fc.assert(
      fc.property(convCase, fc.integer({ min: 0, max: 1e6 }), (s, seed) => {
        const { x, w, b, r } = convTensors(s, seed);
        const opts = { stride: s.stride, pad: s.pad };
        const y = conv2d(x, w, b, opts);
        const dy = draw(r, y.shape);
        const g = conv2dBackward(dy, x, w, opts);
        tf.tidy(() => {
          const f = (tx: tf.Tensor, tw: tf.Tensor, tb: tf.Tensor) =>
            tf.add(tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, s.stride, s.pad as 'valid' | 'same' | number), tb);
          expectAgree('y', y, f(toTf(x), toTf(w), toTf(b)));
          const [gx, gw] = tf.grads((tx: tf.Tensor, tw: tf.Tensor) => tf.sum(tf.mul(f(tx, tw, toTf(b)), toTf(dy))))([toTf(x), toTf(w)]);
          expectAgree('dx', g.dx, gx);
          expectAgree('dw', g.dw, gw);
        });
      }),
      { numRuns: 40, seed: 13 },
    );
  });

  it('skipDx leaves dx untouched and still gives dw; skipDw the other way round', () => {
    const s: ConvCase = { n: 2, h: 9, w: 7, c: 5, f: 3, k: 6, stride: 2, pad: 'same' };
    const { x, w, r } = convTensors(s, 5);
    const y = conv2d(x, w, null, { stride: 2, pad: 'same' });
    const dy = draw(r, y.shape);
    const full = conv2dBackward(dy, x, w, { stride: 2, pad: 'same' });
    const marker = { shape: x.shape.slice(), data: new Float32Array(x.data.length).fill(7) };
    const part = conv2dBackward(dy, x, w, { stride: 2, pad: 'same', skipDx: true, grads: { dx: marker } });
    expect(part.dx.data.every((v) => v === 7)).toBe(true);
    expectClose('dw', part.dw.data, full.dw.data);
    // and skipDw (frozen filters): dx alone, dw and db untouched
    const dwMark = { shape: w.shape.slice(), data: new Float32Array(w.data.length).fill(5) };
    const dbMark = { shape: [6], data: new Float32Array(6).fill(5) };
    for (const backend of ['wasm', 'js'] as const) {
      useBackend(backend);
      const dxOnly = conv2dBackward(dy, x, w, { stride: 2, pad: 'same', skipDw: true, grads: { dw: dwMark, db: dbMark } });
      useBackend('wasm');
      expectClose(`dx alone (${backend})`, dxOnly.dx.data, full.dx.data);
      expect(dwMark.data.every((v) => v === 5) && dbMark.data.every((v) => v === 5)).toBe(true);
    }
  });
});

describe('wasm dense', () => {
  it('forward and backward agree with the JS kernels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 21 }), fc.integer({ min: 0, max: 1e6 }), (n, k, m, seed) => {
        const r = seeded(seed);
        const x = draw(r, [n, k]), w = draw(r, [k, m]), b = draw(r, [m]);
        const y = dense(x, w, b), yJs = onJs(() => dense(x, w, b));
        expectClose('y', y.data, yJs.data);
        const dy = draw(r, [n, m]);
        const g = denseBackward(dy, x, w), gJs = onJs(() => denseBackward(dy, x, w));
        expectClose('dx', g.dx.data, gJs.dx.data);
        expectClose('dw', g.dw.data, gJs.dw.data);
      }),
      { numRuns: 40, seed: 17 },
    );
  });
});

describe('the two wasm builds', () => {
  it('the fused (relaxed-SIMD) build runs where relaxed SIMD validates (set up for Node 20 in backend.setup)', () => {
    expect(relaxedSimdSupported()).toBe(true);
    expect(fusedMultiplyAdd()).toBe(true);
    expect(onJs(() => fusedMultiplyAdd())).toBe(false);
  });

  it('the plain SIMD128 build (browsers without relaxed SIMD) agrees with the JS kernels: GEMM, conv forward, dx, dw', async () => {
    const plain = await loadWasmKernels(false);
    expect(plain.fused).toBe(false);
    fc.assert(
      fc.property(convCase, fc.integer({ min: 0, max: 1e6 }), (s, seed) => {
        const { x, w, b, r } = convTensors(s, seed);
        const opts = { stride: s.stride, pad: s.pad };
        const sides = resolvePadding(s.h, s.w, s.f, s.f, s.stride, s.pad);
        const { cOut, ...g } = convGeometry('test', x, w, s.stride, s.stride, sides);
        const want = onJs(() => conv2d(x, w, b, opts));
        const y = new Float32Array(want.data.length);
        plain.conv2dForward(x.data, g, w.data, b.data, y);
        expectClose('y', y, want.data);
        const dy = draw(r, want.shape);
        const gJs = onJs(() => conv2dBackward(dy, x, w, opts));
        const dx = new Float32Array(x.data.length), dw = new Float32Array(w.data.length);
        plain.conv2dBackward(dy.data, x.data, g, w.data, dw, dx);
        expectClose('dx', dx, gJs.dx.data);
        expectClose('dw', dw, gJs.dw.data);
        // the GEMM on its own: the conv's own matrices (M × cOut × K) through the plain build
        const M = g.n * g.oh * g.ow, K = s.f * s.f * s.c, a = draw(r, [M * K]).data, c = new Float32Array(M * cOut);
        plain.gemm(M, cOut, K, a, w.data, c);
        const cWant = new Float32Array(M * cOut);
        gemmNaive(M, cOut, K, a, w.data, cWant);
        expectClose('gemm', c, cWant);
      }),
      { numRuns: 40, seed: 17 },
    );
  });
});

describe('wasm memory', () => {
  it('grows when a bigger call comes, and no view is left on the detached buffer', async () => {
    // a fresh instance, so the growth is this test's own
    const k = await loadWasmKernels();
    const s: ConvCase = { n: 1, h: 6, w: 6, c: 3, f: 3, k: 4, stride: 1, pad: 'same' };
    const { x, w, r } = convTensors(s, 1);
    const g = { n: 1, h: 6, w: 6, c: 3, fh: 3, fw: 3, sh: 1, sw: 1, top: 1, left: 1, oh: 6, ow: 6 };
    const want = onJs(() => conv2d(x, w, null, { pad: 'same' }));
    const y = new Float32Array(want.data.length);
    k.conv2dForward(x.data, g, w.data, null, y);
    expectClose('small, before growth', y, want.data);
    const bytes0 = k.arena.bytes(), grows0 = k.arena.grows;
    // 1×256×256×16 ⊛ 3×3×16×16: megabytes of input, output and padding, more than the memory holds
    const big = { x: draw(r, [1, 256, 256, 16]), w: draw(r, [3, 3, 16, 16]) };
    const gb = { n: 1, h: 256, w: 256, c: 16, fh: 3, fw: 3, sh: 1, sw: 1, top: 1, left: 1, oh: 256, ow: 256 };
    const yb = new Float32Array(256 * 256 * 16);
    k.conv2dForward(big.x.data, gb, big.w.data, null, yb);
    expect(k.arena.grows).toBeGreaterThan(grows0);
    expect(k.arena.bytes()).toBeGreaterThan(bytes0);
    const wantBig = onJs(() => conv2d(big.x, big.w, null, { pad: 'same' }));
    expectClose('big, across growth', yb, wantBig.data);
    // the small call again, on the grown memory: still right, and no further growth
    const grows1 = k.arena.grows;
    y.fill(0);
    k.conv2dForward(x.data, g, w.data, null, y);
    expectClose('small, after growth', y, want.data);
    expect(k.arena.grows).toBe(grows1);
  });

  it('a training loop of the same shapes grows the memory in its first step only', async () => {
    const k = await loadWasmKernels();
    const s: ConvCase = { n: 4, h: 12, w: 12, c: 6, f: 3, k: 8, stride: 1, pad: 'same' };
    const { x, w, r } = convTensors(s, 3);
    const g = { n: 4, h: 12, w: 12, c: 6, fh: 3, fw: 3, sh: 1, sw: 1, top: 1, left: 1, oh: 12, ow: 12 };
    const y = new Float32Array(4 * 12 * 12 * 8), dy = draw(r, [4, 12, 12, 8]).data;
    const dw = new Float32Array(w.data.length), dx = new Float32Array(x.data.length);
    const step = () => {
      k.conv2dForward(x.data, g, w.data, null, y);
      k.conv2dBackward(dy, x.data, g, w.data, dw, dx);
    };
    step();
    const grows = k.arena.grows, bytes = k.arena.bytes();
    for (let i = 0; i < 50; i++) step();
    expect(k.arena.grows).toBe(grows);
    expect(k.arena.bytes()).toBe(bytes);
  });
});
