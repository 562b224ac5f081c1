// @vitest-environment happy-dom
// The landmarks widget in a DOM: y has 1 + 2n entries; the keyboard moves a landmark and its
// entries; swapping two labels changes exactly their four entries; no face → [0, ?, …]; zh.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import Landmarks from '../../../src/widgets/landmarks/Landmarks';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric } from '../render';

const mount = (lang: Lang = 'en') => render(<Landmarks params={{ show: 'target' }} />, lang);

const entries = (h: HTMLElement) => [...h.querySelectorAll('[data-entry]')].map((e) => [e.getAttribute('data-entry'), e.getAttribute('data-value')]);
const changed = (h: HTMLElement) => [...h.querySelectorAll('.lm-changed')].map((e) => e.getAttribute('data-entry'));
function select(el: HTMLSelectElement, value: string) {
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('landmarks widget', () => {
  it('4 eye corners → y of length 9: [1, 0.30, 0.42, 0.43, 0.42, …]', () => {
    const h = mount();
    expect(metric(h, 'landmarks')).toBe('4');
    expect(metric(h, 'vector-length')).toBe('9');
    expect(entries(h).slice(0, 5)).toEqual([['face', '1'], ['l1x', '0.3'], ['l1y', '0.42'], ['l2x', '0.43'], ['l2y', '0.42']]);
    select(h.querySelector('select') as HTMLSelectElement, '12');
    expect(metric(h, 'vector-length')).toBe('25');
    expect(h.querySelectorAll('[data-landmark]')).toHaveLength(12);
  });

  it('arrow keys move a landmark; its entries follow', () => {
    const h = mount();
    const p = h.querySelector('[data-landmark="0"]') as HTMLElement;
    act(() => void p.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    act(() => void p.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true, bubbles: true })));
    expect(entries(h)[1]).toEqual(['l1x', '0.31']);
    expect(entries(h)[2]).toEqual(['l1y', '0.47']);
  });

  it('swapping labels 2 and 3 changes l2x, l2y, l3x, l3y; the points do not move; consistent order undoes it', () => {
    const h = mount();
    const before = entries(h);
    const dots = () => [...h.querySelectorAll('.lm-dot')].map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`);
    const d0 = dots();
    const [, a, b] = [...h.querySelectorAll('select')] as HTMLSelectElement[];
    select(a, '2');
    select(b, '3');
    act(() => (h.querySelector('[data-action="swap"]') as HTMLButtonElement).click());
    expect(changed(h)).toEqual(['l2x', 'l2y', 'l3x', 'l3y']);
    expect(entries(h)[3]).toEqual(['l2x', before[5][1]]);
    expect(dots()).toEqual(d0);
    expect(h.querySelector('[data-landmark="1"]')!.getAttribute('data-label')).toBe('3');
    expect(h.textContent).toContain('near neither');
    act(() => (h.querySelector('[data-action="reset"]') as HTMLButtonElement).click());
    expect(changed(h)).toEqual([]);
    expect(entries(h)).toEqual(before);
  });

  it('no face: a picture without a face, y = [0, ?, …]; zh labels', () => {
    const h = mount('zh');
    const face = h.querySelector('input[role="switch"]') as HTMLInputElement;
    act(() => face.click());
    expect(entries(h)[0]).toEqual(['face', '0']);
    expect(entries(h).slice(1).every(([, v]) => v === '')).toBe(true);
    // the picture has no face in it, and no landmarks to place
    expect(h.querySelector('[data-picture="no-face"]')).not.toBeNull();
    expect(h.querySelectorAll('[data-landmark]')).toHaveLength(0);
    expect(h.textContent).toContain('标签向量 y');
    expect(metric(h, 'vector-length')).toBe('9');
  });
});
