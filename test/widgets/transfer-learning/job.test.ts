// The transfer-learning job in Node on the real packed ResNet-50 stem: the frozen features are
// those of the stem run directly, and with 5 pictures per class the pretrained head beats the
// small CNN from scratch on the held-out pictures (the lesson's claim, reproduced, seeded).
import { describe, expect, it } from 'vitest';
import { decodeStem, stemForward, stemPreprocess } from '../../../src/engine/nn/resnetStem';
import { variable } from '../../../src/engine/nn/variable';
import { initTransfer, stepTransfer, transferProgress, PICTURE_SIZE, TEST_PER_CLASS } from '../../../src/widgets/transfer-learning/job/train';
import { FEATURE_SIZE, buildHead, buildScratch } from '../../../src/widgets/transfer-learning/job/models';
import { JobError } from '../../../src/worker/job';
import { diskStemModel } from '../stemModel';

const model = diskStemModel();

describe('transfer-learning job', () => {
  it('counts what is frozen and what is trained', () => {
    const s = initTransfer({ model, perClass: 2, steps: 1 });
    // every value in the packed file is a frozen weight: 447,744 bytes of float16
    expect(s.frozenParams).toBe(model.bytes.byteLength / 2);
    const p = transferProgress(s);
    expect(p.pretrained.params).toBe(FEATURE_SIZE * 4 + 4);
    // scratch: 5·5·3·16 + 16, 3·3·16·32 + 32, 32·4 + 4
    expect(p.scratch.params).toBe(5 * 5 * 3 * 16 + 16 + 3 * 3 * 16 * 32 + 32 + 32 * 4 + 4);
    expect(buildHead(4, 1).paramCount).toBe(p.pretrained.params);
    expect(buildScratch(PICTURE_SIZE, 4, 1).paramCount).toBe(p.scratch.params);
    expect(p.featuresTotal).toBe(8 + 4 * TEST_PER_CLASS);
    expect(p.phase).toBe('features');
  });

  it('saves as features the res2c activations averaged over positions', () => {
    const s = initTransfer({ model, perClass: 2, steps: 1 });
    stepTransfer(s);
    const img = s.train.images[0];
    const px = { shape: [1, 64, 64, 3], data: Float32Array.from(img.data, (v) => 255 * v) };
    const a = stemForward(decodeStem(model.manifest, model.bytes), variable(stemPreprocess(px)), 'res2c').res2c!.value;
    expect(a.shape).toEqual([1, 16, 16, 256]);
    const mean = new Float64Array(256);
    for (let i = 0; i < a.data.length; i++) mean[i % 256] += a.data[i] / 256;
    for (const c of [0, 17, 255]) expect(s.trainFeatures[c]).toBeCloseTo(mean[c], 3);
    expect(s.trainFeatures[FEATURE_SIZE]).toBe(0); // the second picture is not done yet
  });

  it('rejects a count it does not offer', () => {
    expect(() => initTransfer({ model, perClass: 3 })).toThrow(JobError);
  });

  it('with 5 pictures per class the frozen ImageNet features beat training from scratch on held-out pictures', () => {
    const s = initTransfer({ model, perClass: 5, steps: 150 });
    let done = false;
    while (!done) done = stepTransfer(s);
    const p = transferProgress(s);
    expect(p.phase).toBe('training');
    expect(p.step).toBe(150);
    const pre = p.pretrained.testAccuracy!, scr = p.scratch.testAccuracy!;
    // both fit their 20 training pictures …
    expect(p.pretrained.trainAccuracy).toBe(1);
    expect(p.scratch.trainAccuracy).toBeGreaterThanOrEqual(0.9);
    // … but only the pretrained features carry over: well above chance (25 %) and above scratch
    expect(pre).toBeGreaterThan(0.6);
    expect(pre).toBeGreaterThan(scr + 0.15);
    // the curves hold one score per evaluation (step 1, every 10, the last)
    expect(s.evalSteps[0]).toBe(1);
    expect(s.evalSteps[s.evalSteps.length - 1]).toBe(150);
  }, 240_000);
});
