// conv-1d-3d (§42): the engine's conv1d / conv3d (worker jobs, run in Node) on the lesson's
// shapes, checked against hand sums of the same taps.
import { describe, expect, it } from 'vitest';
import { conv1d, conv3d } from '../../../src/widgets/conv-1d-3d/job';
import { EKG, filter1d, filter3d, pack1d, pack3d, scanValue, sequenceChannel, volumeSlice } from '../../../src/widgets/conv-1d-3d/view';
import { convOutputSize, convParamCount, convParamCountNd } from '../../../src/engine/shape';

describe('conv-1d-3d', () => {
  it('1-D: length 14, filter 5, 16 filters → 10×16; each value = Σ of 5 products', () => {
    const y = conv1d.run(pack1d(5));
    expect(y.shape).toEqual([1, 10, 16]);
    expect(convOutputSize(14, 5, 0, 1)).toBe(10);
    for (const k of [0, 1, 2, 9]) {
      const w = filter1d(k, 5);
      const ch = sequenceChannel(y, k);
      for (let i = 0; i < 10; i++) expect(ch[i]).toBeCloseTo(w.reduce((s, v, u) => s + v * EKG[i + u], 0), 5);
    }
    // the spike detector peaks where the window is centred on the QRS spike (sample 6 → output 4)
    const spike = Array.from(sequenceChannel(y, 0));
    expect(spike.indexOf(Math.max(...spike))).toBe(4);
  });
  it('1-D: filter length f → 14 − f + 1 positions (f = 1 … 14)', () => {
    for (const f of [1, 3, 7, 14]) expect(conv1d.run(pack1d(f)).shape).toEqual([1, 15 - f, 16]);
  });
  it('3-D: 14×14×14×1 with 16 filters of 5×5×5 → 10×10×10×16; one value by hand', () => {
    const y = conv3d.run(pack3d());
    expect(y.shape).toEqual([1, 10, 10, 10, 16]);
    const w = filter3d(0);
    const [t, i, j] = [4, 5, 5];
    let s = 0;
    for (let a = 0; a < 5; a++) for (let u = 0; u < 5; u++) for (let v = 0; v < 5; v++) s += w[(a * 5 + u) * 5 + v] * scanValue(t + a, i + u, j + v);
    expect(volumeSlice(y, t, 0)[i * 10 + j]).toBeCloseTo(s, 4);
    expect(volumeSlice(pack3d().x, 6, 0)[7 * 14 + 7]).toBeCloseTo(0.6, 6); // the ball's centre
  });
  it('parameters: 1-D 5·1·16 + 16 = 96, 3-D 5·5·5·1·16 + 16 = 2016; 2-D agrees with convParamCount (280)', () => {
    expect(convParamCountNd([5], 1, 16)).toBe(96);
    expect(convParamCountNd([5, 5, 5], 1, 16)).toBe(2016);
    expect(convParamCountNd([3, 3], 3, 10)).toBe(convParamCount(3, 3, 10));
    expect(convParamCountNd([3, 3], 3, 10)).toBe(280);
  });
});

describe('conv-1d-3d 3-D filters', () => {
  it('the blob detector sums to 0 (flat regions give 0) and peaks on the small dense blob', async () => {
    const { filter3d, pack3d, volumeSlice } = await import('../../../src/widgets/conv-1d-3d/view');
    expect(filter3d(0).reduce((s, v) => s + v, 0)).toBeCloseTo(0, 5);
    const y = conv3d.run(pack3d());
    let best = { v: -Infinity, t: -1, i: -1, j: -1 };
    for (let t = 0; t < 10; t++) {
      const sl = volumeSlice(y, t, 0);
      for (let p = 0; p < 100; p++) if (sl[p] > best.v) best = { v: sl[p], t, i: Math.floor(p / 10), j: p % 10 };
    }
    expect([best.t, best.i, best.j]).toEqual([8, 1, 8]); // the blob at (10, 3, 10) = window start (8, 1, 8)
  });
});
