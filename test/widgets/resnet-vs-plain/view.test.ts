import { describe, expect, it } from 'vitest';
import { MIN_BAR, barHeight, decadesLost, gradScale } from '../../../src/widgets/resnet-vs-plain/view';

describe('resnet-vs-plain gradient bars', () => {
  it('fits the floor to the smallest non-zero norm, so a 1e-14 gradient is on the axis', () => {
    const plain = Float32Array.from([3e-14, 1e-9, 2e-3, 0.5]);
    const residual = Float32Array.from([0.01, 0.02, 0.03, 0.04]);
    const s = gradScale([plain, residual]);
    expect(s.lo).toBe(-14);
    expect(s.hi).toBe(1);
    expect(s.ticks[s.ticks.length - 1]).toBe(1);
    expect(s.ticks.length).toBeLessThanOrEqual(5);
    for (const t of s.ticks) expect(t).toBeGreaterThanOrEqual(s.lo);
    // log position, checked by hand: (log10(3e-14) + 14) / 15
    expect(barHeight(3e-14, s)).toBeCloseTo(Math.max(MIN_BAR, (Math.log10(3) - 14 + 14) / 15), 6);
    expect(barHeight(0.5, s)).toBeCloseTo((Math.log10(0.5) + 14) / 15, 6);
  });

  it('keeps a visible minimum for tiny positive norms and zero for exact zeros', () => {
    const s = { lo: -4, hi: 1, ticks: [-4, 1] };
    expect(barHeight(1e-20, s)).toBe(MIN_BAR);
    expect(barHeight(0, s)).toBe(0);
    expect(barHeight(Number.NaN, s)).toBe(0);
    expect(barHeight(100, s)).toBe(1);
  });

  it('ignores zeros, NaN and missing rows; never narrower than 1e-4 … 1e1', () => {
    const s = gradScale([null, Float32Array.from([0, Number.NaN, 0.1])]);
    expect([s.lo, s.hi]).toEqual([-4, 1]);
  });

  it('counts the decades the first layer lost against the last', () => {
    expect(decadesLost(Float32Array.from([1e-12, 1e-6, 1e-2]))).toBeCloseTo(10, 4);
    expect(decadesLost(Float32Array.from([0.2, 0.1]))).toBeCloseTo(-Math.log10(2), 6);
    expect(decadesLost(Float32Array.from([0, 0.1]))).toBeNull();
    expect(decadesLost(null)).toBeNull();
  });
});
