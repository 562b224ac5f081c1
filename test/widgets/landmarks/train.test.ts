// Landmark regression learns: a seeded run of the train-landmarks job (the same step function
// the worker drives) brings the held-out mean landmark error from tens of pixels to a few.
import { describe, expect, it } from 'vitest';
import { initLandmarks, landmarkLoss, stepLandmarks } from '../../../src/widgets/landmarks/job/train';

describe('train-landmarks', () => {
  it('loss and gradient by hand', () => {
    const r = landmarkLoss([0.5, 0.2, 0.1, 0.1], [0.4, 0.2, 0.1, 0.3], 2);
    expect(r.loss).toBeCloseTo((0.01 + 0.04) / 2, 9);
    expect(Array.from(r.dz).map((v) => Number(v.toFixed(6)))).toEqual([0.1, 0, 0, -0.2]);
  });

  it('brings the held-out error under 3 px in 400 steps', () => {
    const s = initLandmarks({ seed: 1, maxSteps: 400 });
    let guard = 0;
    while (!stepLandmarks(s) && guard++ < 1000);
    expect(s.step).toBe(400);
    expect(s.errors[0]).toBeGreaterThan(8);
    expect(s.errors[s.errors.length - 1]).toBeLessThan(3);
    console.log(`landmark error ${s.errors[0].toFixed(2)} → ${s.errors[s.errors.length - 1].toFixed(2)} px`);
  }, 300_000);
});
