// The triplet-embedding job's pure logic: batch sampling, mining on a hand-made embedding, and
// a short run on the real packed MNIST digits that lowers the loss and pulls same-class test
// digits closer together than different-class ones.
import { describe, expect, it, beforeAll } from 'vitest';
import type { Mnist } from '../../../../../src/data/mnist';
import { readPackedMnist } from '../../../../worker/packedMnist';
import { rng } from '../../../../../src/engine/random';
import { tripletLossValue } from '../../../../../src/engine/nn/tripletLoss';
import { easyFraction, indexByClass, mineTriplets, sampleBatch } from '../../../../../src/widgets/shared/job/embedding/mining';
import { createSession, sessionStep, trainBatch, evalChunk } from '../../../../../src/widgets/shared/job/embedding/session';

let data: Mnist;
beforeAll(() => {
  data = readPackedMnist();
});

describe('mining', () => {
  // 1-D embedding, hand-made: class 0 at 0 and 0.3; class 1 at 0.4 (close), 0.62 and 3 (far).
  //   A=0, P=0.3: d(A,P) = 0.09. Negatives: 0.4 → 0.16, 0.62 → 0.3844, 3 → 9.
  //   With α = 0.2, semi-hard band is (0.09, 0.29): only 0.4 (d = 0.16). Hardest: 0.4 too.
  //   A=0.3, P=0: d = 0.09; negatives: 0.4 → 0.01 (harder than P), 0.62 → 0.1024 (semi-hard), 3 → 7.29.
  const emb = Float32Array.of(0, 0.3, 0.4, 0.62, 3);
  const labels = [0, 0, 1, 1, 1];
  const pairsOf = (t: { a: Int32Array; p: Int32Array; n: Int32Array }) => Array.from(t.a, (a, i) => `${a}${t.p[i]}${t.n[i]}`);

  it('hard picks the closest negative; semi-hard the closest one beyond the positive', () => {
    const hard = mineTriplets(emb, 1, labels, 'hard', rng(1));
    const semi = mineTriplets(emb, 1, labels, 'semi-hard', rng(1));
    // anchor 0 (P = 1): hard → 2; semi → 2.   anchor 1 (P = 0): hard → 2 (d 0.01 < d(A,P)); semi → 3.
    expect(pairsOf(hard).filter((s) => s[0] === '0' || s[0] === '1')).toEqual(['012', '102']);
    expect(pairsOf(semi).filter((s) => s[0] === '0' || s[0] === '1')).toEqual(['012', '103']);
    // class 1 anchors: every ordered pair (2,3), (2,4), (3,2), (3,4), (4,2), (4,3) appears once
    expect(hard.a.length).toBe(2 + 6);
  });

  it('random picks any negative of another class; easy fraction counts zero-loss triplets', () => {
    const t = mineTriplets(emb, 1, labels, 'random', rng(3));
    for (let i = 0; i < t.a.length; i++) expect(labels[t.n[i]]).not.toBe(labels[t.a[i]]);
    expect(easyFraction([0, 0.1, 0, 0])).toBe(0.75);
    expect(easyFraction([])).toBe(0);
  });

  it('sampleBatch draws K classes × M distinct digits of each', () => {
    const by = indexByClass(data.train.labels);
    const idx = sampleBatch(by, [0, 1, 2, 3, 4, 5, 6], 4, 5, rng(2));
    expect(idx.length).toBe(20);
    for (let c = 0; c < 4; c++) {
      const cls = new Set(Array.from(idx.subarray(c * 5, c * 5 + 5), (i) => data.train.labels[i]));
      expect(cls.size).toBe(1);
      expect(new Set(idx.subarray(c * 5, c * 5 + 5)).size).toBe(5);
      expect([...cls][0]).toBeLessThanOrEqual(6);
    }
  });
});

