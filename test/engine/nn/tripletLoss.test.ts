// The triplet loss and the row normalisation on the tape: worked values from the course
// (ERRATA §35) and gradients against central differences.
import { describe, expect, it } from 'vitest';
import { variable, backward } from '../../../src/engine/nn/variable';
import { l2NormalizeRows, tripletLoss, tripletLossValue } from '../../../src/engine/nn/tripletLoss';
import { tripletLossOne } from '../../../src/geometry/triplet';
import { rng } from '../../../src/engine/random';

const T = (a: number[], p: number[], n: number[]) => ({ a: Int32Array.from(a), p: Int32Array.from(p), n: Int32Array.from(n) });

describe('tripletLoss on the tape', () => {
  it("the course's case: d(A,P) = 0.5, d(A,N) = 0.6, α = 0.2 gives 0.1; d(A,N) = 0.9 gives 0", () => {
    // 1-D embeddings: A = 0, P = √0.5, N = √0.6 (and √0.9)
    const e = { shape: [4, 1], data: Float32Array.of(0, Math.sqrt(0.5), Math.sqrt(0.6), Math.sqrt(0.9)) };
    const v = tripletLossValue(e, T([0, 0], [1, 1], [2, 3]), 0.2);
    expect(v.perTriplet[0]).toBeCloseTo(0.1, 6);
    expect(v.perTriplet[1]).toBe(0);
    expect(v.loss).toBeCloseTo(0.05, 6); // mean over the two triplets
  });

  it('agrees with geometry.tripletLossOne on random vectors', () => {
    const r = rng(5);
    const data = Float32Array.from({ length: 6 * 3 }, () => r.normal());
    const t = T([0, 1, 2, 3], [1, 2, 3, 4], [5, 0, 4, 2]);
    const v = tripletLossValue({ shape: [6, 3], data }, t, 0.7);
    const row = (i: number) => Array.from(data.subarray(i * 3, i * 3 + 3));
    for (let i = 0; i < 4; i++) expect(v.perTriplet[i]).toBeCloseTo(tripletLossOne(row(t.a[i]), row(t.p[i]), row(t.n[i]), 0.7), 5);
  });

  function numericCheck(f: (x: Float32Array) => number, x: Float32Array, analytic: Float32Array): void {
    const h = 1e-3;
    for (let i = 0; i < x.length; i++) {
      const keep = x[i];
      x[i] = keep + h;
      const up = f(x);
      x[i] = keep - h;
      const down = f(x);
      x[i] = keep;
      expect(analytic[i]).toBeCloseTo((up - down) / (2 * h), 2);
    }
  }

  it('gradient of normalise + triplet loss matches central differences (shared rows in several roles)', () => {
    const r = rng(11);
    const n = 6, d = 3;
    const x = Float32Array.from({ length: n * d }, () => r.normal());
    // row 0 is anchor twice and a negative once: its gradient sums three roles
    const t = T([0, 0, 1, 2, 3], [1, 4, 0, 5, 2], [2, 3, 5, 0, 1]);
    const alpha = 1.5; // large enough that most triplets are active
    const loss = (data: Float32Array) => {
      const xv = variable({ shape: [n, d], data: Float32Array.from(data) }, true);
      return tripletLoss(l2NormalizeRows(xv), t, alpha).value.data[0];
    };
    const xv = variable({ shape: [n, d], data: Float32Array.from(x) }, true);
    const L = tripletLoss(l2NormalizeRows(xv), t, alpha);
    expect(Array.from(L.info.perTriplet).filter((v) => v > 0).length).toBeGreaterThanOrEqual(3);
    backward(L);
    // float32 forward: keep the check at 2 decimals with h = 1e-3 on O(1) values
    numericCheck(loss, Float32Array.from(x), xv.grad!.data);
  });

  it('an inactive (easy) triplet sends no gradient', () => {
    const e = variable({ shape: [3, 1], data: Float32Array.of(0, 0.1, 5) }, true);
    const L = tripletLoss(e, T([0], [1], [2]), 0.2);
    expect(L.value.data[0]).toBe(0);
    backward(L);
    expect(Array.from(e.grad!.data)).toEqual([0, 0, 0]);
  });

  it('l2NormalizeRows gives unit rows', () => {
    const y = l2NormalizeRows(variable({ shape: [2, 2], data: Float32Array.of(3, 4, 0, -2) })).value.data;
    expect(Array.from(y)).toEqual([0.6, 0.8, 0, -1].map(Math.fround));
  });
});
