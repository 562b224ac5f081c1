import { describe, expect, it } from 'vitest';
import { rng, randn, truncatedNormal } from '../../../src/engine/random';

describe('seeded random numbers', () => {
  it('same seed ⇒ same numbers bit for bit; different seed ⇒ different', () => {
    const a = rng(123), b = rng(123), c = rng(124);
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
    expect(Array.from(randn([50], 7).data)).toEqual(Array.from(randn([50], 7).data));
  });
  it('mulberry32 reference values (seed 1)', () => {
    // first outputs of mulberry32(1) as 32-bit integers, from an independent Python port of the C
    // reference (uint32 t = a += 0x6D2B79F5; …); integer maths only, so identical on every engine
    const r = rng(1);
    const ints = Array.from({ length: 3 }, () => Math.round(r.next() * 4294967296));
    expect(ints).toEqual([2693262067, 11749833, 2265367787]);
  });
  it('uniform in [0, 1), normal has mean ≈ 0 and sd ≈ 1', () => {
    const r = rng(5);
    let lo = 1, hi = 0, s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      lo = Math.min(lo, u); hi = Math.max(hi, u);
      const z = r.normal();
      s += z; s2 += z * z;
    }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(s2 / n) - 1)).toBeLessThan(0.03);
  });
  it('truncated normal stays within 2 standard deviations', () => {
    const t = truncatedNormal([5000], 3, 0.5);
    expect(Math.max(...t.data.map(Math.abs))).toBeLessThanOrEqual(1);
  });
  it('shuffle is a seeded permutation', () => {
    const p = rng(9).shuffle([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...p].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(rng(9).shuffle([0, 1, 2, 3, 4, 5, 6, 7])).toEqual(p);
  });
});
