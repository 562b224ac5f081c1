// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import WhyConvolutions from '../../../src/widgets/why-convolutions/WhyConvolutions';
import { mount } from '../render';

describe('why-convolutions widget', () => {
  it('dense 3072 × 4704 = 14,450,688 weights vs conv 456; arrows move the unit; dense mode sees everything', () => {
    const host = mount(<WhyConvolutions />);
    const metric = (n: string) => host!.querySelector(`[data-metric="${n}"]`)!.getAttribute('data-value');
    expect(metric('dense-weights')).toBe(String(3072 * 4704));
    expect(metric('conv-params')).toBe(String((5 * 5 * 3 + 1) * 6));
    expect(host.querySelector('.wc-explain')!.textContent).toContain('75 of the 3,072');
    const out = host.querySelector('.wc-out') as HTMLElement;
    act(() => out.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(host.querySelector('.wc-explain')!.textContent).toContain('Output unit (11, 14)');
    act(() => (host!.querySelector('input[value="dense"]') as HTMLInputElement).click());
    expect(host.querySelector('.wc-explain')!.textContent).toContain('every one of the 3,072 inputs');
  });
});
