// One-shot view logic on a hand-made encoded set (1-D encodings, so distances are easy to check).
import { describe, expect, it } from 'vitest';
import { beforeAfter, bestTau, database, histogram, pairFeatures, recognise, verificationPairs, verificationScore, type EncodedSet } from '../../../src/widgets/one-shot/view';

// classes 7 at 0 and 0.1, 8 at 1 and 1.2, 9 at 3; a stranger 2 at 0.05
const set: EncodedSet = { dim: 1, embeddings: Float32Array.of(0, 0.1, 1, 1.2, 3, 0.05), labels: [7, 7, 8, 8, 9, 2], unseen: [7, 8, 9] };

describe('one-shot view logic', () => {
  it('pairs: every same-class pair of unseen digits and as many different ones; strangers left out', () => {
    const p = verificationPairs(set);
    // same: (0,1), (2,3); different among 5 unseen digits: 10 − 2 = 8 → 2 kept
    expect(p.d.length).toBe(4);
    expect(Array.from(p.same)).toEqual([1, 1, 0, 0]);
    expect(p.d[0]).toBeCloseTo(0.01, 6);
    expect(p.d[1]).toBeCloseTo(0.04, 6);
    expect([...p.i, ...p.j]).not.toContain(5);
  });

  it('accuracy at τ counts false rejections and false acceptances; best τ separates them', () => {
    const p = verificationPairs(set);
    // different pairs kept: (0,2) d = 1 and (0,4)? — check by values: all different distances ≥ 0.81
    const s0 = verificationScore(p, 0);
    expect(s0.falseRejections).toBe(2);
    expect(s0.accuracy).toBe(0.5);
    const s = verificationScore(p, 0.05);
    expect(s.accuracy).toBe(1);
    expect(verificationScore(p, 100).falseAcceptances).toBe(2);
    const t = bestTau(p);
    expect(verificationScore(p, t).accuracy).toBe(1);
  });

  it('histogram bins values over [lo, hi], clamping the outside ones', () => {
    expect(histogram([0, 0.5, 0.99, 1, 2, -1], 2, 0, 1)).toEqual([2, 4]); // [0, 0.5): 0 and −1; [0.5, 1]: 0.5, 0.99, 1 and 2
  });

  it('recognition: nearest database entry within τ, else not recognised', () => {
    const db = database(set);
    expect(db).toEqual([0, 2, 4]); // first 7, first 8, the 9
    const r = recognise(set, 3, db, 0.1); // the second 8 (1.2): d to 8 at 1.0 is 0.04
    expect(r.match).toBe(1);
    expect(r.distances[0]).toBeCloseTo(1.44, 5);
    expect(recognise(set, 3, db, 0.01).match).toBe(-1);
    // the stranger at 0.05 is within τ = 0.1 of the 7: a false acceptance, the answer says 7
    expect(recognise(set, 5, db, 0.1).match).toBe(0);
  });

  it('§36 features are |differences| and ŷ = σ(w·|Δ| + b)', () => {
    const f = pairFeatures(set, 2, 3, [-2], 1);
    expect(f.features[0]).toBeCloseTo(0.2, 6);
    expect(f.probability).toBeCloseTo(1 / (1 + Math.exp(-(1 - 0.4))), 6);
  });
});

describe('beforeAfter', () => {
  it('best-τ accuracy for new classes and for new pictures of known classes, before and after', () => {
    const r = beforeAfter({
      ...set,
      // untrained: the two 7s far apart, so one same pair is beyond every different pair
      untrained: Float32Array.of(0, 5, 1, 1.2, 3, 0.05),
      // known classes 0 and 1: trained encodings separate them, untrained ones mix them
      seenLabels: [0, 0, 1, 1],
      seenTrained: Float32Array.of(0, 0.1, 2, 2.1),
      seenUntrained: Float32Array.of(0, 2, 0.1, 2.1),
    });
    expect(r.newAfter).toBe(1);
    expect(r.newBefore).toBeLessThan(1);
    expect(r.knownAfter).toBe(1);
    // untrained known: same pairs d = 4, 4; different pairs kept (every 2nd of 0.01, 4.41, 3.61, 0.01):
    // 0.01 and 3.61 — no τ does better than chance
    expect(r.knownBefore).toBe(0.5);
  });
});

describe('episodeQuery (glyph one-shot)', () => {
  it('names the query after its nearest support within the episode', async () => {
    const { episodeQuery } = await import('../../../src/widgets/one-shot/view');
    // 1-D encodings; two episodes of N = 2: rows (0, 1) and (2, 3)
    const support = Float32Array.of(0, 1, 5, 9), query = Float32Array.of(0.9, 1.2, 5.1, 6);
    const flat = Int32Array.of(0, 1, 2, 3);
    // k = 0: episode 0, query of row 0 (0.9) → d to supports 0, 1 = 0.81, 0.01 → picks row 1 (wrong)
    const a = episodeQuery(flat, 2, 0, support, query, 1);
    expect(a.members).toEqual([0, 1]);
    expect(a.distances.map((d) => +d.toFixed(4))).toEqual([0.81, 0.01]);
    expect(a.pick).toBe(1);
    // k = 3: episode 1, query of row 3 (6) → d to 5 and 9 = 1, 9 → picks row 2 (wrong); k = 2 → right
    expect(episodeQuery(flat, 2, 3, support, query, 1).pick).toBe(0);
    expect(episodeQuery(flat, 2, 2, support, query, 1).pick).toBe(0);
  });
});
