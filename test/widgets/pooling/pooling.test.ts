// The pool2d worker job runs the engine's pooling: checked against the course's 4×4 example.
import { describe, expect, it } from 'vitest';
import { pool2d } from '../../../src/widgets/pooling/job';
import { tensor } from '../../../src/engine/tensor';
import { poolWinners } from '../../../src/viz/pool';
import { windowGeometry } from '../../../src/viz/window';

// Lecture example: 1 3 2 1 / 2 9 1 1 / 1 3 2 3 / 5 6 1 2; f = 2, s = 2 → max 9 2 / 6 3
const X = [1, 3, 2, 1, 2, 9, 1, 1, 1, 3, 2, 3, 5, 6, 1, 2];

describe('pool2d job', () => {
  it('max pooling gives 9 2 / 6 3 and its argmax matches the viz winners', () => {
    const r = pool2d.run({ x: tensor(X, [1, 4, 4, 1]), mode: 'max', size: 2, stride: 2 });
    expect(r.y.shape).toEqual([1, 2, 2, 1]);
    expect(Array.from(r.y.data)).toEqual([9, 2, 6, 3]);
    const winners = poolWinners(windowGeometry(4, 4, 2, 2, 0), X).map((w) => w.row * 4 + w.col);
    expect(Array.from(r.argmax!)).toEqual(winners);
  });
  it('average pooling: (1+3+2+9)/4 = 3.75, (2+1+1+1)/4 = 1.25, (1+3+5+6)/4 = 3.75, (2+3+1+2)/4 = 2', () => {
    const r = pool2d.run({ x: tensor(X, [1, 4, 4, 1]), mode: 'avg', size: 2, stride: 2 });
    expect(Array.from(r.y.data)).toEqual([3.75, 1.25, 3.75, 2]);
  });
  it('pools each channel separately (2 channels → 2 output channels)', () => {
    const two = X.flatMap((v) => [v, -v]); // channel 1 = −channel 0
    const r = pool2d.run({ x: tensor(two, [1, 4, 4, 2]), mode: 'max', size: 2, stride: 2 });
    expect(r.y.shape).toEqual([1, 2, 2, 2]);
    // channel 1 max of −x = −min of each window: −1, −1, −1, −1
    expect(Array.from(r.y.data)).toEqual([9, -1, 2, -1, 6, -1, 3, -1]);
  });
  it('a window larger than the input throws the engine’s readable error', () => {
    expect(() => pool2d.run({ x: tensor(X, [1, 4, 4, 1]), mode: 'max', size: 5, stride: 1 })).toThrow(/larger than the padded input/);
  });
});

describe('pooling widget data', () => {
  it('channel packing is NHWC and the lecture example comes first', async () => {
    const { packChannels } = await import('../../../src/widgets/pooling/examples');
    const { winnerCell } = await import('../../../src/widgets/pooling/compute');
    const { n, data } = packChannels('4x4', 3);
    expect(n).toBe(4);
    const r = pool2d.run({ x: tensor(data, [1, 4, 4, 3]), mode: 'max', size: 2, stride: 2 });
    expect([0, 1, 2, 3].map((o) => r.y.data[o * 3])).toEqual([9, 2, 6, 3]);
    expect(winnerCell(r.argmax!, 0, 4, 3)).toEqual({ row: 1, col: 1 }); // the 9
    expect(winnerCell(r.argmax!, 3 * 3, 4, 3)).toEqual({ row: 2, col: 3 }); // the 3 at bottom-right window
  });
  it('validates lesson params', async () => {
    const { pooling } = await import('../../../src/widgets/pooling/widget');
    expect(pooling.validate({ mode: 'avg', f: 2, s: 2 }).ok).toBe(true);
    expect(pooling.validate({ mode: 'min' }).ok).toBe(false);
  });
});
