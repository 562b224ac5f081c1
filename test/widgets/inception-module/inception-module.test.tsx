// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import InceptionModule from '../../../src/widgets/inception-module/InceptionModule';
import { mount, rerender } from '../render';

describe('inception-module widget', () => {
  it('concat 28×28×256; clicking the 5×5 branch lists 1×1 → 16 then 5×5 → 32 with 12,443,648 multiplies; zh labels', () => {
    const host = mount(<InceptionModule params={{}} />);
    const metric = (n: string) => host!.querySelector(`[data-metric="${n}"]`)!.getAttribute('data-value');
    expect(metric('output-shape')).toBe('28x28x256');
    act(() => (host!.querySelector('[data-branch="b5"]') as HTMLButtonElement).click());
    expect(metric('branch-multiplies')).toBe('12443648');
    const rows = [...host.querySelectorAll('[data-detail="b5"] tbody tr')].map((tr) => tr.textContent);
    expect(rows[0]).toContain('28×28×16');
    expect(rows[1]).toContain('28×28×32');
    expect(host.querySelector('[data-branch="b5"]')!.getAttribute('aria-pressed')).toBe('true');
    rerender(host, <InceptionModule params={{}} />, 'zh');
    expect(host.textContent).toContain('池化 3×3');
  });
});
