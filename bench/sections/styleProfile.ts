// Where the style-transfer step spends its time at 128×128 (`npm run bench -- style-profile`,
// ours only, for finding work): the whole step, the forward and costs alone, and the stem's
// convolutions one by one on their exact shapes (forward, and dx as the step's backward runs it).
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, timeMedian } from '../harness';
import type { Tensor } from '../../src/engine/tensor';
import { conv2d, conv2dBackward } from '../../src/engine/ops/conv2d';
import { drawStylePictures } from '../../src/data/stylePictures';
import { styleCosts, styleTransfer } from '../../src/widgets/style-transfer/job/styleTransfer';
import { stemFromDisk } from './style';
import { kernels } from '../../src/engine/kernels/index';

function t(shape: number[], seed: number, scale = 0.5): Tensor {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  fillRandom(data, seed, scale);
  return { shape, data };
}

/** The stem's convolutions at 128×128: [label, input shape, filter size, cIn, cOut, stride, pad, count per step]. */
const STEM_CONVS: [string, number[], number, number, number, number, number | 'same' | 'valid', number][] = [
  ['conv1 7×7/2 ×64', [1, 128, 128, 3], 7, 3, 64, 2, 3, 1],
  ['1×1 64→64 (res2a 2a)', [1, 32, 32, 64], 1, 64, 64, 1, 'valid', 1],
  ['3×3 64→64 (2b, ×3)', [1, 32, 32, 64], 3, 64, 64, 1, 'same', 3],
  ['1×1 64→256 (2c and res2a shortcut, ×4)', [1, 32, 32, 64], 1, 64, 256, 1, 'valid', 4],
  ['1×1 256→64 (res2b/c 2a, ×2)', [1, 32, 32, 256], 1, 256, 64, 1, 'valid', 2],
];

export const styleProfileSection: BenchSection = {
  name: 'style-profile',
  async run() {
    const section = 'style-transfer step at 128×128, part by part (ours)';
    const rows: BenchRow[] = [];
    const add = (name: string, fn: () => void) => rows.push(emit({ section, case: name, engine: 'ConvLab', ms: timeMedian(fn, { warmup: 3, minRuns: 9, budgetMs: 1500 }), rate: null, rateUnit: '' }));
    const pics = drawStylePictures(128);
    const s = styleTransfer.init({ model: stemFromDisk(), content: pics.contents.house, style: pics.styles.swirl, size: 128, init: 'content', balance: 5, seed: 1, maxSteps: 1e6 });
    add('whole step', () => void styleTransfer.step(s));
    add('forward and costs only (no gradient)', () => void styleCosts(s, false));
    for (const [label, shape, f, cin, cout, stride, pad, count] of STEM_CONVS) {
      const x = t(shape, 1), w = t([f, f, cin, cout], 2, 0.1), b = t([cout], 3);
      const y = conv2d(x, w, b, { stride, pad });
      const dy = t(y.shape, 4);
      const grads = conv2dBackward(dy, x, w, { stride, pad, skipDw: true });
      add(`${label}: forward`, () => void conv2d(x, w, b, { stride, pad, out: y }));
      add(`${label}: dx`, () => void conv2dBackward(dy, x, w, { stride, pad, skipDw: true, grads }));
      rows[rows.length - 1].note = `×${count} per step`;
    }
    // the Gram matrices of the style layers: G = AᵀA (A = activations as [h·w, c]) and the
    // backward da = A·S (S = dG + dGᵀ), the step's two biggest matrix products
    for (const [hw, c, count] of [[1024, 256, 3], [4096, 64, 1]]) {
      const a = t([hw, c], 5), g = new Float32Array(c * c), sym = t([c, c], 6), da = new Float32Array(hw * c);
      add(`Gram matrix AᵀA, A ${hw}×${c}`, () => kernels().gemm(c, c, hw, a.data, a.data, g, { transA: true }));
      rows[rows.length - 1].note = `×${count} per step, ${((2 * hw * c * c) / (rows[rows.length - 1].ms * 1e6)).toFixed(1)} GFLOP/s`;
      add(`Gram backward A·S, A ${hw}×${c}`, () => kernels().gemm(hw, c, c, a.data, sym.data, da));
      rows[rows.length - 1].note = `×${count} per step, ${((2 * hw * c * c) / (rows[rows.length - 1].ms * 1e6)).toFixed(1)} GFLOP/s`;
    }
    return rows;
  },
};
