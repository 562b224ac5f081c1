// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import InceptionCost from '../../src/widgets/inception-cost/InceptionCost';
import { LangContext } from '../../src/ui/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function setRange(input: HTMLInputElement, v: number) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  setter.call(input, String(v));
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('inception-cost widget', () => {
  it('shows 120,422,400 vs 12,443,648 at k = 16, and says the bottleneck costs more at k = 192 (zh too)', () => {
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
    act(() => root!.render(<LangContext.Provider value="en"><InceptionCost params={{}} /></LangContext.Provider>));
    const metric = (n: string) => host!.querySelector(`[data-metric="${n}"]`)!.getAttribute('data-value');
    expect(metric('direct-cost')).toBe('120422400');
    expect(metric('bottleneck-cost')).toBe('12443648');
    expect(host.textContent).toContain('120,422,400');
    expect(host.textContent).toContain('28×28×16');
    act(() => setRange(host!.querySelector('input[type="range"]')!, 192));
    expect(metric('bottleneck-cost')).toBe(String(28 * 28 * 192 * 192 + 120_422_400));
    expect(host.querySelector('.ui-callout-mistake')!.textContent).toContain('k = 155');
    act(() => root!.render(<LangContext.Provider value="zh"><InceptionCost params={{}} /></LangContext.Provider>));
    expect(host.textContent).toContain('瓶颈');
  });
});
