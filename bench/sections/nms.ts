// Non-max suppression on 1,000 and 10,000 random boxes (course §28): our typed-array
// nonMaxSuppressionFlat vs TensorFlow.js's CPU tf.image.nonMaxSuppression.
//
// Like for like: the same boxes (TF wants [y1, x1, y2, x2], converted once outside the
// timing; the input tensors are made once too), the same thresholds, maxOutputSize = n, the
// synchronous TF op WITH its readback (dataSync of the kept indices), since our function
// returns plain indices. TF suppresses when IoU > t and we when IoU ≥ t; with random float
// boxes an IoU exactly at t does not occur, so the kept sets must be equal — checked.
import type { BenchRow, BenchSection } from '../harness';
import { emit, median, now, timeMedian, timeRuns } from '../harness';
import { loadTf } from '../tfjs';
import { mulberry32 } from '../../src/engine/random';
import { randomBoxes } from '../../src/data/scenes';
import { nonMaxSuppressionFlat } from '../../src/geometry/nms';

const IOU = 0.5;

export const nmsSection: BenchSection = {
  name: 'nms',
  async run() {
    const tf = await loadTf();
    const rows: BenchRow[] = [];
    const section = 'non-max suppression';
    for (const n of [1000, 10_000]) {
      const { corners, scores } = randomBoxes(n, mulberry32(2024 + n));
      const yx = new Float32Array(4 * n);
      for (let i = 0; i < n; i++) yx.set([corners[4 * i + 1], corners[4 * i], corners[4 * i + 3], corners[4 * i + 2]], 4 * i);
      const boxesT = tf.tensor2d(yx, [n, 4]);
      const scoresT = tf.tensor1d(scores);
      const ours = () => nonMaxSuppressionFlat(corners, scores, { iouThreshold: IOU });
      const theirs = () => {
        const r = tf.image.nonMaxSuppression(boxesT, scoresT, n, IOU);
        const idx = r.dataSync() as Int32Array;
        r.dispose();
        return idx;
      };
      // Agreement first: same kept set, same order (both best first). TF's call is timed too:
      // on 10,000 boxes one call takes seconds, so it counts as one of the three runs.
      const a = ours();
      const tf0 = now();
      const b = Array.from(theirs());
      const tfFirst = now() - tf0;
      if (a.length !== b.length || a.some((v, i) => v !== b[i])) {
        throw new Error(`NMS disagrees with TF.js on ${n} boxes: ${a.length} vs ${b.length} kept`);
      }
      // The agreement check above was each side's first (warm-up) call. TF.js takes seconds per
      // call on 10,000 boxes, so it gets the fewest runs that still give a median.
      const big = n > 5000;
      const optOurs = big ? { warmup: 1, minRuns: 5, budgetMs: 3000 } : { warmup: 3, minRuns: 11, budgetMs: 1000 };
      const optTf = big ? { warmup: 0, minRuns: 2, maxRuns: 2 } : { warmup: 1, minRuns: 7, budgetMs: 1000 };
      const label = `${n.toLocaleString('en')} random boxes, IoU ${IOU}, no score cut`;
      const note = `${a.length} kept, same set`;
      rows.push(emit({ section, case: label, engine: 'ConvLab', ms: timeMedian(ours, optOurs), rate: null, rateUnit: '', note }));
      const tfMs = big ? median([tfFirst, ...timeRuns(theirs, optTf)]) : timeMedian(theirs, optTf);
      rows.push(emit({ section, case: label, engine: 'TF.js CPU', ms: tfMs, rate: null, rateUnit: '' }));
      boxesT.dispose();
      scoresT.dispose();
    }
    return rows;
  },
};
