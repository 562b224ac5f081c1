// What CNNs learn (§38), worker side: receptive fields, top-k, patch crops, gradient ascent on
// the input, and the two long jobs on tiny data (fast: no real training here).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sequential } from '../../../src/engine/nn/model';
import { saveModel } from '../../../src/engine/nn/serialize';
import type { LayerSpec } from '../../../src/engine/nn/specs';
import { makeDigitSet } from '../../../src/data/mnist';
import { receptiveFields } from '../../../src/widgets/cnn-features/job/receptiveField';
import { offer, offerMaps, topK } from '../../../src/widgets/cnn-features/job/topK';
import { cropPatch, convLayers } from '../../../src/widgets/cnn-features/job/analyse';
import { ascentStep, startAscent } from '../../../src/widgets/cnn-features/job/ascent';
import { cnnAscent, cnnFeatures, provideFeaturesMnist } from '../../../src/widgets/cnn-features/job';
import { PRESET_LAYERS } from '../../../src/data/mnistPresets';
import { JobError } from '../../../src/worker/job';

describe('receptiveFields', () => {
  it('LeNet-5-like: conv5 → 5×5; pool2 → 6×6 jump 2; conv5 → 14×14 jump 2; pool2 → 16×16 jump 4', () => {
    // By hand: conv2 unit i reads pool units i…i+4; pool unit p reads conv1 units 2p, 2p+1;
    // conv1 unit q reads pixels q…q+4. So pixels 2i … 2(i+4)+1+4 = 2i+13: 14 of them, start 2i.
    const rf = receptiveFields(PRESET_LAYERS.lenet5, 28);
    const [c1, , p1, c2, , p2] = rf;
    expect(c1).toEqual({ size: 5, jump: 1, offset: 0 });
    expect(p1).toEqual({ size: 6, jump: 2, offset: 0 });
    expect(c2).toEqual({ size: 14, jump: 2, offset: 0 });
    expect(p2).toEqual({ size: 16, jump: 4, offset: 0 });
  });

  it("'same' padding moves the field's start outside the image", () => {
    const rf = receptiveFields([{ type: 'conv2d', filters: 1, size: 3, pad: 'same' }, { type: 'conv2d', filters: 1, size: 3, stride: 2, pad: 1 }], 8);
    expect(rf[0]).toEqual({ size: 3, jump: 1, offset: -1 });
    expect(rf[1]).toEqual({ size: 5, jump: 2, offset: -2 });
  });

  it('agrees with the pixels that actually change a unit (conv → avg pool → conv, no ReLU)', () => {
    const layers: LayerSpec[] = [{ type: 'conv2d', filters: 2, size: 5 }, { type: 'avgPool2d', size: 2 }, { type: 'conv2d', filters: 2, size: 5 }];
    const m = sequential(layers, [20, 20, 1], { seed: 3 });
    const rf = receptiveFields(layers, 20)[2];
    const x = new Float32Array(400);
    const base = m.predict({ shape: [1, 20, 20, 1], data: x }).data.slice();
    const [, , w, c] = m.outputShape.length === 3 ? [0, ...m.outputShape] : m.outputShape;
    const unit = (1 * w + 2) * c; // unit (row 1, col 2), channel 0
    const seen: [number, number][] = [];
    for (let r = 0; r < 20; r++) for (let col = 0; col < 20; col++) {
      x.fill(0);
      x[r * 20 + col] = 1;
      const y = m.predict({ shape: [1, 20, 20, 1], data: x }).data;
      if (Math.abs(y[unit] - base[unit]) > 1e-7) seen.push([r, col]);
    }
    const rows = seen.map((p) => p[0]), cols = seen.map((p) => p[1]);
    expect(Math.min(...rows)).toBe(rf.offset + 1 * rf.jump);
    expect(Math.max(...rows) - Math.min(...rows) + 1).toBe(rf.size);
    expect(Math.min(...cols)).toBe(rf.offset + 2 * rf.jump);
    expect(Math.max(...cols) - Math.min(...cols) + 1).toBe(rf.size);
    expect(seen.length).toBe(rf.size * rf.size);
  });
});

