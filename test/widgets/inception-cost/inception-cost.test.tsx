// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import InceptionCost from '../../../src/widgets/inception-cost/InceptionCost';
import { mount, rerender } from '../render';

function setRange(input: HTMLInputElement, v: number) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, String(v));
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('inception-cost widget', () => {
  it('shows 120,422,400 vs 12,443,648 at k = 16, and says the bottleneck costs more at k = 192 (zh too)', () => {
    const host = mount(<InceptionCost params={{}} />);
    const metric = (n: string) => host!.querySelector(`[data-metric="${n}"]`)!.getAttribute('data-value');
    expect(metric('direct-cost')).toBe('120422400');
    expect(metric('bottleneck-cost')).toBe('12443648');
    expect(host.textContent).toContain('120,422,400');
    expect(host.textContent).toContain('28×28×16');
    act(() => setRange(host!.querySelector('input[type="range"]')!, 192));
    expect(metric('bottleneck-cost')).toBe(String(28 * 28 * 192 * 192 + 120_422_400));
    expect(host.querySelector('.ui-callout-mistake')!.textContent).toContain('k = 155');
    rerender(host, <InceptionCost params={{}} />, 'zh');
    expect(host.textContent).toContain('瓶颈');
  });
});
