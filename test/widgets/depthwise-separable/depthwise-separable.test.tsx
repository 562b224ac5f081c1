// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import DepthwiseSeparable from '../../../src/widgets/depthwise-separable/DepthwiseSeparable';
import { mount } from '../render';

function type(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('depthwise-separable widget', () => {
  it('2160 vs 672; stepping accumulates 144 per depthwise channel; f = 7 keeps the text, says why, keeps the numbers', () => {
    const host = mount(<DepthwiseSeparable params={{}} />);
    const metric = (n: string) => host!.querySelector(`[data-metric="${n}"]`)!.getAttribute('data-value');
    expect(metric('normal-cost')).toBe('2160');
    expect(metric('separable-cost')).toBe('672');
    act(() => (host!.querySelector('[data-action="step"]') as HTMLButtonElement).click());
    expect(metric('separable-done')).toBe('144');
    const f = host.querySelector('input[name="f"]') as HTMLInputElement;
    act(() => type(f, '7'));
    expect(f.value).toBe('7');
    expect(host.querySelector('.ui-error')!.textContent).toMatch(/larger than the padded input/);
    expect(metric('normal-cost')).toBe('2160');
    const nC2 = host.querySelector('input[name="nC2"]') as HTMLInputElement;
    act(() => type(f, '3'));
    act(() => type(nC2, '512'));
    expect(Number(metric('ratio'))).toBeCloseTo(1 / 512 + 1 / 9, 10);
  });
});