describe('top-k activations', () => {
  it('keeps the k best, descending', () => {
    const t = topK(3);
    [[1, 0], [5, 1], [3, 2], [4, 3], [0.5, 4], [6, 5]].forEach(([v, img]) => offer(t, v, img, 0, 0));
    expect(Array.from(t.values)).toEqual([6, 5, 4]);
    expect(Array.from(t.images)).toEqual([5, 1, 3]);
  });

  it('takes each image’s best position per channel on a hand-made map', () => {
    // 2 images, 2×2 positions, 2 channels; NHWC. Channel 0: image 0 peaks 9 at (1,0),
    // image 1 peaks 4 at (0,1). Channel 1: image 0 peaks 2 at (0,0), image 1 peaks 7 at (1,1).
    const d = [
      /* img 0 */ 1, 2, 3, 0, 9, -1, 0, 1,
      /* img 1 */ 0, 0, 4, 3, -2, 5, 1, 7,
    ];
    const tops = [topK(2), topK(2)];
    offerMaps(tops, { shape: [2, 2, 2, 2], data: Float32Array.from(d) }, 10);
    expect(Array.from(tops[0].values)).toEqual([9, 4]);
    expect([tops[0].images[0], tops[0].rows[0], tops[0].cols[0]]).toEqual([10, 1, 0]);
    expect([tops[0].images[1], tops[0].rows[1], tops[0].cols[1]]).toEqual([11, 0, 1]);
    expect(Array.from(tops[1].values)).toEqual([7, 2]);
    expect([tops[1].images[0], tops[1].rows[0], tops[1].cols[0]]).toEqual([11, 1, 1]);
  });
});

describe('cropPatch', () => {
  it('copies the field’s pixels and pads with background outside the digit', () => {
    const images = new Uint8Array(2 * 784);
    for (let i = 0; i < 784; i++) images[784 + i] = i % 251;
    const set = makeDigitSet(images, new Uint8Array([0, 1]));
    const out = new Float32Array(9);
    cropPatch(set, 1, { size: 3, jump: 2, offset: 0 }, 2, 3, out, 0); // rows 4–6, cols 6–8
    expect(out[0]).toBeCloseTo(((4 * 28 + 6) % 251) / 255, 6);
    expect(out[8]).toBeCloseTo(((6 * 28 + 8) % 251) / 255, 6);
    cropPatch(set, 1, { size: 3, jump: 1, offset: -1 }, 0, 0, out, 0); // starts at (-1, -1)
    expect(out[0]).toBe(0);
    expect(out[4]).toBeCloseTo(0, 6); // pixel (0, 0) = 0
    expect(out[5]).toBeCloseTo(1 / 255, 6);
  });
});

describe('gradient ascent on the input', () => {
  it('layer 1: reaches the best input in [0, 1]², b + Σ max(w, 0), from a grey start', () => {
    const m = sequential(PRESET_LAYERS.lenet5, [28, 28, 1], { seed: 5 });
    const conv = m.layers[0];
    const w = conv.params[0].v.value.data, b = conv.params[1].v.value.data;
    const unit = 3, units = 8;
    let best = b[unit];
    for (let k = unit; k < w.length; k += units) best += Math.max(0, w[k]);
    const s = startAscent(m, conv.id, unit, { l2: 0.01 });
    const start = s.activation;
    for (let i = 0; i < 60; i++) ascentStep(s);
    expect(s.activation).toBeGreaterThan(start + 0.5 * (best - start));
    expect(s.activation).toBeGreaterThan(0.95 * best);
    expect(s.activation).toBeLessThanOrEqual(best + 1e-4);
    expect(Math.min(...s.x)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s.x)).toBeLessThanOrEqual(1);
  });

  it('layer 2: the unit’s activation rises steadily (seeded model)', () => {
    const m = sequential(PRESET_LAYERS.lenet5, [28, 28, 1], { seed: 7 });
    const id = convLayers(m)[1].id;
    const s = startAscent(m, id, 5, { seed: 2, blurEvery: 4 });
    const start = s.activation;
    for (let i = 0; i < 20; i++) ascentStep(s);
    const mid = s.activation;
    for (let i = 0; i < 20; i++) ascentStep(s);
    expect(mid).toBeGreaterThan(start);
    expect(s.activation).toBeGreaterThan(mid);
    expect(s.activation - start).toBeGreaterThan(1);
  });
});

