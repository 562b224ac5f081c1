import { describe, expect, it } from 'vitest';
import { demoFit } from '../../../../src/widgets/system-check/job/demoFit';
import { JobError } from '../../../../src/worker/job';

function run(args: Parameters<typeof demoFit.init>[0], steps: number) {
  const s = demoFit.init(args);
  for (let i = 0; i < steps; i++) demoFit.step(s);
  return s;
}

describe('demo-fit (polynomial fit by gradient descent)', () => {
  it('the first loss is the mean of y² (all coefficients start at 0)', () => {
    const s = demoFit.init({ points: 5, noise: 0 });
    // y = 0.3 − 0.8x + 0.5x² + 1.2x³ at x = −1, −0.5, 0, 0.5, 1 (by hand):
    const ys = [0.4, 0.675, 0.3, 0.175, 1.2];
    expect([...demoFit.snapshot!(s).ys].map((v) => +v.toFixed(4))).toEqual(ys);
    demoFit.step(s);
    const mean = ys.reduce((a, y) => a + y * y, 0) / 5;
    expect(demoFit.progress(s).loss).toBeCloseTo(mean, 6);
    expect(demoFit.progress(s).step).toBe(1);
  });

  it('one step moves the coefficients along −α·∇J', () => {
    const s = demoFit.init({ points: 5, noise: 0, degree: 1, learningRate: 0.1 });
    demoFit.step(s);
    // ∂J/∂c0 = (2/m)Σ(0 − y) = −2·mean(y); ∂J/∂c1 = −2·mean(x·y)
    const xs = [-1, -0.5, 0, 0.5, 1];
    const ys = [0.4, 0.675, 0.3, 0.175, 1.2];
    const my = ys.reduce((a, b) => a + b) / 5;
    const mxy = xs.reduce((a, x, i) => a + x * ys[i], 0) / 5;
    const c = demoFit.snapshot!(s).coeffs;
    expect(c[0]).toBeCloseTo(0.1 * 2 * my, 6);
    expect(c[1]).toBeCloseTo(0.1 * 2 * mxy, 6);
  });

  it('drives the loss down to the noise floor and recovers the curve', () => {
    const s = run({ seed: 3, noise: 0.05, learningRate: 0.2, points: 200 }, 20000);
    const loss = demoFit.progress(s).loss;
    expect(loss).toBeLessThan(0.05 ** 2 * 1.5); // ≈ noise variance, far below the start (≈0.4)
    const c = [...demoFit.snapshot!(s).coeffs];
    [0.3, -0.8, 0.5, 1.2].forEach((t, k) => expect(Math.abs(c[k] - t)).toBeLessThan(0.1));
  });

  it('is deterministic for a seed', () => {
    const a = run({ seed: 9 }, 300);
    const b = run({ seed: 9 }, 300);
    const c = run({ seed: 10 }, 300);
    expect(demoFit.snapshot!(a).coeffs).toEqual(demoFit.snapshot!(b).coeffs);
    expect(demoFit.snapshot!(a).ys).not.toEqual(demoFit.snapshot!(c).ys);
  });

  it('a learning rate that is too large diverges and stops with non-finite-loss', () => {
    const s = demoFit.init({ learningRate: 3 });
    let err: unknown;
    try {
      for (let i = 0; i < 5000; i++) demoFit.step(s);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JobError);
    expect((err as JobError).code).toBe('non-finite-loss');
    expect((err as JobError).message).toMatch(/training diverged/);
  });

  it('converges just below 2/λmax of the Hessian and diverges just above it', () => {
    // λmax of H = (2/m)·XᵀX with X the [1, x, x², x³] design matrix, by power iteration.
    const m = 48;
    const xs = Array.from({ length: m }, (_, i) => -1 + (2 * i) / (m - 1));
    const H = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (2 / m) * xs.reduce((a, x) => a + x ** (i + j), 0)));
    let v = [1, 1, 1, 1];
    let lambda = 0;
    for (let it = 0; it < 500; it++) {
      const w = H.map((row) => row.reduce((a, h, j) => a + h * v[j], 0));
      lambda = Math.hypot(...w);
      v = w.map((x) => x / lambda);
    }
    const bound = 2 / lambda;
    expect(bound).toBeGreaterThan(0.8);
    expect(bound).toBeLessThan(1);
    const below = demoFit.init({ learningRate: bound * 0.97 });
    for (let i = 0; i < 3000; i++) demoFit.step(below);
    expect(demoFit.progress(below).loss).toBeLessThan(0.01);
    const above = demoFit.init({ learningRate: bound * 1.35 });
    expect(() => {
      for (let i = 0; i < 3000; i++) demoFit.step(above);
    }).toThrow(JobError);
  });

  it('snapshots are fresh copies (they get transferred away)', () => {
    const s = demoFit.init({});
    const a = demoFit.snapshot!(s);
    const b = demoFit.snapshot!(s);
    expect(a.coeffs.buffer).not.toBe(b.coeffs.buffer);
  });

  it('rejects bad settings and args with readable messages', () => {
    const s = demoFit.init({});
    expect(() => demoFit.update!(s, { learningRate: -1 })).toThrow(/learning rate must be a positive number/);
    expect(() => demoFit.init({ degree: 9 })).toThrow(RangeError);
  });
});
