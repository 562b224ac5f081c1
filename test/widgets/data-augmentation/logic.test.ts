// The maths behind the data-augmentation widget: colour PCA (covariance, eigenvectors of a
// known matrix), the inverse mapping of mirror / crop / rotation / shear, and the seeded job.
import { describe, expect, it } from 'vitest';
import { colorPca, pcaShift, rgbCovariance, symmetricEigen3, type Mat3, type Vec3 } from '../../../src/data/pcaColor';
import { applyAugmentation, identityDraw, NO_AUGMENT, sourcePoint } from '../../../src/data/augmentImage';
import { drawCat } from '../../../src/data/colorPicture';
import { runAugmentPicture } from '../../../src/widgets/data-augmentation/job';

const mul = (m: Mat3, v: Vec3) => m.map((r) => r[0] * v[0] + r[1] * v[1] + r[2] * v[2]);

describe('colour PCA', () => {
  it('covariance by hand: two pixels (0,0,0) and (1,0.5,0) → mean (0.5,0.25,0), C = d·dᵀ with d = (0.5,0.25,0)', () => {
    const { mean, covariance } = rgbCovariance([0, 0, 0, 1, 0.5, 0]);
    expect(mean).toEqual([0.5, 0.25, 0]);
    expect(covariance[0][0]).toBeCloseTo(0.25, 12);
    expect(covariance[0][1]).toBeCloseTo(0.125, 12);
    expect(covariance[1][1]).toBeCloseTo(0.0625, 12);
    expect(covariance[2]).toEqual([0, 0, 0]);
  });

  it('eigenvectors of a known matrix: [[2,1,0],[1,2,0],[0,0,5]] → λ = 5, 3, 1 with p = e_B, (e_R+e_G)/√2, (e_R−e_G)/√2', () => {
    const { values, vectors } = symmetricEigen3([[2, 1, 0], [1, 2, 0], [0, 0, 5]]);
    expect(values[0]).toBeCloseTo(5, 10);
    expect(values[1]).toBeCloseTo(3, 10);
    expect(values[2]).toBeCloseTo(1, 10);
    const h = Math.SQRT1_2;
    expect(vectors[0].map((x) => Math.abs(x))).toEqual([expect.closeTo(0, 10), expect.closeTo(0, 10), expect.closeTo(1, 10)]);
    expect(vectors[1]).toEqual([expect.closeTo(h, 10), expect.closeTo(h, 10), expect.closeTo(0, 10)]);
    expect(Math.abs(vectors[2][0])).toBeCloseTo(h, 10);
    expect(vectors[2][0] * vectors[2][1]).toBeCloseTo(-0.5, 10);
  });

  it('C·p = λ·p and the p are orthonormal, on a random symmetric matrix', () => {
    const a: Mat3 = [[0.9, 0.3, -0.2], [0.3, 0.4, 0.1], [-0.2, 0.1, 0.7]];
    const { values, vectors } = symmetricEigen3(a);
    for (let i = 0; i < 3; i++) {
      const cp = mul(a, vectors[i]);
      for (let c = 0; c < 3; c++) expect(cp[c]).toBeCloseTo(values[i] * vectors[i][c], 10);
      for (let j = 0; j < 3; j++) {
        const dot = vectors[i][0] * vectors[j][0] + vectors[i][1] * vectors[j][1] + vectors[i][2] * vectors[j][2];
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
      }
    }
    // trace = sum of eigenvalues
    expect(values[0] + values[1] + values[2]).toBeCloseTo(0.9 + 0.4 + 0.7, 10);
  });

  it('a purple image (red and blue vary together, green barely) → the main component is mostly red and blue', () => {
    const px: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = i / 99;
      px.push(0.3 + 0.6 * t, 0.1 + 0.02 * ((i * 7) % 5) / 4, 0.35 + 0.55 * t);
    }
    const pca = colorPca(px);
    const [r, g, b] = pca.eigenvectors[0];
    expect(Math.abs(g)).toBeLessThan(0.05);
    expect(r).toBeGreaterThan(0.6);
    expect(b).toBeGreaterThan(0.6);
    // α = (1, 0, 0) shifts by one standard deviation along p_1: mostly red and blue, hardly green
    const shift = pcaShift(pca, [1, 0, 0]);
    expect(Math.abs(shift[1])).toBeLessThan(0.1 * Math.abs(shift[0]));
    expect(Math.hypot(...shift)).toBeCloseTo(Math.sqrt(pca.eigenvalues[0]), 10);
  });
});

