// @vitest-environment happy-dom
// The data-augmentation widget in a DOM, with the worker's job run in-process: 8 samples and
// seed 1; "new samples" → seed 2 and other draws; the letter b mirrored is labelled d; zh.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { mountAsync, metric } from '../render';
import { runAugmentPicture, type AugmentPictureArgs } from '../../../src/widgets/data-augmentation/job';

vi.mock('../../../src/worker/client', () => ({
  computeClient: () => ({ request: async (_name: string, args: AugmentPictureArgs) => runAugmentPicture(args) }),
}));

const { default: DataAugmentation } = await import('../../../src/widgets/data-augmentation/DataAugmentation');

// happy-dom has no 2D canvas: drawing is skipped (getContext returns null), the DOM is what we test
HTMLCanvasElement.prototype.getContext = (() => null) as never;

const mount = (lang: 'en' | 'zh' = 'en') => mountAsync(<DataAugmentation params={{}} />, lang);
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
const params = (h: HTMLElement) => [...h.querySelectorAll('.aug-params')].map((e) => e.textContent);

describe('data-augmentation widget', () => {
  it('8 samples, seed 1; new samples → seed 2 with other draws', async () => {
    const h = await mount();
    await settle();
    expect(metric(h, 'samples')).toBe('8');
    expect(metric(h, 'seed')).toBe('1');
    const before = params(h);
    expect(before).toHaveLength(8);
    await act(async () => (h.querySelector('[data-action="new-samples"]') as HTMLButtonElement).click());
    await settle();
    expect(metric(h, 'seed')).toBe('2');
    expect(params(h)).not.toEqual(before);
  });

  it('the letter b: mirrored samples are labelled d and flagged; the others stay b', async () => {
    const h = await mount();
    await settle();
    const sel = h.querySelector('select') as HTMLSelectElement;
    await act(async () => {
      sel.value = 'letter-b';
      sel.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    const samples = [...h.querySelectorAll('[data-sample]')];
    for (const s of samples) {
      const mirrored = s.querySelector('.aug-params')!.textContent!.includes('mirrored');
      expect(s.getAttribute('data-label')).toBe(mirrored ? 'd' : 'b');
      expect(s.classList.contains('aug-bad')).toBe(mirrored);
    }
    expect(samples.some((s) => s.getAttribute('data-label') === 'd')).toBe(true);
  });

  it('zh: the PCA table and labels in Chinese', async () => {
    const h = await mount('zh');
    await settle();
    expect(h.textContent).toContain('图片颜色的主成分');
    expect(h.textContent).toContain('标签：猫');
    expect(h.querySelectorAll('[data-component]')).toHaveLength(3);
  });
});
