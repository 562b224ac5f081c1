// Localization target and loss (errata §23): all 8 squared errors when y₁ = 1, only (ŷ₁ − y₁)²
// when y₁ = 0; the check-yourself motorcycle and the ŷ_pc = 0.9 background image (loss 0.81).
import { describe, expect, it } from 'vitest';
import { localizationLoss, localizationTarget } from '../../../src/widgets/localization-target/view';
import { boxAround } from '../../../src/viz/yoloEncoder';

describe('localizationTarget', () => {
  it('a motorcycle centred at (0.3, 0.6), 0.4 tall and 0.2 wide → [1, 0.3, 0.6, 0.4, 0.2, 0, 0, 1]', () => {
    const y = localizationTarget(boxAround(0.3, 0.6, 0.2, 0.4), 2, false) as number[];
    [1, 0.3, 0.6, 0.4, 0.2, 0, 0, 1].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 5));
  });
  it('no object → [0, ?, ?, ?, ?, ?, ?, ?]', () => {
    expect(localizationTarget(boxAround(0.5, 0.5, 0.2, 0.2), 1, true)).toEqual([0, null, null, null, null, null, null, null]);
  });
});

describe('localizationLoss', () => {
  it('y₁ = 1: the sum of all eight squared errors', () => {
    const y = [1, 0.5, 0.7, 0.3, 0.5, 0, 1, 0];
    const yHat = [0.9, 0.4, 0.7, 0.5, 0.5, 0.1, 0.8, 0];
    const { terms, loss } = localizationLoss(yHat, y);
    expect(terms.every((t) => t !== null)).toBe(true);
    // 0.01 + 0.01 + 0 + 0.04 + 0 + 0.01 + 0.04 + 0 = 0.11
    expect(loss).toBeCloseTo(0.11, 12);
  });
  it('y₁ = 0: only (ŷ₁ − y₁)² — ŷ_pc = 0.9 on a background image costs 0.81 whatever the rest says', () => {
    const y = [0, null, null, null, null, null, null, null];
    const { terms, loss } = localizationLoss([0.9, 0.4, 0.7, 0.5, 0.5, 0.1, 0.8, 0], y);
    expect(loss).toBeCloseTo(0.81, 12);
    expect(terms.slice(1).every((t) => t === null)).toBe(true);
  });
});
