// conv2d forward and backward, NHWC, the same shapes in all three engines.
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, gflops, timeInterleaved } from '../harness';
import { loadTf } from '../tfjs';
import { loadConvNetJS } from '../convnet';
import { convMultiplyCount, resolvePadding, convOutputSizeSides } from '../../src/engine/shape';
import { oursConv2d, oursConv2dBackward } from '../ours';

export interface ConvCase {
  label: string;
  n: number; h: number; w: number; c: number; f: number; k: number; pad: 'valid' | 'same';
  backward: boolean;
}

export const CONV_CASES: ConvCase[] = [
  { label: '32×28×28×1 → 5×5×8 valid', n: 32, h: 28, w: 28, c: 1, f: 5, k: 8, pad: 'valid', backward: true },
  { label: '32×14×14×8 → 3×3×16 same', n: 32, h: 14, w: 14, c: 8, f: 3, k: 16, pad: 'same', backward: true },
  { label: '1×56×56×64 → 3×3×64 same', n: 1, h: 56, w: 56, c: 64, f: 3, k: 64, pad: 'same', backward: false },
];

function outSize(cs: ConvCase): [number, number] {
  const p = resolvePadding(cs.h, cs.w, cs.f, cs.f, 1, cs.pad);
  return [convOutputSizeSides(cs.h, cs.f, p.top, p.bottom, 1), convOutputSizeSides(cs.w, cs.f, p.left, p.right, 1)];
}

async function runCase(cs: ConvCase): Promise<BenchRow[]> {
  const tf = await loadTf();
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
  const big = cs.n * flops > 1e8;
  // Interleaved rounds (ours, TF.js, ConvNetJS, ours, …): each engine meets the same machine
  // load. The big case takes a fraction of a second per call in the other engines: 3 rounds
  // of one call each (a median of 3).
  const opt = big ? { warmup: 1, rounds: 3, perRoundMs: 0 } : { warmup: 2, rounds: 6, perRoundMs: 100 };
  const fwd = 'conv2d forward';
  const bwd = 'conv2d backward (dx + dw)';
  const engines = ['ConvLab', 'TF.js CPU', 'ConvNetJS'];

  // Ours
  const oursF = oursConv2d(xData, wData, cs);
  const oursB = cs.backward ? oursConv2dBackward(xData, wData, dyData, cs) : null;

  // TensorFlow.js CPU: results are disposed, never read back (dataSync would dominate).
  const x = tf.tensor4d(xData, [cs.n, cs.h, cs.w, cs.c]);
  const w = tf.tensor4d(wData, [cs.f, cs.f, cs.c, cs.k]);
  const dy = tf.tensor4d(dyData, [cs.n, oh, ow, cs.k]);
  const tfF = () => tf.conv2d(x, w, 1, cs.pad).dispose();
  const attrs = { strides: [1, 1], pad: cs.pad, dataFormat: 'NHWC', dimRoundingMode: undefined };
  const tfB = () => {
    const dx = tf.engine().runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: x.shape } as never) as { dispose(): void };
    const dw = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: w.shape } as never) as { dispose(): void };
    dx.dispose();
    dw.dispose();
  };

  // ConvNetJS: one Vol per image, its own [x, y, depth] layout (same amount of work).
  const layer = new cn.ConvLayer({ in_sx: cs.w, in_sy: cs.h, in_depth: cs.c, sx: cs.f, filters: cs.k, stride: 1, pad: cs.pad === 'same' ? (cs.f - 1) / 2 : 0 });
  const vols = Array.from({ length: cs.n }, (_, i) => {
    const v = new cn.Vol(cs.w, cs.h, cs.c, 0);
    for (let j = 0; j < v.w.length; j++) v.w[j] = xData[i * v.w.length + j];
    return v;
  });
  const cnF = () => {
    for (const v of vols) layer.forward(v, false);
  };
  const outs = vols.map((v) => {
    const o = layer.forward(v, false).clone();
    for (let j = 0; j < o.dw.length; j++) o.dw[j] = dyData[j % dyData.length];
    return o;
  });
  const cnB = () => {
    for (let i = 0; i < vols.length; i++) {
      layer.in_act = vols[i];
      layer.out_act = outs[i];
      layer.backward();
    }
  };

  timeInterleaved([oursF, tfF, cnF], opt).forEach((ms, i) => {
    rows.push(emit({ section: fwd, case: cs.label, engine: engines[i], ms, rate: gflops(flops, ms), rateUnit: 'GFLOP/s' }));
  });
  if (oursB) {
    // TF.js's backward takes ~0.3–0.6 s per call: 3 rounds
    timeInterleaved([oursB, tfB, cnB], { ...opt, rounds: 3 }).forEach((ms, i) => {
      rows.push(emit({ section: bwd, case: cs.label, engine: engines[i], ms, rate: gflops(2 * flops, ms), rateUnit: 'GFLOP/s' }));
    });
  }
  x.dispose();
  w.dispose();
  dy.dispose();
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
