// The augmentation-training job in Node, seeded: both copies start equal, only the augmented
// one sees changed pictures, the held-out pictures are never augmented, and after 300 steps on
// 5 pictures per class augmentation has shrunk the train/test gap and raised held-out accuracy.
import { describe, expect, it } from 'vitest';
import { augTrainProgress, augmentBatch, initAugTrain, stepAugTrain } from '../../../src/widgets/augmentation-training/job/train';
import { pictureBatch } from '../../../src/widgets/shared/job/textureNet';
import { JobError } from '../../../src/worker/job';

describe('augmentation-training job', () => {
  it('starts both copies from the same weights; augments the training batch only', () => {
    const s = initAugTrain({ perClass: 5, steps: 1 });
    const a = s.plain.model.parameters(), b = s.augmented.model.parameters();
    a.forEach((p, i) => expect(p.value.data).toEqual(b[i].value.data));
    const test = Float32Array.from(s.testPictures.data);
    augmentBatch(s);
    expect(s.augmentedPictures.data).not.toEqual(s.trainPictures.data);
    expect(s.trainPictures.data).toEqual(pictureBatch(s.train.images));
    expect(s.testPictures.data).toEqual(test);
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
    expect(p.augmented.testAccuracy!).toBeGreaterThan(p.plain.testAccuracy! + 0.05);
    expect(s.evalSteps).toEqual([1, ...Array.from({ length: 12 }, (_, i) => 25 * (i + 1))]);
  }, 300_000);
});
