// The U-Net learns the scenes' masks in a modest budget (seeded, so the same numbers every run),
// the network without skips is the same graph minus the concats, and a diverging run stops
// with a readable error instead of NaN masks.
import { describe, expect, it } from 'vitest';
import { buildUnet, labelsOf, unetSpec } from '../../../src/widgets/unet-lab/job/network';
import { EVAL_EVERY, initUnetLab, learningRateAt, stepUnetLab, unetLab, SCENE_SIZE, TEST_COUNT, type UnetLabState } from '../../../src/widgets/unet-lab/job/train';
import { maskToRgb, pixelAccuracy, CLASS_COLOURS } from '../../../src/widgets/unet-lab/view';
import { JobError } from '../../../src/worker/job';

function trainTo(s: UnetLabState, steps: number): void {
  while (s.step < steps || s.evalAt !== null) stepUnetLab(s);
}

describe('unet-lab network', () => {
  it('keeps the input size, ends in 4 class scores per pixel, and the skips add channels', () => {
    const m = buildUnet({ size: 32, width: 8, skips: true, seed: 1 });
    expect(m.outputShape).toEqual([32, 32, 4]);
    const rows = m.summary();
    expect(rows.find((r) => r.id === 'up2')!.outShape).toEqual([16, 16, 16]);
    expect(rows.find((r) => r.id === 'skip2')!.outShape).toEqual([16, 16, 32]); // 16 upsampled + 16 copied
    expect(rows.find((r) => r.id === 'skip1')!.outShape).toEqual([32, 32, 16]);
    const plain = unetSpec({ size: 32, width: 8, skips: false, seed: 1 });
    expect(plain.nodes.some((n) => n.type === 'concat')).toBe(false);
    expect(buildUnet({ size: 32, width: 8, skips: false, seed: 1 }).outputShape).toEqual([32, 32, 4]);
    expect(() => unetSpec({ size: 30, width: 8, skips: true, seed: 1 })).toThrow(/multiple of 4/);
  });

  it('labelsOf takes the argmax over the class scores of each pixel', () => {
    const scores = { shape: [1, 1, 2, 4], data: Float32Array.from([0, 3, 1, 2, 5, -1, 0, 4]) };
    expect(Array.from(labelsOf(scores))).toEqual([1, 0]);
  });

  it('masks as pictures: one colour per class; pixel accuracy counts agreements', () => {
    const rgb = maskToRgb([0, 3]);
    expect(Array.from(rgb.slice(3))).toEqual(CLASS_COLOURS[3].map((v) => Math.fround(v)));
    expect(() => maskToRgb([4])).toThrow(/label 4/);
    expect(pixelAccuracy([0, 1, 2, 3], [0, 1, 0, 0])).toBe(0.5);
  });

  it('the learning rate halves every 600 steps', () => {
    expect(learningRateAt(0.01, 0)).toBe(0.01);
    expect(learningRateAt(0.01, 600)).toBeCloseTo(0.005, 12);
  });
});

describe('unet-lab training', () => {
  it('the U-Net learns: test mean IoU goes from the all-background guess to well above it in 300 steps', () => {
    const s = initUnetLab({ compare: false, seed: 1 });
    trainTo(s, EVAL_EVERY);
    const first = s.unet.ious[0];
    trainTo(s, 300);
    const last = s.unet.ious[s.unet.ious.length - 1];
    // the all-background guess scores about 0.22 here (background IoU ≈ 0.88, the others 0)
    expect(first).toBeLessThan(0.4);
    expect(last).toBeGreaterThan(0.55);
    expect(last - first).toBeGreaterThan(0.25);
    expect(s.unet.masks.length).toBe(TEST_COUNT * SCENE_SIZE * SCENE_SIZE);
    const p = unetLab.progress(s);
    expect(p.unet.meanIou).toBe(last);
    expect(p.images).toBe(300 * 4);
    expect(p.plain).toBeNull();
  }, 240_000);

  it('both networks start from the same encoder weights; a NaN loss stops with a readable error naming the network', () => {
    const s = initUnetLab({ compare: true, seed: 2 });
    const a = s.unet.model.parameters(), b = s.plain!.model.parameters();
    expect(Array.from(a[0].value.data)).toEqual(Array.from(b[0].value.data)); // enc1a's filters
    trainTo(s, 2);
    expect(s.unet.losses.length).toBe(2);
    expect(s.plain!.losses.length).toBe(2);
    // a weight that is NaN (as after an overflow) makes the next loss NaN
    b[0].value.data[0] = NaN;
    let err: unknown = null;
    try {
      stepUnetLab(s);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JobError);
    expect((err as JobError).code).toBe('non-finite-loss');
    expect((err as JobError).values.network).toBe('plain');
    expect((err as JobError).message).toMatch(/^Network without skips: the loss became NaN at step 2: training diverged/);
  });

  it('rejects a bad learning rate with a readable error naming the field', () => {
    expect(() => initUnetLab({ compare: false, learningRate: -1 })).toThrow(/learning rate must be a positive number/);
  });
});
