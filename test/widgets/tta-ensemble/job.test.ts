// The tta-ensemble job in Node, seeded: the ten crops, the per-method pass counts, and after
// training, the 10-crop and ensemble predictions checked against an independent average of
// the networks' softmax outputs; on the held-out pictures the combined method is no worse
// than a single network and costs about thirty times the passes.
import { describe, expect, it } from 'vitest';
import { tenCropDraws, CROP } from '../../../src/widgets/tta-ensemble/job/crops';
import { initTta, predict, stepTta, ttaProgress } from '../../../src/widgets/tta-ensemble/job/train';
import { applyAugmentation } from '../../../src/data/augmentImage';
import { softmax } from '../../../src/engine/ops/softmax';

describe('tta-ensemble', () => {
  it('cuts ten distinct crop windows of side 0.875: centre and corners, plain and mirrored', () => {
    const d = tenCropDraws();
    expect(d).toHaveLength(10);
    expect(d.filter((x) => x.mirrored)).toHaveLength(5);
    for (const x of d) {
      expect(x.crop.c).toBe(CROP);
      expect(x.crop.ox).toBeGreaterThanOrEqual(0);
      expect(x.crop.ox + x.crop.c).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(new Set(d.map((x) => `${x.mirrored}${x.crop.ox}${x.crop.oy}`)).size).toBe(10);
  });

  it('trains, then scores the held-out pictures four ways; predictions match an independent average', () => {
    const s = initTta({ steps: 150 });
    let done = false;
    while (!done) done = stepTta(s);
    const p = ttaProgress(s);
    expect(p.phase).toBe('done');
    expect(p.scored).toBe(120);
    expect(p.results.single.passes).toBe(1);
    expect(p.results.crops.passes).toBe(10);
    expect(p.results.ensemble.passes).toBe(3);
    expect(p.results.ensembleCrops.passes).toBe(30);
    // independent check on one picture: average the three networks' softmax over the 10 crops
    const img = s.test.images[5];
    const avg = new Float64Array(4);
    for (const n of s.nets) {
      for (const d of tenCropDraws()) {
        const c = applyAugmentation(img, d);
        const pr = softmax(n.model.predict({ shape: [1, 64, 64, 3], data: c.data }));
        for (let k = 0; k < 4; k++) avg[k] += pr.data[k];
      }
    }
    const want = avg.indexOf(Math.max(...avg));
    expect(predict(s, img, 'ensembleCrops')).toBe(want);
    const single = softmax(s.nets[0].model.predict({ shape: [1, 64, 64, 3], data: img.data })).data;
    expect(predict(s, img, 'single')).toBe(Array.from(single).indexOf(Math.max(...single)));
    const acc = (m: keyof typeof p.results) => p.results[m].correct / p.scored;

    expect(acc('single')).toBeGreaterThan(0.4);
    expect(acc('ensembleCrops')).toBeGreaterThanOrEqual(acc('single'));
    // thirty passes cost more than one (time is noisy on a shared machine; the order is not)
    expect(p.results.ensembleCrops.ms).toBeGreaterThan(p.results.single.ms);
  }, 300_000);
});

describe('tta-ensemble table', () => {
  it('turns tallies into accuracy, gain and cost per picture', async () => {
    const { methodRows } = await import('../../../src/widgets/tta-ensemble/view');
    const rows = methodRows({
      single: { correct: 60, ms: 240, passes: 1 },
      crops: { correct: 66, ms: 2400, passes: 10 },
      ensemble: { correct: 72, ms: 720, passes: 3 },
      ensembleCrops: { correct: 75, ms: 7200, passes: 30 },
    }, 120)!;
    expect(rows.map((r) => r.method)).toEqual(['single', 'crops', 'ensemble', 'ensembleCrops']);
    expect(rows[0]).toMatchObject({ accuracy: 0.5, gain: 0, msPerPicture: 2, costRatio: 1 });
    expect(rows[2].gain).toBeCloseTo(0.1, 12);
    expect(rows[3].costRatio).toBe(30);
    expect(rows[1].msPerPicture).toBe(20);
    expect(methodRows({ single: { correct: 0, ms: 0, passes: 1 }, crops: { correct: 0, ms: 0, passes: 10 }, ensemble: { correct: 0, ms: 0, passes: 3 }, ensembleCrops: { correct: 0, ms: 0, passes: 30 } }, 0)).toBeNull();
  });
});
