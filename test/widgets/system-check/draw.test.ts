import { describe, expect, it } from 'vitest';
import { pushHistory, type LossHistory } from '../../../src/widgets/system-check/draw';

describe('system-check loss history', () => {
  it('skips non-finite losses and repeated steps', () => {
    const h: LossHistory = { steps: [], losses: [] };
    pushHistory(h, 0, NaN);
    pushHistory(h, 1, 0.5);
    pushHistory(h, 1, 0.4);
    pushHistory(h, 2, Infinity);
    pushHistory(h, 3, 0.3);
    expect(h).toEqual({ steps: [1, 3], losses: [0.5, 0.3] });
  });

  it('halves when full, keeping the first and the latest point', () => {
    const h: LossHistory = { steps: [], losses: [] };
    for (let s = 1; s <= 11; s++) pushHistory(h, s, 1 / s, 10);
    expect(h.steps).toEqual([1, 3, 5, 7, 9, 11]);
    expect(h.losses).toEqual(h.steps.map((s) => 1 / s));
  });
});
