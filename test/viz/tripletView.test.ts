// The triplet-loss plane's numbers: the course's worked cases and the region boundaries.
import { describe, expect, it } from 'vitest';
import { keyMovePoint, scatterPositions, classCentres, tripletView, TRIPLET_LIM } from '../../src/viz/tripletView';

describe('tripletView', () => {
  it("the course's example: d(A,P) = 0.5, d(A,N) = 0.6, α = 0.2 ⇒ loss 0.1, semi-hard", () => {
    // A at the origin, P at (√0.5, 0), N at (0, √0.6)
    const v = tripletView({ x: 0, y: 0 }, { x: Math.sqrt(0.5), y: 0 }, { x: 0, y: Math.sqrt(0.6) }, 0.2);
    expect(v.dAP).toBeCloseTo(0.5, 12);
    expect(v.dAN).toBeCloseTo(0.6, 12);
    expect(v.loss).toBeCloseTo(0.1, 12);
    expect(v.kind).toBe('semi-hard');
    expect(v.rHard).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(v.rEasy).toBeCloseTo(Math.sqrt(0.7), 12);
    expect(v.tex).toContain('0.1');
  });

  it('d(A,N) = 0.9 ⇒ loss 0, easy; N closer than P ⇒ hard with loss > α', () => {
    const easy = tripletView({ x: 0, y: 0 }, { x: Math.sqrt(0.5), y: 0 }, { x: Math.sqrt(0.9), y: 0 }, 0.2);
    expect(easy.loss).toBe(0);
    expect(easy.kind).toBe('easy');
    const hard = tripletView({ x: 0, y: 0 }, { x: 0.6, y: 0 }, { x: 0.3, y: 0 }, 0.2);
    expect(hard.kind).toBe('hard');
    expect(hard.loss).toBeCloseTo(0.36 - 0.09 + 0.2, 12);
  });

  it('a negative exactly on the outer ring (d(A,N) = d(A,P) + α) is easy with loss 0', () => {
    const v = tripletView({ x: 0, y: 0 }, { x: 0.5, y: 0 }, { x: 0, y: 0.75 }, 0.3125); // 0.25 + 0.3125 = 0.5625 = 0.75²
    expect(v.loss).toBe(0);
    expect(v.kind).toBe('easy');
  });

  it('arrow keys move by 0.05 (shift 0.01) and stop at the edge', () => {
    expect(keyMovePoint({ x: 0, y: 0 }, 'ArrowUp', false)).toEqual({ x: 0, y: 0.05 });
    expect(keyMovePoint({ x: 0, y: 0 }, 'ArrowLeft', true)).toEqual({ x: -0.01, y: 0 });
    expect(keyMovePoint({ x: TRIPLET_LIM, y: 0 }, 'ArrowRight', false)).toEqual({ x: TRIPLET_LIM, y: 0 });
    expect(keyMovePoint({ x: 0, y: 0 }, 'Enter', false)).toBeNull();
  });

  it('scatter keeps each dot at its angle, within the band 1 ± 0.12; class centres are mean directions', () => {
    const e = Float32Array.of(1, 0, 0, 1, -1, 0, 0.8, 0.6);
    const s = scatterPositions(e, 4);
    for (let i = 0; i < 4; i++) {
      const r = Math.hypot(s[2 * i], s[2 * i + 1]);
      expect(r).toBeGreaterThanOrEqual(0.88 - 1e-6);
      expect(r).toBeLessThanOrEqual(1.12 + 1e-6);
      expect(Math.atan2(s[2 * i + 1], s[2 * i])).toBeCloseTo(Math.atan2(e[2 * i + 1], e[2 * i]), 5);
    }
    const c = classCentres(e, [3, 3, 5, 5]);
    expect(c[3]!.x).toBeCloseTo(Math.SQRT1_2, 6);
    expect(c[3]!.y).toBeCloseTo(Math.SQRT1_2, 6);
    expect(c[0]).toBeNull();
  });
});
