// @vitest-environment happy-dom
// sliding-windows (crops mode, no worker needed): 16 → 2×2 windows at stride 2; stepping draws
// the current and visited windows; stride 1 → 9 crops; stride 3 → 1 crop, 196/256 covered and
// the "missed" note.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { CropsMode } from '../../../src/widgets/sliding-windows/CropsMode';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric } from '../render';

const mount = (lang: Lang = 'en') => render(<CropsMode n={16} image={null} />, lang);
function choose(h: HTMLElement, v: string) {
  const sel = h.querySelector('select') as HTMLSelectElement;
  act(() => {
    sel.value = v;
    sel.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('sliding-windows crops mode', () => {
  it('counts, steps and follows the stride', () => {
    const h = mount();
    expect(metric(h, 'windows')).toBe('2x2');
    expect(metric(h, 'crops')).toBe('4');
    const step = h.querySelector('[data-action="step"]') as HTMLButtonElement;
    act(() => step.click());
    act(() => step.click());
    expect(metric(h, 'crops-done')).toBe('2');
    expect(h.querySelectorAll('[data-window="current"]').length).toBe(1);
    expect(h.querySelectorAll('[data-window="visited"]').length).toBe(1);
    expect(h.querySelectorAll('[data-window="shared"]').length).toBe(1); // 12 shared columns
    choose(h, '1');
    expect(metric(h, 'crops')).toBe('9');
    expect(metric(h, 'crops-done')).toBe('0'); // a new stride starts again
    choose(h, '3');
    expect(metric(h, 'crops')).toBe('1');
    expect(Number(metric(h, 'coverage'))).toBeCloseTo(196 / 256, 12);
    expect(h.querySelector('.ui-callout-mistake')).not.toBeNull();
  });
  it('Chinese', () => {
    expect(mount('zh').textContent).toContain('滑动窗口');
  });
});
