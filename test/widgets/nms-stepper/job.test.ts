// The 'nms-large' job's pure function: kept count agrees with a brute-force reference on the
// same seeded boxes; the time is a real measurement; bad n is refused with a readable error.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/engine/random';
import { randomBoxes } from '../../../src/data/scenes';
import { jobs } from '../../../src/worker/jobs';
import { runNmsLarge } from '../../../src/widgets/nms-stepper/job';

/** Textbook NMS, written independently: repeatedly take the best remaining, drop overlaps ≥ t. */
function bruteForce(c: Float32Array, s: Float32Array, t: number, st: number): number {
  const iou = (i: number, j: number) => {
    const w = Math.max(0, Math.min(c[4 * i + 2], c[4 * j + 2]) - Math.max(c[4 * i], c[4 * j]));
    const h = Math.max(0, Math.min(c[4 * i + 3], c[4 * j + 3]) - Math.max(c[4 * i + 1], c[4 * j + 1]));
    const a = (k: number) => (c[4 * k + 2] - c[4 * k]) * (c[4 * k + 3] - c[4 * k + 1]);
    return (w * h) / (a(i) + a(j) - w * h);
  };
  let left = Array.from(s, (_, i) => i).filter((i) => s[i] > st);
  let kept = 0;
  while (left.length) {
    const best = left.reduce((m, i) => (s[i] > s[m] ? i : m), left[0]);
    kept++;
    left = left.filter((i) => i !== best && iou(best, i) < t);
  }
  return kept;
}

describe('nms-large', () => {
  it('is in the job table as a request', () => {
    expect(jobs['nms-large'].kind).toBe('request');
  });
  it('kept count matches the brute-force reference on the same 1,500 seeded boxes', () => {
    for (const [iouThreshold, scoreThreshold] of [[0.5, 0], [0.3, 0.6]]) {
      const r = runNmsLarge({ n: 1500, seed: 7, iouThreshold, scoreThreshold });
      const { corners, scores } = randomBoxes(1500, mulberry32(7));
      expect(r.kept).toBe(bruteForce(corners, scores, iouThreshold, scoreThreshold));
      expect(r.candidates).toBe(Array.from(scores).filter((x) => x > scoreThreshold).length);
      expect(r.ms).toBeGreaterThanOrEqual(0);
      expect(r.n).toBe(1500);
    }
  });
  it('10,000 boxes run and report a time', () => {
    const r = runNmsLarge({ n: 10_000, seed: 1, iouThreshold: 0.5, scoreThreshold: 0.9 });
    expect(r.kept).toBeGreaterThan(0);
    expect(r.kept).toBeLessThanOrEqual(r.candidates);
    expect(Number.isFinite(r.ms)).toBe(true);
  });
  it('refuses n that is not a whole number in range, saying so', () => {
    expect(() => runNmsLarge({ n: 0, seed: 1, iouThreshold: 0.5, scoreThreshold: 0 })).toThrow(/whole number from 1/);
    expect(() => runNmsLarge({ n: 2.5, seed: 1, iouThreshold: 0.5, scoreThreshold: 0 })).toThrow(/got 2.5/);
  });
});
