// N-way one-shot scoring on a hand-made 1-D example.
import { describe, expect, it } from 'vitest';
import { nearestSupport, oneShotAccuracy } from '../../src/geometry/oneShot';

describe('N-way one-shot accuracy', () => {
  // supports at 0, 1, 2, 10; queries at 0.4 (→ 0 ✓), 1.6 (→ 2 ✗), 2.1 (→ 2 ✓), 6.5 (→ 10 ✓)
  const support = Float32Array.of(0, 1, 2, 10);
  const query = Float32Array.of(0.4, 1.6, 2.1, 6.5);
  it('names each query after its nearest support', () => {
    const members = Int32Array.of(0, 1, 2, 3);
    expect([0, 1, 2, 3].map((q) => nearestSupport(support, query, 1, members, q))).toEqual([0, 2, 2, 3]);
    expect(oneShotAccuracy(support, query, 1, [{ members }])).toBe(3 / 4);
  });
  it('only compares within the episode', () => {
    // episode {1, 3}: query 1.6 is nearer support 1 (d 0.36) than support 10 → correct; 6.5 → 10 ✓
    expect(oneShotAccuracy(support, query, 1, [{ members: Int32Array.of(1, 3) }])).toBe(1);
    expect(oneShotAccuracy(support, query, 1, [])).toBe(0);
  });
});
