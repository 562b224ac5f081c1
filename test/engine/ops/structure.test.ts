import { describe, expect, it } from 'vitest';
import { tensor, zeros } from '../../../src/engine/tensor';
import { add, addBackward } from '../../../src/engine/ops/add';
import { concatChannels, concatChannelsBackward } from '../../../src/engine/ops/concatChannels';
import { flatten, flattenBackward, reshape, reshapeBackward } from '../../../src/engine/ops/reshape';
import { dropout, dropoutBackward } from '../../../src/engine/ops/dropout';
import { gradCheck, randTensor } from '../gradcheck';

describe('add (residual)', () => {
  it('elementwise sum, gradient copies dy to both inputs', () => {
    expect(Array.from(add(tensor([1, 2], [2]), tensor([10, 20], [2])).data)).toEqual([11, 22]);
    const { da, db } = addBackward(tensor([3, 4], [2]));
    expect(Array.from(da.data)).toEqual([3, 4]);
    expect(Array.from(db.data)).toEqual([3, 4]);
    expect(da.data).not.toBe(db.data);
  });
  it('shape mismatch', () => {
    expect(() => add(zeros([1, 2, 2, 3]), zeros([1, 2, 2, 4]))).toThrow('add: a shape [1, 2, 2, 3] does not match b shape [1, 2, 2, 4]');
  });
  it('gradient check', () => {
    const a = randTensor([2, 3], 1), b = randTensor([2, 3], 2);
    gradCheck('add', [a, b], () => add(a, b), (dy) => {
      const g = addBackward(dy as typeof a);
      return [g.da.data, g.db.data];
    });
  });
});

describe('concatChannels (inception)', () => {
  it('stacks channel blocks per pixel and splits the gradient back', () => {
    const a = tensor([1, 2], [1, 1, 2, 1]); // 2 pixels, 1 channel
    const b = tensor([10, 11, 20, 21], [1, 1, 2, 2]); // 2 pixels, 2 channels
    const y = concatChannels([a, b]);
    expect(y.shape).toEqual([1, 1, 2, 3]);
    expect(Array.from(y.data)).toEqual([1, 10, 11, 2, 20, 21]);
    const { dxs } = concatChannelsBackward(tensor([1, 2, 3, 4, 5, 6], [1, 1, 2, 3]), [a.shape, b.shape]);
    expect(Array.from(dxs[0].data)).toEqual([1, 4]);
    expect(Array.from(dxs[1].data)).toEqual([2, 3, 5, 6]);
  });
  it('spatial mismatch names the shapes', () => {
    expect(() => concatChannels([zeros([1, 2, 2, 1]), zeros([1, 3, 2, 1])])).toThrow(/\[1, 2, 2, 1\], \[1, 3, 2, 1\]/);
  });
  it('gradient check', () => {
    const a = randTensor([2, 2, 2, 3], 3), b = randTensor([2, 2, 2, 1], 4), c = randTensor([2, 2, 2, 2], 5);
    gradCheck('concat', [a, b, c], () => concatChannels([a, b, c]), (dy) =>
      concatChannelsBackward(dy as typeof a, [a.shape, b.shape, c.shape]).dxs.map((t) => t.data));
  });
});

describe('flatten / reshape', () => {
  it('flatten keeps the batch axis and shares the data', () => {
    const x = randTensor([2, 3, 3, 4], 6);
    const y = flatten(x);
    expect(y.shape).toEqual([2, 36]);
    expect(y.data).toBe(x.data);
    expect(flattenBackward(y, x).dx.shape).toEqual([2, 3, 3, 4]);
    expect(reshape(x, [-1, 4]).shape).toEqual([18, 4]);
  });
  it('wrong size', () => {
    expect(() => reshape(zeros([2, 3]), [4, 2])).toThrow('reshape: cannot view [2, 3] (6 values) as [4, 2]');
  });
  it('gradient checks (the gradient is dy viewed in the input shape)', () => {
    const x = randTensor([2, 2, 3, 2], 8);
    gradCheck('flatten', [x], () => flatten(x), (dy) => {
      const g = flattenBackward(dy as typeof x, x).dx;
      expect(g.shape).toEqual(x.shape);
      return [g.data];
    });
    gradCheck('reshape', [x], () => reshape(x, [4, 6]), (dy) => [reshapeBackward(dy as typeof x, x).dx.data]);
  });
});

describe('dropout (seeded, inverted)', () => {
  it('same seed ⇒ same mask; kept units scaled by 1/(1 − rate)', () => {
    const x = tensor(new Float32Array(1000).fill(1), [10, 100]);
    const a = dropout(x, 0.25, 42), b = dropout(x, 0.25, 42), c = dropout(x, 0.25, 43);
    expect(Array.from(a.y.data)).toEqual(Array.from(b.y.data));
    expect(Array.from(a.y.data)).not.toEqual(Array.from(c.y.data));
    const kept = a.y.data.filter((v) => v !== 0);
    expect(new Set(kept)).toEqual(new Set([Math.fround(1 / 0.75)]));
    // about 75 % kept (binomial, sd ≈ 1.4 %)
    expect(kept.length).toBeGreaterThan(700);
    expect(kept.length).toBeLessThan(800);
  });
  it('inference is the identity', () => {
    const x = tensor([1, 2, 3], [3]);
    const r = dropout(x, 0.5, 1, { training: false });
    expect(Array.from(r.y.data)).toEqual([1, 2, 3]);
    expect(r.mask).toBeNull();
  });
  it('backward applies the same mask', () => {
    const x = randTensor([4, 5], 7);
    const { mask } = dropout(x, 0.5, 9);
    gradCheck('dropout', [x], () => dropout(x, 0.5, 9).y, (dy) => [dropoutBackward(dy as typeof x, mask).dx.data]);
  });
  it('rate out of range', () => {
    expect(() => dropout(zeros([2]), 1, 0)).toThrow(RangeError);
  });
});
