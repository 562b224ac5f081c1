// conv2d forward only, ConvLab against TF.js WASM (XNNPACK), on the five forward shapes of the
// conv section, with more interleaved rounds (`npm run bench -- forward`): the quick check of
// the forward ratios while working on the kernels. Ours and theirs only; on request.
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, gflops, timeInterleaved } from '../harness';
import { loadTf } from '../tfjs';
import { loadTfWasm, useTfBackend } from '../tfjsWasm';
import { convMultiplyCount, resolvePadding, convOutputSizeSides } from '../../src/engine/shape';
import { oursConv2d } from '../ours';
import { CONV_CASES } from './conv';

export const forwardSection: BenchSection = {
  name: 'forward',
  async run() {
    const tf = await loadTf();
    await loadTfWasm();
    useTfBackend('wasm');
    const rows: BenchRow[] = [];
    for (const cs of CONV_CASES) {
      const p = resolvePadding(cs.h, cs.w, cs.f, cs.f, cs.stride, cs.pad);
      const oh = convOutputSizeSides(cs.h, cs.f, p.top, p.bottom, cs.stride), ow = convOutputSizeSides(cs.w, cs.f, p.left, p.right, cs.stride);
      const flops = 2 * cs.n * convMultiplyCount(oh, ow, cs.k, cs.f, cs.c);
      const xData = new Float32Array(cs.n * cs.h * cs.w * cs.c), wData = new Float32Array(cs.f * cs.f * cs.c * cs.k);
      fillRandom(xData, 1);
      fillRandom(wData, 2, 0.2);
      const x = tf.tensor4d(xData, [cs.n, cs.h, cs.w, cs.c]), w = tf.tensor4d(wData, [cs.f, cs.f, cs.c, cs.k]);
      const times = timeInterleaved([oursConv2d(xData, wData, cs), () => tf.conv2d(x, w, cs.stride, cs.pad).dispose()], { warmup: 3, rounds: 15, perRoundMs: 40 });
      ['ConvLab', 'TF.js WASM'].forEach((engine, i) => rows.push(emit({ section: 'conv2d forward', case: cs.label, engine, ms: times[i], rate: gflops(flops, times[i]), rateUnit: 'GFLOP/s' })));
      x.dispose();
      w.dispose();
    }
    return rows;
  },
};
