import { describe, expect, it } from 'vitest';
import { decodeLocalization, localizationLoss, localizationTargetVector, meanBoxIou } from '../../src/geometry/localization';

describe('localization target and loss', () => {
  it('encodes a box as centre and size relative to the image, and no object as zeros', () => {
    const y = localizationTargetVector({ x1: 16, y1: 32, x2: 48, y2: 48 }, 1, 64, 3);
    expect(Array.from(y)).toEqual([1, 0.5, 0.625, 0.25, 0.5, 0, 1, 0]);
    expect(Array.from(localizationTargetVector(null, 0, 64, 3))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('matches a hand-worked example (one object, one empty image)', () => {
    // object: z₁ = 0 → σ = ½, −log ½ = ln 2; box errors 0.1, −0.1, 0, 0.2 → λ=2: 2·(0.01+0.01+0.04) = 0.12;
    // classes z = [0, 0, 0] → p = ⅓, −log ⅓ = ln 3.   empty: z₁ = 0 → ln 2 only (box/class ignored).
    const z = Float32Array.from([0, 0.6, 0.4, 0.3, 0.7, 0, 0, 0, 0, 9, 9, 9, 9, 9, 9, 9]);
    const y = Float32Array.from([1, 0.5, 0.5, 0.3, 0.5, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const r = localizationLoss(z, y, 2, 3, 2);
    expect(r.pc).toBeCloseTo(Math.LN2, 6);
    expect(r.box).toBeCloseTo(0.12 / 2, 6);
    expect(r.cls).toBeCloseTo(Math.log(3) / 2, 6);
    expect(r.loss).toBeCloseTo(r.pc + r.box + r.cls, 9);
    // the empty image's box and class entries get no gradient
    expect(Array.from(r.dz.subarray(9))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('has the gradient of central differences', () => {
    const n = 3, d = 8;
    const z = Float32Array.from({ length: n * d }, (_, i) => Math.sin(i * 1.7) * 1.5);
    const y = new Float32Array(n * d);
    y.set([1, 0.3, 0.6, 0.2, 0.4, 0, 0, 1], 0);
    y.set([0, 0, 0, 0, 0, 0, 0, 0], 8);
    y.set([1, 0.7, 0.2, 0.5, 0.3, 1, 0, 0], 16);
    const { dz } = localizationLoss(z, y, n, 3, 5);
    const h = 1e-3;
    for (let i = 0; i < z.length; i++) {
      const zp = Float64Array.from(z), zm = Float64Array.from(z);
      zp[i] += h; zm[i] -= h;
      const num = (localizationLoss(Float32Array.from(zp), y, n, 3, 5).loss - localizationLoss(Float32Array.from(zm), y, n, 3, 5).loss) / (2 * h);
      expect(dz[i]).toBeCloseTo(num, 2);
    }
  });

  it('decodes a prediction and its IoU with the truth', () => {
    const z = [3, 0.5, 0.625, 0.25, 0.5, 0, 2, 0];
    const p = decodeLocalization(z, 0, 64, 3);
    expect(p.box).toEqual({ x1: 16, y1: 32, x2: 48, y2: 48 });
    expect(p.classId).toBe(1);
    expect(p.pc).toBeCloseTo(1 / (1 + Math.exp(-3)), 9);
    // half the width: IoU = 16·16 / (32·16) = 0.5
    expect(meanBoxIou([p.box, { x1: 16, y1: 32, x2: 32, y2: 48 }], [p.box, p.box])).toBeCloseTo(0.75, 9);
    expect(() => meanBoxIou([p.box], [])).toThrow(RangeError);
  });
});
