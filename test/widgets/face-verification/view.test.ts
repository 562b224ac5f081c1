// The numbers the face widget shows, checked by hand on small encodings.
import { describe, expect, it } from 'vitest';
import { absDifferences, faceDistance, faceTriplet, recognise, samePerson } from '../../../src/widgets/face-verification/view';
import { paramSpec } from '../../../src/widgets/face-verification/params';

describe('face-verification view', () => {
  it('d is the Euclidean distance (not squared)', () => {
    expect(faceDistance([0, 0, 0], [3, 4, 0])).toBeCloseTo(5, 12);
    expect(samePerson(0.6, 0.6)).toBe(true);
    expect(samePerson(0.6001, 0.6)).toBe(false);
    expect(Array.from(absDifferences([1, -2, 3], [0.5, 1, 3]))).toEqual([0.5, 3, 0]);
    expect(() => faceDistance([1, 2], [1])).toThrow(/different lengths/);
  });

  it('recognises the nearest enrolled person within τ, else says not in the database', () => {
    const db = [{ id: 'a', name: 'Ada', descriptor: [0, 0] }, { id: 'b', name: 'Bo', descriptor: [1, 0] }];
    const r1 = recognise(db, [0.9, 0.1], 0.6);
    expect(r1.known && r1.name).toBe('Bo');
    expect(r1.known && r1.d).toBeCloseTo(Math.hypot(0.1, 0.1), 12);
    const r2 = recognise(db, [0.5, 0.7], 0.6); // 0.86 from both
    expect(r2.known).toBe(false);
    expect(!r2.known && r2.nearest?.d).toBeCloseTo(Math.hypot(0.5, 0.7), 12);
    expect(r2.distances.map((x) => x.id)).toEqual(['a', 'b']);
    const r3 = recognise([], [0, 0], 0.6);
    expect(r3.known).toBe(false);
    expect(!r3.known && r3.nearest).toBeNull();
  });

  it('the triplet loss uses squared distances and the margin α', () => {
    // A = 0, P at distance 0.5 (0.25 squared), N at distance 0.6 (0.36 squared)
    const r = faceTriplet([0, 0], [0.3, 0.4], [0.6, 0], 0.2);
    expect(r.dAP).toBeCloseTo(0.25, 12);
    expect(r.dAN).toBeCloseTo(0.36, 12);
    expect(r.loss).toBeCloseTo(0.25 - 0.36 + 0.2, 12);
    expect(faceTriplet([0, 0], [0.3, 0.4], [2, 0], 0.2).loss).toBe(0);
  });

  it('validates its params', () => {
    expect(paramSpec.validate({ part: 'recognise' })).toEqual({ ok: true, params: { part: 'recognise', tau: 0.6, alpha: 0.2 } });
    expect(paramSpec.validate({ tau: 3 }).ok).toBe(false);
    expect(paramSpec.validate({ part: 'classify' }).ok).toBe(false);
  });
});
