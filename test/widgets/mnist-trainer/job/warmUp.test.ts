// The lab's JIT warm-up (widgets/mnist-trainer/job/warmUp.ts) runs once per worker and changes
// nothing a student can see: a session trained after it matches one trained before it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mnist } from '../../../../src/data/mnist';
import { readPackedMnist } from '../../../worker/packedMnist';
import { attachData, createSession, sessionStep, type Session } from '../../../../src/widgets/shared/job/mnist/session';
import { PRESET_SETTINGS } from '../../../../src/data/mnistPresets';
import { mnistWarmUp } from '../../../../src/widgets/mnist-trainer/job/warmUp';
import { JobError } from '../../../../src/worker/job';

let data: Mnist;
beforeAll(() => {
  data = readPackedMnist();
});

function trained(key: string): { weights: number[][]; loss: number; averaged: number[][] } {
  const s: Session = createSession(key, 'lenet5', 3, PRESET_SETTINGS.lenet5, () => 0);
  attachData(s, data);
  for (let i = 0; i < 4; i++) sessionStep(s);
  return {
    weights: s.model.parameters().map((p) => Array.from(p.value.data)),
    averaged: s.averaged.parameters().map((p) => Array.from(p.value.data)),
    loss: s.recentLoss,
  };
}

describe('mnist-warm-up', () => {
  it('trains and tests throwaway weights once per worker, and leaves sessions exactly as they would be', () => {
    const before = trained('before');
    const first = mnistWarmUp.run({ preset: 'lenet5', train: true, evaluate: true });
    expect(first.ms).toBeGreaterThan(0);
    expect(mnistWarmUp.run({ preset: 'lenet5', train: true, evaluate: true }).ms).toBe(0); // already warm
    const after = trained('after');
    expect(after.loss).toBe(before.loss);
    expect(after.weights).toEqual(before.weights);
    expect(after.averaged).toEqual(before.averaged);
  });

  it('names an unknown architecture', () => {
    expect(() => mnistWarmUp.run({ preset: 'resnet' as never, train: true })).toThrow(JobError);
    expect(() => mnistWarmUp.run({ preset: 'resnet' as never, train: true })).toThrow(/unknown architecture resnet/);
  });
});
