// Max-pool 2×2 stride 2 on 32×24×24×8 (the LeNet step's first pool).
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, timeMedian } from '../harness';
import { loadTf } from '../tfjs';
import { loadConvNetJS } from '../convnet';
import { oursMaxPool } from '../ours';

export const poolSection: BenchSection = {
  name: 'maxPool2d',
  async run() {
    const tf = await loadTf();
    const cn = loadConvNetJS();
    const [n, h, w, c] = [32, 24, 24, 8];
    const data = new Float32Array(n * h * w * c);
    fillRandom(data, 4);
    const label = '32×24×24×8, 2×2 / 2';
    const section = 'max-pool forward';
    const opt = { warmup: 5, minRuns: 11, budgetMs: 600 };
    const rows: BenchRow[] = [];
    rows.push(emit({ section, case: label, engine: 'ConvLab', ms: timeMedian(oursMaxPool(data, [n, h, w, c]), opt), rate: null, rateUnit: '' }));
    const x = tf.tensor4d(data, [n, h, w, c]);
    rows.push(emit({ section, case: label, engine: 'TF.js CPU', ms: timeMedian(() => tf.maxPool(x, 2, 2, 'valid').dispose(), opt), rate: null, rateUnit: '' }));
    x.dispose();
    const layer = new cn.PoolLayer({ in_sx: w, in_sy: h, in_depth: c, sx: 2, stride: 2 });
    const vols = Array.from({ length: n }, (_, i) => {
      const v = new cn.Vol(w, h, c, 0);
      for (let j = 0; j < v.w.length; j++) v.w[j] = data[i * v.w.length + j];
      return v;
    });
    rows.push(emit({ section, case: label, engine: 'ConvNetJS', ms: timeMedian(() => { for (const v of vols) layer.forward(v, false); }, opt), rate: null, rateUnit: '' }));
    return rows;
  },
};
