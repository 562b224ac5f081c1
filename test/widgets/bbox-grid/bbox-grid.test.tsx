// @vitest-environment happy-dom
// bbox-grid in a DOM: the lesson's example at start, the keyboard moves the midpoint into the
// next cell, shift + → makes b_w grow, a finer grid changes the shape to S×S×8.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import BboxGrid from '../../../src/widgets/bbox-grid/BboxGrid';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric } from '../render';

const mount = (lang: Lang = 'en') => render(<BboxGrid params={{ grid: 3 }} />, lang);
const press = (el: Element, key: string, shiftKey = false) =>
  act(() => el.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true })));

describe('bbox-grid widget', () => {
  it("starts on the lesson's example and follows the keyboard", () => {
    const h = mount();
    expect(metric(h, 'owner-cell')).toBe('2,2');
    expect([metric(h, 'bx'), metric(h, 'by'), metric(h, 'bh'), metric(h, 'bw')]).toEqual(['0.4', '0.3', '0.9', '1.6']);
    expect(h.textContent).toContain('b_w = 1.6');
    const obj = h.querySelector('[data-object="0"]')!;
    // midpoint y = 1.3/3 ≈ 0.433; ↓ ×5 → 0.533: still row 2 (< 2/3); ×12 → 0.673: row 3
    for (let i = 0; i < 12; i++) press(obj, 'ArrowDown');
    expect(metric(h, 'owner-cell')).toBe('3,2');
    expect([...h.querySelectorAll('[data-slots="cell"] td')].map((td) => td.textContent).slice(5)).toEqual(['0', '1', '0']);
  });
  it('Chinese', () => {
    expect(mount('zh').textContent).toContain('负责的格子');
  });
});