describe('training an embedding on real digits', () => {
  it('semi-hard mining: loss falls and same-class pairs end closer than different-class pairs', () => {
    const s = createSession(data.train, data.test, { mining: 'semi-hard', seed: 1, testCount: 300 });
    while (!s.lastEval) sessionStep(s);
    const before = s.lastEval;
    const t0 = performance.now();
    const losses: number[] = [];
    for (let i = 0; i < 70; i++) {
      trainBatch(s);
      losses.push(s.loss!);
    }
    const ms = performance.now() - t0;
    while (!evalChunk(s));
    const after = s.lastEval!;
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    console.log(`70 steps in ${ms.toFixed(0)} ms; loss ${mean(losses.slice(0, 20)).toFixed(3)} → ${mean(losses.slice(-20)).toFixed(3)}; same ${before.sameDistance.toFixed(3)}→${after.sameDistance.toFixed(3)}, diff ${before.differentDistance.toFixed(3)}→${after.differentDistance.toFixed(3)}`);
    // The mined batch loss stays up by design (mining keeps finding the hard cases), so judge the
    // loss on FIXED random triplets of the held-out test digits, before and after.
    const r = rng(9);
    const L = s.testLabels;
    const a: number[] = [], p: number[] = [], n: number[] = [];
    while (a.length < 2000) {
      const i = r.int(L.length), j = r.int(L.length), k = r.int(L.length);
      if (i !== j && L[i] === L[j] && L[k] !== L[i]) {
        a.push(i);
        p.push(j);
        n.push(k);
      }
    }
    const fixed = { a: Int32Array.from(a), p: Int32Array.from(p), n: Int32Array.from(n) };
    const value = (e: Float32Array) => tripletLossValue({ shape: [L.length, 2], data: e }, fixed, 0.2);
    const ordered = (e: Float32Array) => {
      const v = value(e);
      return v.dAP.filter((d, i) => d < v.dAN[i]).length / v.dAP.length;
    };
    const [l0, l1, o0, o1] = [value(before.embeddings).loss, value(after.embeddings).loss, ordered(before.embeddings), ordered(after.embeddings)];
    console.log(`fixed test triplets: loss ${l0.toFixed(3)} → ${l1.toFixed(3)}; d(A,P) < d(A,N) in ${o0.toFixed(2)} → ${o1.toFixed(2)}`);
    expect(l1).toBeLessThan(0.9 * l0);
    expect(o1).toBeGreaterThan(o0 + 0.1);
    // the job's own test-triplet loss (another fixed set of 1,000) agrees
    expect(after.testLoss).toBeLessThan(before.testLoss);
    expect(after.sameDistance).toBeLessThan(0.6 * after.differentDistance);
    // and the classes did not collapse onto one point
    expect(after.differentDistance).toBeGreaterThan(before.differentDistance);
    // every test embedding on the unit circle
    for (let i = 0; i < 20; i++) expect(Math.hypot(after.embeddings[2 * i], after.embeddings[2 * i + 1])).toBeCloseTo(1, 4);
  }, 60_000);
});

describe('the job', () => {
  it('one-shot: trains on 0–6 for maxSteps, then hands over never-seen 7, 8, 9 and a fitted logistic unit', async () => {
    const { tripletEmbedding, provideEmbeddingDigits } = await import('../../../../../src/widgets/shared/job/embedding/tripletEmbedding');
    provideEmbeddingDigits(data);
    const st = tripletEmbedding.init({ mining: 'semi-hard', dim: 8, classes: [0, 1, 2, 3, 4, 5, 6], maxSteps: 3, oneShot: true });
    let guard = 0;
    while (!tripletEmbedding.step(st) && guard++ < 200);
    const p = tripletEmbedding.progress(st);
    expect(p.status).toBe('finished');
    expect(p.step).toBe(3);
    const snap = tripletEmbedding.snapshot!(st);
    const os = snap.oneShot!;
    expect(os.unseen).toEqual([7, 8, 9]);
    expect(os.labels.length).toBe(90 + 14);
    expect(Array.from(os.labels.slice(0, 90)).every((l) => l >= 7)).toBe(true);
    expect(Array.from(os.labels.slice(90)).every((l) => l <= 6)).toBe(true);
    expect(os.w.length).toBe(8);
    expect(() => tripletEmbedding.update!(st, { mining: 'nope' as never })).toThrow(/unknown mining/);
    tripletEmbedding.update!(st, { mining: 'random' });
    expect(tripletEmbedding.progress(st).mining).toBe('random');
    expect(() => tripletEmbedding.init({ mining: 'semi-hard', maxSteps: 0 })).toThrow(/maxSteps/);
  }, 60_000);
});

describe('fitPairLogistic', () => {
  it('learns negative weights on the component that separates classes, and none on noise', async () => {
    const { fitPairLogistic } = await import('../../../../../src/widgets/shared/job/embedding/oneShot');
    // component 0 = class position (0, 1 or 2, small jitter); component 1 = pure noise
    const r = rng(4);
    const labels: number[] = [];
    const e: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c = i % 3;
      labels.push(c);
      e.push(c + 0.05 * r.normal(), r.uniform(-1, 1));
    }
    const { w, b } = fitPairLogistic(Float32Array.from(e), 2, labels, 2000, 1);
    expect(w[0]).toBeLessThan(-2); // a big difference on component 0 ⇒ "different"
    expect(Math.abs(w[1])).toBeLessThan(Math.abs(w[0]) / 3);
    expect(b).toBeGreaterThan(0); // identical encodings ⇒ "same"
  });
});
