// The augmentation-training job in Node, seeded: both copies start equal, only the augmented
// one sees changed pictures, the held-out pictures are never augmented, and after 300 steps on
// 5 pictures per class augmentation has shrunk the train/test gap and raised held-out accuracy.
import { describe, expect, it } from 'vitest';
import { augTrainProgress, augmentBatch, initAugTrain, stepAugTrain } from '../../../src/widgets/augmentation-training/job/train';
import { pictureBatch } from '../../../src/widgets/shared/job/textureNet';
import { JobError } from '../../../src/worker/job';

/** Exact equality of two big arrays (toEqual's element-wise diff is slow at a million values). */
const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('augmentation-training job', () => {
  it('starts both copies from the same weights; augments the training batch only', () => {
    const s = initAugTrain({ perClass: 5, steps: 1 });
    const a = s.plain.model.parameters(), b = s.augmented.model.parameters();
    a.forEach((p, i) => expect(same(p.value.data, b[i].value.data)).toBe(true));
    const test = Float32Array.from(s.testPictures.data);
    augmentBatch(s);
    expect(same(s.augmentedPictures.data, s.trainPictures.data)).toBe(false);
    expect(same(s.trainPictures.data, pictureBatch(s.train.images))).toBe(true);
    expect(same(s.testPictures.data, test)).toBe(true);
    expect(s.augmentedPictures.data.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('rejects a count it does not offer', () => {
    expect(() => initAugTrain({ perClass: 3 })).toThrow(JobError);
  });

  it('with 5 pictures per class, augmentation narrows the train/test gap and wins on held-out pictures', () => {
    const s = initAugTrain({ perClass: 5, steps: 300 });
    let done = false;
    while (!done) done = stepAugTrain(s);
    const p = augTrainProgress(s);
    expect(p.step).toBe(300);
    // without augmentation the 20 pictures are memorised …
    expect(p.plain.trainAccuracy).toBe(1);
    // … and the gap to the held-out pictures is wide; augmentation narrows it
    expect(p.plain.gap!).toBeGreaterThan(0.4);
    expect(p.augmented.gap!).toBeLessThan(p.plain.gap! - 0.1);
    // the held-out gain is modest (a few points on 120 pictures), but it is a gain
    expect(p.augmented.testAccuracy!).toBeGreaterThan(p.plain.testAccuracy!);
    expect(s.evalSteps).toEqual([1, ...Array.from({ length: 12 }, (_, i) => 25 * (i + 1))]);
  }, 300_000);
});
