// The lecture's claim, reproduced on the real digits: at 32 conv layers (Glorot init, SGD with
// momentum, no batch norm) the plain network is still at chance while the residual network of
// the same weights learns; at 8 conv layers both learn. Also: identical start, identical
// batches, vanishing gradients in the plain network, settings checked.
import { beforeAll, describe, expect, it } from 'vitest';
import { readPackedMnist } from '../../worker/packedMnist';
import { buildNet, forward } from '../../../src/widgets/resnet-vs-plain/job/network';
import { halfSizeBatch } from '../../../src/widgets/resnet-vs-plain/job/digits';
import { initResnetVsPlain, provideResnetMnist, resnetVsPlain, stepResnetVsPlain, TEST_COUNT, TEST_EVERY, type ResnetVsPlainState } from '../../../src/widgets/resnet-vs-plain/job/train';
import { JobError } from '../../../src/worker/job';
import type { Mnist } from '../../../src/data/mnist';

let data: Mnist;
beforeAll(() => {
  data = readPackedMnist();
  provideResnetMnist(data);
});

/** Run until `steps` training steps are done (test passes included). */
function trainTo(s: ResnetVsPlainState, steps: number): void {
  while (s.step < steps || s.testAt !== null) stepResnetVsPlain(s);
}

const LN10 = Math.log(10); // the loss of a uniform guess over 10 digits

describe('resnet-vs-plain networks', () => {
  it('the two networks start from the same weights and differ only in the shortcut', () => {
    const p = buildNet(false, 8, 8, 3, 0.01);
    const r = buildNet(true, 8, 8, 3, 0.01);
    expect(p.layers.length).toBe(8);
    p.layers.forEach((l, i) => expect(Array.from(l.w.value.data)).toEqual(Array.from(r.layers[i].w.value.data)));
    expect(Array.from(p.dense.w.value.data)).toEqual(Array.from(r.dense.w.value.data));
    // same weights, different outputs: the skip connections change the function
    const { x } = halfSizeBatch(data.test, [0, 1]);
    const a = forward(p, x, false).value.data;
    const b = forward(r, x, false).value.data;
    expect(a.length).toBe(20);
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it('half-size digits are 2×2 means of the 28×28 digit, standardised', () => {
    const { x, labels } = halfSizeBatch(data.train, [5]);
    expect(x.shape).toEqual([1, 14, 14, 1]);
    expect(labels[0]).toBe(data.train.labels[5]);
    const px = (r: number, c: number) => data.train.images[5 * 784 + r * 28 + c] / 255;
    const mean = (px(10, 12) + px(10, 13) + px(11, 12) + px(11, 13)) / 4;
    expect(x.data[5 * 14 + 6]).toBeCloseTo((mean - 0.1307) / 0.3081, 5);
  });

  it('at 32 conv layers the plain network stays near chance while the residual one learns, with vanishing gradients', () => {
    const s = initResnetVsPlain({ depth: 32, width: 8, seed: 1 });
    trainTo(s, 100);
    const plain = s.plain.loss, residual = s.residual.loss;
    expect(plain).toBeGreaterThan(residual + 0.5);
    expect(plain).toBeGreaterThan(0.9 * LN10);
    expect(residual).toBeLessThan(0.75 * LN10);
    // the test passes (every TEST_EVERY steps, TEST_COUNT held-out digits) tell the same story
    expect(s.testSteps).toEqual([25, 50, 75, 100].filter((k) => k % TEST_EVERY === 0));
    expect(s.residual.accuracy.at(-1)!).toBeGreaterThan(s.plain.accuracy.at(-1)! + 0.2);
    expect(TEST_COUNT).toBe(500);
    // the vanishing gradient: the plain network's first layer gets almost nothing, the residual's does
    expect(s.plain.grads[0]).toBeLessThan(1e-3 * s.residual.grads[0]);
  });

  it('at 8 conv layers both networks learn (same settings)', () => {
    const s = initResnetVsPlain({ depth: 8, width: 8, seed: 1 });
    trainTo(s, 200);
    expect(s.plain.loss).toBeLessThan(0.7 * LN10);
    expect(s.residual.loss).toBeLessThan(0.7 * LN10);
    expect(s.plain.accuracy.at(-1)!).toBeGreaterThan(0.4);
    expect(s.residual.accuracy.at(-1)!).toBeGreaterThan(0.4);
  });

  it('the same seed replays the same run; bad settings are refused with a named field', () => {
    const a = initResnetVsPlain({ depth: 8, width: 8, seed: 4 });
    const b = initResnetVsPlain({ depth: 8, width: 8, seed: 4 });
    trainTo(a, 3);
    trainTo(b, 3);
    expect(a.plain.losses).toEqual(b.plain.losses);
    expect(a.residual.losses).toEqual(b.residual.losses);
    for (const bad of [{ depth: 9, width: 8 }, { depth: 8, width: 3 }, { depth: 8, width: 8, learningRate: -1 }]) {
      let err: unknown;
      try {
        initResnetVsPlain(bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(JobError);
      expect((err as JobError).code).toBe('bad-setting');
    }
    expect(() => resnetVsPlain.update!(a, { learningRate: 0 })).toThrow(JobError);
  });

  it('a learning rate far too large stops the job with a non-finite-loss error naming the network', () => {
    const s = initResnetVsPlain({ depth: 8, width: 8, seed: 1, learningRate: 50 });
    let err: unknown;
    try {
      trainTo(s, 200);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JobError);
    expect((err as JobError).code).toBe('non-finite-loss');
    expect(['plain', 'residual']).toContain((err as JobError).values.network);
  });
});
