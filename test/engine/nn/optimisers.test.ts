import { describe, expect, it } from 'vitest';
import { adam, createOptimiser, momentum, sgd } from '../../../src/engine/nn/optimisers';

const slot = (w: number[], g: number[]) => ({ data: Float32Array.from(w), grad: Float32Array.from(g) });

describe('optimisers', () => {
  it('SGD: w ← w − α·g', () => {
    const p = slot([1, -2], [0.5, -1]);
    sgd(0.1).step([p]);
    expect(Array.from(p.data)).toEqual([Math.fround(1 - 0.05), Math.fround(-2 + 0.1)]);
  });

  it('momentum accumulates velocity: second step moves by α·(β·g + g)', () => {
    const p = slot([0], [1]);
    const o = momentum(0.1, 0.9);
    o.step([p]);
    expect(p.data[0]).toBeCloseTo(-0.1, 6);
    o.step([p]);
    expect(p.data[0]).toBeCloseTo(-0.1 - 0.1 * 1.9, 6);
  });

  it('Adam: the first step moves each weight by ≈ α·sign(g) whatever |g|', () => {
    const p = slot([0, 0, 0], [1000, -0.001, 3]);
    adam(0.01).step([p]);
    expect(p.data[0]).toBeCloseTo(-0.01, 5);
    expect(p.data[1]).toBeCloseTo(0.01, 4);
    expect(p.data[2]).toBeCloseTo(-0.01, 5);
  });

  it('Adam matches a hand-rolled reference over several steps', () => {
    const grads = [[0.3, -1], [0.1, 0.4], [-0.2, 0.9]];
    const p = slot([0.5, -0.5], [0, 0]);
    const o = adam(0.05, 0.9, 0.999, 1e-7);
    const w = [0.5, -0.5], m = [0, 0], v = [0, 0];
    grads.forEach((g, t) => {
      p.grad.set(g);
      o.step([p]);
      for (let i = 0; i < 2; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        const mh = m[i] / (1 - 0.9 ** (t + 1)), vh = v[i] / (1 - 0.999 ** (t + 1));
        w[i] -= (0.05 * mh) / (Math.sqrt(vh) + 1e-7);
      }
    });
    expect(p.data[0]).toBeCloseTo(w[0], 5);
    expect(p.data[1]).toBeCloseTo(w[1], 5);
  });

  it('state round-trips and rejects a different optimiser kind', () => {
    const p = slot([1], [1]);
    const o = adam(0.1);
    o.step([p]);
    const s = o.getState();
    const o2 = adam(0.1);
    o2.setState(s);
    const q = slot([p.data[0]], [1]);
    o.step([p]);
    o2.step([q]);
    expect(q.data[0]).toBe(p.data[0]);
    expect(() => sgd(0.1).setState(s)).toThrow(/adam/);
  });

  it('rejects a non-positive or NaN learning rate with a message', () => {
    expect(() => createOptimiser({ kind: 'sgd', lr: 0 })).toThrow(/learning rate/);
    expect(() => sgd(NaN)).toThrow(RangeError);
  });
});
