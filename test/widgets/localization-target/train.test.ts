// The localizer learns: a seeded run of the train-localizer job (the same step function the
// worker drives) raises the mean box IoU on the held-out scenes well above the untrained
// network's, and gets most classes and p_c right.
import { describe, expect, it } from 'vitest';
import { initLocalizer, localizerProgress, stepLocalizer, LOC_TEST_COUNT } from '../../../src/widgets/localization-target/job/train';
import { localizationTargetVector } from '../../../src/geometry/localization';
import { localizationBatch } from '../../../src/widgets/localization-target/job/localizer';
import { localizationScene } from '../../../src/data/detectionScenes';

describe('train-localizer', () => {
  it('builds targets from the scenes: one object or none (every fifth seed)', () => {
    const scenes = [0, 4].map((k) => localizationScene(k));
    expect(scenes[0].objects).toHaveLength(1);
    expect(scenes[1].objects).toHaveLength(0);
    const { x, y } = localizationBatch(scenes);
    expect(x.shape).toEqual([2, 64, 64, 3]);
    const o = scenes[0].objects[0];
    expect(Array.from(y.subarray(0, 8))).toEqual(Array.from(localizationTargetVector(o.box, o.classId, 64, 3)));
    expect(Array.from(y.subarray(8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('raises the held-out box IoU clearly in 250 seeded steps', () => {
    const s = initLocalizer({ seed: 1, maxSteps: 250 });
    let guard = 0;
    // the first test (step 0) scores the untrained network
    while (s.testAt !== null) stepLocalizer(s);
    const before = localizerProgress(s);
    expect(before.step).toBe(0);
    while (!stepLocalizer(s) && guard++ < 1000);
    const after = localizerProgress(s);
    expect(after.step).toBe(250);
    expect(s.ious.length).toBe(6); // steps 0, 50, …, 250
    expect(after.testScenes).toBe(LOC_TEST_COUNT);
    expect(before.boxIou!).toBeLessThan(0.2);
    expect(after.boxIou!).toBeGreaterThan(0.3);
    expect(after.boxIou! - before.boxIou!).toBeGreaterThan(0.2);
    expect(after.pcAccuracy!).toBeGreaterThan(0.85);
    console.log(`box IoU ${before.boxIou!.toFixed(3)} → ${after.boxIou!.toFixed(3)}, class ${after.classAccuracy}, p_c ${after.pcAccuracy}`);
  }, 300_000);
});