describe('the cnn-features jobs (tiny data)', () => {
  const rd = (f: string, n: number) => new Uint8Array(readFileSync(`public/data/${f}`)).subarray(0, n);
  const data = {
    train: makeDigitSet(rd('mnist-train-images.u8', 64 * 784), rd('mnist-train-labels.u8', 64)),
    test: makeDigitSet(rd('mnist-test-images.u8', 150 * 784), rd('mnist-test-labels.u8', 150)),
  };

  const run = (args: Parameters<typeof cnnFeatures.init>[0]) => {
    const s = cnnFeatures.init(args);
    let n = 0;
    while (!cnnFeatures.step(s)) if (++n > 1000) throw new Error('no end');
    return s;
  };

  it('trains briefly, then finds each unit’s nine best patches, whose activations are real', () => {
    provideFeaturesMnist(data);
    const s = run({ session: 't1', trainSteps: 2, seed: 4 });
    const p = cnnFeatures.progress(s);
    expect(p).toMatchObject({ phase: 'done', source: 'quick', step: 2, analysed: 150, total: 150 });
    const snap = cnnFeatures.snapshot!(s)!;
    expect(snap.layers.map((l) => [l.units, l.rf.size])).toEqual([[8, 5], [16, 14]]);
    // Recompute layer-2 unit 3's best activation from its image and position.
    const l = snap.layers[1];
    const u = 3;
    const vals = Array.from(l.values.slice(u * 9, u * 9 + 9));
    expect(vals).toEqual([...vals].sort((a, b) => b - a));
    const img = l.images[u * 9];
    const x = new Float32Array(784);
    for (let i = 0; i < 784; i++) x[i] = data.test.images[img * 784 + i] / 255;
    let z: Float32Array | null = null;
    s.model.forward({ shape: [1, 28, 28, 1], data: x }, { onActivation: (id, v) => { if (id === l.id) z = v.data.slice(); } });
    expect(z![(l.rows[u * 9] * l.side + l.cols[u * 9]) * l.units + u]).toBeCloseTo(vals[0], 4);
    expect(z!.filter((_, k) => k % l.units === u).every((v) => v <= vals[0] + 1e-5)).toBe(true);
    // The patch is the input under the field: pixel (0, 0) of the patch = pixel (2·row, 2·col).
    expect(l.patches[u * 9 * 196]).toBeCloseTo(x[l.rows[u * 9] * 2 * 28 + l.cols[u * 9] * 2], 6);

    const a = cnnAscent.init({ session: 't1', layer: 2, unit: u, steps: 15 });
    while (!cnnAscent.step(a)) { /* run */ }
    const ap = cnnAscent.progress(a);
    expect(ap.step).toBe(15);
    expect(ap.activation).toBeGreaterThan(ap.startActivation);
    expect(cnnAscent.snapshot!(a).image.length).toBe(784);
    expect(() => cnnAscent.init({ session: 't1', layer: 3, unit: 0 })).toThrow(JobError);
    expect(() => cnnAscent.init({ session: 'none', layer: 1, unit: 0 })).toThrow(/no analysed model/);
  });

  it('uses the lab’s saved model with its step and accuracy, and rejects a bad file', () => {
    provideFeaturesMnist(data);
    const m = sequential(PRESET_LAYERS.tiny, [28, 28, 1], { seed: 9 });
    const file = saveModel(m, { meta: { step: 42, history: { testAcc: [0.9, 0.971] } } });
    const s = run({ session: 't2', file });
    expect(cnnFeatures.progress(s)).toMatchObject({ phase: 'done', source: 'lab', labStep: 42, labAccuracy: 0.971, step: 0 });
    expect(cnnFeatures.snapshot!(s)!.layers.length).toBe(1);
    expect(() => cnnFeatures.init({ session: 't3', file: new ArrayBuffer(10) })).toThrow(JobError);
    const mlp = saveModel(sequential(PRESET_LAYERS.mlp, [28, 28, 1], { seed: 1 }));
    expect(() => cnnFeatures.init({ session: 't3', file: mlp })).toThrow(/no conv layer/);
  });
});
