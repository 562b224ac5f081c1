// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import ShapeCalculator from '../../../src/widgets/shape-calculator/ShapeCalculator';
import { shapeCalculator } from '../../../src/widgets/shape-calculator/widget';
import { mount as render, unmount } from '../render';

let host: HTMLElement | null = null;

function mount(preset: 'lenet5' | 'example-39' | 'vgg16' | 'alexnet') {
  host = render(<ShapeCalculator params={{ preset }} />);
  return host;
}
const values = (el: HTMLElement, name: string) => [...el.querySelectorAll(`[data-metric="${name}"]`)].map((e) => e.getAttribute('data-value'));
const type = (input: HTMLInputElement, text: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

describe('shape-calculator widget', () => {
  it('LeNet-5 preset: the errata parameters per row and in total', () => {
    const el = mount('lenet5');
    expect(values(el, 'layer-params')).toEqual(['0', '456', '0', '2416', '0', '48120', '10164', '850']);
    expect(values(el, 'total-params')).toEqual(['62006']);
    expect(values(el, 'layer-output')[1]).toBe('28x28x6');
  });

  it('VGG-16 total 138,357,544; example-39 ends in 1960', () => {
    expect(values(mount('vgg16'), 'total-params')).toEqual(['138357544']);
    unmount(host!);
    expect(values(mount('example-39'), 'layer-output').at(-1)).toBe('1960');
  });

  it('a filter that cannot fit is explained in its row; later rows show — and the text stays', () => {
    const el = mount('example-39');
    const f = el.querySelector('input[aria-label="f of layer 3"]') as HTMLInputElement;
    type(f, '19'); // 17×17 input, p = 0: 19 > 17
    expect(el.textContent).toContain('the window f = 19 is larger than the padded input (17)');
    expect(values(el, 'layer-output')[3]).toBe('');
    expect(values(el, 'layer-output')[4]).toBe('');
    expect(values(el, 'total-params')).toEqual(['']);
    expect(f.value).toBe('19');
    type(f, 'x');
    expect(el.textContent).toContain('f must be a whole number');
    expect(f.value).toBe('x');
  });

  it('remove and move layers', () => {
    const el = mount('example-39');
    act(() => (el.querySelector('button[aria-label="Remove layer 4"]') as HTMLButtonElement).click());
    expect(values(el, 'layer-output').at(-1)).toBe('7x7x40');
    act(() => (el.querySelector('button[aria-label="Move layer 2 up"]') as HTMLButtonElement).click());
    // conv f5 s2 20 first: ⌊(39 − 5)/2⌋ + 1 = 18
    expect(values(el, 'layer-output')[1]).toBe('18x18x20');
  });

  it('params validate', () => {
    expect(shapeCalculator.validate({ preset: 'alexnet' }).ok).toBe(true);
    expect(shapeCalculator.validate({ preset: 'resnet' }).ok).toBe(false);
  });
});
