// conv2d forward and backward, NHWC, the same shapes in all four engines.
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, gflops, timeInterleaved } from '../harness';
import { loadTf } from '../tfjs';
import { loadTfWasm, tfWasmFilterGrad, useTfBackend } from '../tfjsWasm';
import { loadConvNetJS } from '../convnet';
import { convMultiplyCount, resolvePadding, convOutputSizeSides } from '../../src/engine/shape';
import { oursConv2d, oursConv2dBackward } from '../ours';

export interface ConvCase {
  label: string;
  n: number; h: number; w: number; c: number; f: number; k: number; pad: 'valid' | 'same'; stride: number;
  backward: boolean;
}

export const CONV_CASES: ConvCase[] = [
  { label: '32×28×28×1 → 5×5×8 valid', n: 32, h: 28, w: 28, c: 1, f: 5, k: 8, pad: 'valid', stride: 1, backward: true },
  { label: '32×14×14×8 → 3×3×16 same', n: 32, h: 14, w: 14, c: 8, f: 3, k: 16, pad: 'same', stride: 1, backward: true },
  { label: '1×56×56×64 → 3×3×64 same', n: 1, h: 56, w: 56, c: 64, f: 3, k: 64, pad: 'same', stride: 1, backward: true },
  { label: '1×112×112×3 → 7×7×64 stride 2 same', n: 1, h: 112, w: 112, c: 3, f: 7, k: 64, pad: 'same', stride: 2, backward: false },
  { label: '1×28×28×256 → 1×1×64', n: 1, h: 28, w: 28, c: 256, f: 1, k: 64, pad: 'valid', stride: 1, backward: false },
];

function outSize(cs: ConvCase): [number, number] {
  const p = resolvePadding(cs.h, cs.w, cs.f, cs.f, cs.stride, cs.pad);
  return [convOutputSizeSides(cs.h, cs.f, p.top, p.bottom, cs.stride), convOutputSizeSides(cs.w, cs.f, p.left, p.right, cs.stride)];
}

type Tf = Awaited<ReturnType<typeof loadTf>>;

/** TF.js closures on the backend active now: forward, dx, dw (results disposed, never read back). */
function tfClosures(tf: Tf, cs: ConvCase, xData: Float32Array, wData: Float32Array, dyData: Float32Array, oh: number, ow: number, wasm: boolean) {
  const x = tf.tensor4d(xData, [cs.n, cs.h, cs.w, cs.c]);
  const w = tf.tensor4d(wData, [cs.f, cs.f, cs.c, cs.k]);
  const dy = tf.tensor4d(dyData, [cs.n, oh, ow, cs.k]);
  const attrs = { strides: [cs.stride, cs.stride], pad: cs.pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
  const run = (name: string, inputs: object, extra: object) => () =>
    (tf.engine().runKernel(name, inputs as never, { ...attrs, ...extra } as never) as { dispose(): void }).dispose();
  return {
    fwd: () => tf.conv2d(x, w, cs.stride, cs.pad).dispose(),
    dx: run('Conv2DBackpropInput', { dy, filter: w }, { inputShape: x.shape }),
    dw: wasm ? () => tfWasmFilterGrad(x, dy, w.shape, cs.stride, cs.pad).dispose() : run('Conv2DBackpropFilter', { x, dy }, { filterShape: w.shape }),
    dispose: () => [x, w, dy].forEach((t) => t.dispose()),
  };
}

async function runCase(cs: ConvCase): Promise<BenchRow[]> {
  const tf = await loadTf();
  await loadTfWasm();
  const cn = loadConvNetJS();
  const [oh, ow] = outSize(cs);
  const flops = 2 * cs.n * convMultiplyCount(oh, ow, cs.k, cs.f, cs.c);
  const xData = new Float32Array(cs.n * cs.h * cs.w * cs.c);
  const wData = new Float32Array(cs.f * cs.f * cs.c * cs.k);
  const dyData = new Float32Array(cs.n * oh * ow * cs.k);
  fillRandom(xData, 1);
  fillRandom(wData, 2, 0.2);
  fillRandom(dyData, 3);
  const rows: BenchRow[] = [];
  // Interleaved rounds (ours, TF.js WASM, TF.js CPU, ConvNetJS, ours, …): each engine meets the
  // same machine load. Big cases take a fraction of a second per call in the slow engines.
  const big = flops > 1e8;
  const opt = big ? { warmup: 1, rounds: 5, perRoundMs: 0 } : { warmup: 2, rounds: 7, perRoundMs: 60 };
  const engines = ['ConvLab', 'TF.js WASM', 'TF.js CPU', 'ConvNetJS'];
  const enter = [undefined, () => useTfBackend('wasm'), () => useTfBackend('cpu'), undefined];

  useTfBackend('wasm');
  const tw = tfClosures(tf, cs, xData, wData, dyData, oh, ow, true);
  useTfBackend('cpu');
  const tc = tfClosures(tf, cs, xData, wData, dyData, oh, ow, false);

  // ConvNetJS: one Vol per image, its own [x, y, depth] layout, symmetric padding (about the same work).
  const layer = new cn.ConvLayer({ in_sx: cs.w, in_sy: cs.h, in_depth: cs.c, sx: cs.f, filters: cs.k, stride: cs.stride, pad: cs.pad === 'same' ? Math.floor((cs.f - 1) / 2) : 0 });
  const vols = Array.from({ length: cs.n }, (_, i) => {
    const v = new cn.Vol(cs.w, cs.h, cs.c, 0);
    for (let j = 0; j < v.w.length; j++) v.w[j] = xData[i * v.w.length + j];
    return v;
  });
  const cnF = () => {
    for (const v of vols) layer.forward(v, false);
  };
  const record = (section: string, times: number[], work: number) =>
    times.forEach((ms, i) => rows.push(emit({ section, case: cs.label, engine: engines[i], ms, rate: gflops(work, ms), rateUnit: 'GFLOP/s' })));

  record('conv2d forward', timeInterleaved([oursConv2d(xData, wData, cs), tw.fwd, tc.fwd, cnF], { ...opt, enter }), flops);
  if (cs.backward) {
    // ConvNetJS computes dx and dw together: its column is left out of the split rows
    const backOpt = { ...opt, rounds: big ? 3 : 5, enter: enter.slice(0, 3) };
    record('conv2d dx', timeInterleaved([oursConv2dBackward(xData, wData, dyData, cs, 'dx'), tw.dx, tc.dx], backOpt), flops);
    // (TF.js WASM: its 3-D filter gradient on depth 1, see tfWasmFilterGrad)
    record('conv2d dw', timeInterleaved([oursConv2dBackward(xData, wData, dyData, cs, 'dw'), tw.dw, tc.dw], backOpt), flops);
  }
  tw.dispose();
  tc.dispose();
  return rows;
}

export const convSection: BenchSection = {
  name: 'conv2d',
  async run() {
    const rows: BenchRow[] = [];
    for (const cs of CONV_CASES) rows.push(...(await runCase(cs)));
    return rows;
  },
};
