import { describe, expect, it } from 'vitest';
import { maskIou } from '../../src/geometry/maskIou';
import { rng } from '../../src/engine/random';

describe('maskIou, worked by hand', () => {
  // pixel:      0  1  2  3  4  5
  // truth:      0  0  1  1  2  0
  // predicted:  0  1  1  1  0  0
  // class 0: both at {0, 5}; truth {0, 1, 5}, predicted {0, 4, 5} → 2 / 4 = 0.5
  // class 1: both at {2, 3}; truth {2, 3}, predicted {1, 2, 3}    → 2 / 3
  // class 2: truth {4}, predicted nothing                         → 0 / 1 = 0
  // class 3: nowhere in either → undefined, left out of the mean
  const truth = [0, 0, 1, 1, 2, 0];
  const pred = [0, 1, 1, 1, 0, 0];

  it('per-class IoU and their mean', () => {
    const r = maskIou([pred], [truth], 4);
    expect(r.perClass[0]).toBe(0.5);
    expect(r.perClass[1]).toBeCloseTo(2 / 3, 12);
    expect(r.perClass[2]).toBe(0);
    expect(r.perClass[3]).toBeNaN();
    expect(r.mean).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 12);
    expect(r.confusion[0]).toEqual([2, 1, 0, 0]);
    expect(r.confusion[2]).toEqual([1, 0, 0, 0]);
  });

  it('pools the pixels of several masks (not a mean of per-mask IoUs)', () => {
    const r = maskIou([pred.slice(0, 3), pred.slice(3)], [truth.slice(0, 3), truth.slice(3)], 4);
    expect(r.mean).toBeCloseTo((0.5 + 2 / 3) / 3, 12);
  });

  it('a perfect prediction scores 1; the all-background guess scores only the background', () => {
    expect(maskIou([truth], [truth], 3).mean).toBe(1);
    const bg = maskIou([[0, 0, 0, 0, 0, 0]], [truth], 3);
    expect(bg.perClass).toEqual([0.5, 0, 0]); // background: 3 of 6 pixels
    expect(bg.mean).toBeCloseTo(0.5 / 3, 12);
  });

  it('agrees with a brute-force count over pixel sets on random masks', () => {
    const r = rng(7);
    for (let trial = 0; trial < 20; trial++) {
      const k = 2 + r.int(4);
      const masks = Array.from({ length: 1 + r.int(3) }, () => Array.from({ length: 1 + r.int(40) }, () => r.int(k)));
      const preds = masks.map((m) => m.map((v) => (r.uniform(0, 1) < 0.6 ? v : r.int(k))));
      const got = maskIou(preds, masks, k);
      const t = masks.flat(), p = preds.flat();
      const ious: number[] = [];
      for (let c = 0; c < k; c++) {
        const inT = new Set(t.map((v, i) => (v === c ? i : -1)).filter((i) => i >= 0));
        const inP = new Set(p.map((v, i) => (v === c ? i : -1)).filter((i) => i >= 0));
        const inter = [...inT].filter((i) => inP.has(i)).length;
        const union = new Set([...inT, ...inP]).size;
        if (union > 0) ious.push(inter / union);
        else expect(got.perClass[c]).toBeNaN();
      }
      expect(got.mean).toBeCloseTo(ious.reduce((a, b) => a + b, 0) / ious.length, 12);
    }
  });

  it('bad input names the problem', () => {
    expect(() => maskIou([[0, 1]], [[0]], 2)).toThrow(/mask 0 has 2 predicted pixels and 1 true pixels/);
    expect(() => maskIou([[0, 5]], [[0, 1]], 2)).toThrow(/not a class in \[0, 2\)/);
    expect(() => maskIou([], [[0]], 2)).toThrow(/0 predicted masks for 1 true masks/);
    expect(() => maskIou([[0]], [[0]], 0)).toThrow(/classes must be/);
  });
});