describe('geometry of the augmentations (inverse mapping output → source)', () => {
  it('identity maps every point to itself; mirror maps u to 1 − u', () => {
    const d = identityDraw();
    expect(sourcePoint(0.2, 0.7, d)).toEqual({ x: expect.closeTo(0.2, 12), y: expect.closeTo(0.7, 12) });
    expect(sourcePoint(0.2, 0.7, { ...d, mirrored: true })).toEqual({ x: expect.closeTo(0.8, 12), y: expect.closeTo(0.7, 12) });
  });

  it('crop c = 0.5 at (0.25, 0.1): output corners land on the crop window corners', () => {
    const d = { ...identityDraw(), crop: { c: 0.5, ox: 0.25, oy: 0.1 } };
    expect(sourcePoint(0, 0, d)).toEqual({ x: 0.25, y: expect.closeTo(0.1, 12) });
    expect(sourcePoint(1, 1, d)).toEqual({ x: 0.75, y: expect.closeTo(0.6, 12) });
  });

  it('rotation by 90°: the output top-centre comes from the source left-centre (picture turned clockwise)', () => {
    const p = sourcePoint(0.5, 0, { ...identityDraw(), rotateDeg: 90 });
    expect(p.x).toBeCloseTo(0, 12);
    expect(p.y).toBeCloseTo(0.5, 12);
  });

  it('shear k = 0.2: a point 0.5 below the centre comes from 0.1 further left (rows slide sideways by k·y)', () => {
    const p = sourcePoint(0.5, 1, { ...identityDraw(), shear: 0.2 });
    expect(p.x).toBeCloseTo(0.4, 12);
    expect(p.y).toBeCloseTo(1, 12);
    // the centre row does not move
    expect(sourcePoint(0.3, 0.5, { ...identityDraw(), shear: 0.2 }).x).toBeCloseTo(0.3, 12);
  });

  it('applying the identity returns the picture; a mirror reverses each row; a colour shift adds and clips', () => {
    const cat = drawCat(16);
    expect(applyAugmentation(cat, identityDraw()).data).toEqual(cat.data);
    const m = applyAugmentation(cat, { ...identityDraw(), mirrored: true });
    for (const [y, x, c] of [[3, 0, 0], [10, 4, 2], [15, 9, 1]]) expect(m.data[3 * (y * 16 + x) + c]).toBeCloseTo(cat.data[3 * (y * 16 + 15 - x) + c], 6);
    const s = applyAugmentation(cat, { ...identityDraw(), shift: [0.1, -0.1, 2] });
    expect(s.data[0]).toBeCloseTo(Math.min(1, cat.data[0] + 0.1), 6);
    expect(s.data[1]).toBeCloseTo(Math.max(0, cat.data[1] - 0.1), 6);
    expect(s.data[2]).toBe(1);
  });
});

describe('augment-picture job', () => {
  const settings = { mirror: true, crop: 0.3, rotateDeg: 15, shear: 0.2, colorShift: 0.08, pcaSigma: 0.5 };
  it('same seed → same samples; another seed → other samples; ranges respected', () => {
    const a = runAugmentPicture({ picture: 'cat', size: 24, count: 8, seed: 5, settings });
    const b = runAugmentPicture({ picture: 'cat', size: 24, count: 8, seed: 5, settings });
    const c = runAugmentPicture({ picture: 'cat', size: 24, count: 8, seed: 6, settings });
    expect(a.samples).toHaveLength(8);
    expect(a.samples.map((s) => s.draw)).toEqual(b.samples.map((s) => s.draw));
    expect(a.samples[0].image.data).toEqual(b.samples[0].image.data);
    expect(a.samples.map((s) => s.draw.rotateDeg)).not.toEqual(c.samples.map((s) => s.draw.rotateDeg));
    for (const { draw } of a.samples) {
      expect(Math.abs(draw.rotateDeg)).toBeLessThanOrEqual(15);
      expect(Math.abs(draw.shear)).toBeLessThanOrEqual(0.2);
      expect(draw.crop.c).toBeGreaterThanOrEqual(0.7);
      expect(draw.crop.ox + draw.crop.c).toBeLessThanOrEqual(1 + 1e-12);
      for (const v of draw.shift) expect(Math.abs(v)).toBeLessThanOrEqual(0.08);
    }
    expect(a.samples.some((s) => s.draw.mirrored) && a.samples.some((s) => !s.draw.mirrored)).toBe(true);
  });

  it('everything off → every sample is the original picture', () => {
    const a = runAugmentPicture({ picture: 'letter-b', size: 16, count: 3, seed: 1, settings: NO_AUGMENT });
    for (const s of a.samples) expect(s.image.data).toEqual(a.original.data);
  });

  it('bad input is refused with a readable message', () => {
    expect(() => runAugmentPicture({ picture: 'dog' as 'cat', count: 2, seed: 1, settings })).toThrow(/unknown picture/);
    expect(() => runAugmentPicture({ picture: 'cat', count: 0, seed: 1, settings })).toThrow(/count/);
  });
});
