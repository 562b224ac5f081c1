// @vitest-environment happy-dom
// The region-proposals widget in a DOM, with the worker's job run in-process: the tabs switch
// the pipeline (R-CNN N passes, Fast 1, Faster 300 proposals and 1 pass), arrow keys move
// between tabs, the slider's N reaches the counts and the cost table.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { mountAsync, metric } from '../render';
import { runRegionProposals, type RegionProposalsArgs } from '../../../src/widgets/region-proposals/job/pipelines';

vi.mock('../../../src/worker/client', () => ({
  computeClient: () => ({ request: async (_name: string, args: RegionProposalsArgs) => runRegionProposals(args) }),
}));

const { default: RegionProposals } = await import('../../../src/widgets/region-proposals/RegionProposals');

HTMLCanvasElement.prototype.getContext = (() => null) as never;

async function mount(lang: 'en' | 'zh' = 'en') {
  const host = await mountAsync(<RegionProposals params={{ trained: false }} />, lang);
  await act(async () => void (await new Promise((r) => setTimeout(r, 0))));
  return host;
}

describe('region-proposals widget', () => {
  it('R-CNN: 2,000 proposals, 2,000 forward passes, detections drawn', async () => {
    const h = await mount();
    expect(metric(h, 'proposals')).toBe('2000');
    expect(metric(h, 'forward-passes')).toBe('2000');
    expect(Number(metric(h, 'detections'))).toBeGreaterThanOrEqual(3);
    expect(h.querySelectorAll('.rp-proposal')).toHaveLength(50);
    expect([...h.querySelectorAll('[data-passes]')].map((e) => e.getAttribute('data-passes'))).toEqual(['2000', '1', '1']);
  });

  it('tabs by click and arrow keys: Fast → 1 pass on 2,000 proposals; Faster → 300 proposals, 1 pass', async () => {
    const h = await mount();
    await act(async () => (h.querySelector('[data-tab="fast"]') as HTMLButtonElement).click());
    expect(metric(h, 'forward-passes')).toBe('1');
    expect(metric(h, 'proposals')).toBe('2000');
    const list = h.querySelector('[role="tablist"]')!;
    await act(async () => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(h.querySelector('[data-tab="faster"]')!.getAttribute('aria-selected')).toBe('true');
    expect(metric(h, 'proposals')).toBe('300');
    expect(metric(h, 'forward-passes')).toBe('1');
    await act(async () => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(metric(h, 'forward-passes')).toBe('2000'); // wrapped round to R-CNN
  });

  it('zh text', async () => {
    const h = await mount('zh');
    expect(h.textContent).toContain('卷积网络前向传播次数');
  });
});
