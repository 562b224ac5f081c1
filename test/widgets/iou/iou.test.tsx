// @vitest-environment happy-dom
// The IoU widget in a DOM: presets give the exact numbers, typed corners are applied (an
// empty box is kept and explained, an out-of-plane value is refused in place), the keyboard
// moves a focused box.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import Iou from '../../../src/widgets/iou/Iou';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric, type } from '../render';

const mount = (lang: Lang = 'en') => render(<Iou params={{}} />, lang);

const input = (h: HTMLElement, name: string) => h.querySelector(`input[name="${name}"]`) as HTMLInputElement;


describe('iou widget', () => {
  it('presets: course example 1/7, touching 0, one inside the other 4/36', () => {
    const h = mount();
    act(() => (h.querySelector('[data-preset="course"]') as HTMLButtonElement).click());
    expect(Number(metric(h, 'iou'))).toBeCloseTo(1 / 7, 12);
    expect(metric(h, 'intersection')).toBe('1');
    expect(metric(h, 'union')).toBe('7');
    expect(h.querySelector('.iou-formula')!.textContent).toContain('0.1429');
    act(() => (h.querySelector('[data-preset="touching"]') as HTMLButtonElement).click());
    expect(metric(h, 'iou')).toBe('0');
    expect(h.textContent).toContain('Touching is not overlapping');
    act(() => (h.querySelector('[data-preset="inside"]') as HTMLButtonElement).click());
    expect(Number(metric(h, 'iou'))).toBeCloseTo(4 / 36, 12);
  });
  it('typed corners: applied; x2 ≤ x1 kept and explained (IoU 0); outside the plane refused in place', () => {
    const h = mount();
    act(() => (h.querySelector('[data-preset="course"]') as HTMLButtonElement).click());
    type(input(h, 'B-x2'), '4');
    // B = (1, 2, 4, 4): intersection (2, 2, 4, 3) = 2, union 4 + 6 − 2 = 8
    expect(metric(h, 'intersection')).toBe('2');
    expect(Number(metric(h, 'iou'))).toBeCloseTo(2 / 8, 12);
    type(input(h, 'A-x2'), '1.5');
    expect(input(h, 'A-x2').value).toBe('1.5');
    expect(h.querySelector('.iou-empty-note')!.textContent).toContain('x₂ = 1.5 ≤ x₁ = 2');
    expect(metric(h, 'iou')).toBe('0');
    type(input(h, 'B-y2'), '99');
    expect(input(h, 'B-y2').getAttribute('aria-invalid')).toBe('true');
    expect(input(h, 'B-y2').value).toBe('99');
    expect(metric(h, 'union')).toBe('6'); // B unchanged: (1, 2, 4, 4), A empty
  });
  it('keyboard: arrows move the focused box, shift + arrows resize it', () => {
    const h = mount();
    act(() => (h.querySelector('[data-preset="course"]') as HTMLButtonElement).click());
    const a = h.querySelector('[data-box="A"]') as HTMLElement;
    act(() => a.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    // A = (2.5, 1, 4.5, 3) vs B = (1, 2, 3, 4): intersection 0.5 × 1
    expect(metric(h, 'intersection')).toBe('0.5');
    act(() => a.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', shiftKey: true, bubbles: true })));
    expect(metric(h, 'area-a')).toBe(String(2 * 2.5));
  });
  it('speaks Chinese', () => {
    const h = mount('zh');
    expect(h.textContent).toContain('快速示例');
    expect(h.textContent).toContain('交集');
  });
});
