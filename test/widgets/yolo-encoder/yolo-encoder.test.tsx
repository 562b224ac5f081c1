// @vitest-environment happy-dom
// The yolo-encoder widget in a DOM: 3x3x16 at start, the car in cell (3, 2) with anchor 2, its
// cell's label with [0, ?, …] for anchor 1; changing S, A, C updates the shape; bad input is kept
// in the field and not applied; arrow keys move the selected object; Chinese renders.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import YoloEncoder from '../../../src/widgets/yolo-encoder/YoloEncoder';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric, type } from '../render';

const mount = (lang: Lang = 'en') => render(<YoloEncoder params={{ grid: 3, anchors: 2, classes: 3 }} />, lang);

describe('yolo-encoder widget', () => {
  it('starts at 3x3x16 with the car in cell (3, 2), anchor 2', () => {
    const h = mount();
    expect(metric(h, 'output-shape')).toBe('3x3x16');
    expect(metric(h, 'output-count')).toBe('144');
    expect(metric(h, 'owner-cell')).toBe('3,2');
    expect(metric(h, 'anchor')).toBe('2');
    const rows = [...h.querySelectorAll('[data-slots="cell"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-pc'))).toEqual(['0', '1']);
    expect([...rows[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual(['0', '?', '?', '?', '?', '?', '?', '?']);
    expect([...rows[1].querySelectorAll('td')].slice(5).map((td) => td.textContent)).toEqual(['0', '1', '0']);
  });
  it('S, A, C change the shape; bad input stays in the field and is not applied', () => {
    const h = mount();
    type(h.querySelector('input[name="grid"]') as HTMLInputElement, '19');
    type(h.querySelector('input[name="anchors"]') as HTMLInputElement, '5');
    type(h.querySelector('input[name="classes"]') as HTMLInputElement, '80');
    expect(metric(h, 'output-shape')).toBe('19x19x425');
    type(h.querySelector('input[name="grid"]') as HTMLInputElement, '40');
    expect(metric(h, 'output-shape')).toBe('19x19x425');
    expect((h.querySelector('input[name="grid"]') as HTMLInputElement).value).toBe('40');
    expect(h.querySelector('[data-error]')).not.toBeNull();
  });
  it('arrow keys move the selected object across a grid line', () => {
    const h = mount();
    const car = h.querySelector('[data-object="1"]') as SVGGElement;
    // midpoint x 0.62 → 0.68 after three steps of 0.02: still column 2; seven more → 0.82, column 3
    for (let i = 0; i < 10; i++) act(() => car.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(metric(h, 'owner-cell')).toBe('3,3');
  });
  it('Chinese', () => {
    const h = mount('zh');
    expect(h.textContent).toContain('标签形状');
  });
});
