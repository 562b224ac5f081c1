// @vitest-environment happy-dom
// localization-target in a DOM: the lesson's car y = [1, 0.5, 0.7, 0.3, 0.5, 0, 1, 0] and the
// 8-term loss; "no object" → [0, ?, …] and loss (ŷ₁ − 0)² = 0.81; a bad ŷ entry stays in its
// field and the loss keeps the last valid value.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import LocalizationTarget from '../../../src/widgets/localization-target/LocalizationTarget';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric, type } from '../render';

const mount = (lang: Lang = 'en') => render(<LocalizationTarget params={{ show: 'target' }} />, lang);

describe('localization-target widget', () => {
  it('car, then no object, then a bad ŷ entry', () => {
    const h = mount();
    expect(metric(h, 'target')).toBe('1,0.5,0.7,0.3,0.5,0,1,0');
    // ŷ = [0.9, 0.45, 0.65, 0.25, 0.55, 0.1, 0.8, 0.1]: 0.01 + 3·0.0025 + 0.0025 + 0.01 + 0.04 + 0.01
    expect(Number(metric(h, 'loss'))).toBeCloseTo(0.01 + 0.0025 * 4 + 0.01 + 0.04 + 0.01, 6);
    act(() => (h.querySelector('input[role="switch"]') as HTMLInputElement).click());
    expect(metric(h, 'target')).toBe('0,?,?,?,?,?,?,?');
    expect(Number(metric(h, 'loss'))).toBeCloseTo(0.81, 6);
    type(h.querySelector('input[name="yhat-1"]') as HTMLInputElement, 'abc');
    expect(h.querySelector('[data-error]')!.textContent).toContain('abc');
    expect(Number(metric(h, 'loss'))).toBeCloseTo(0.81, 6);
    type(h.querySelector('input[name="yhat-1"]') as HTMLInputElement, '0.2');
    expect(Number(metric(h, 'loss'))).toBeCloseTo(0.04, 6);
  });
  it('Chinese', () => {
    expect(mount('zh').textContent).toContain('标签向量');
  });
});
