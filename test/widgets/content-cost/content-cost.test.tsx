// @vitest-environment happy-dom
// content-cost in a DOM, with the worker replaced by the same pure jobs run inline and the
// packed weights read from public/models/: J_content > 0 for C plus noise, exactly 0 at noise 0,
// the layer select changes the layer metric and the map grid; canvases carry text alternatives.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { jobs } from '../../../src/worker/jobs';
import { metric, mount, until as waitUntil } from '../render';

vi.mock('../../../src/worker/client', () => ({
  computeClient: () => ({
    request: (name: keyof typeof jobs, args: unknown) =>
      new Promise((resolve, reject) => {
        try {
          resolve((jobs[name] as { run(a: unknown): unknown }).run(args));
        } catch (e) {
          reject(e);
        }
      }),
  }),
}));
vi.mock('../../../src/widgets/shared/stylePictures', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/widgets/shared/stylePictures')>();
  const { diskStemModel } = await import('../stemModel');
  return { ...real, loadStemModel: () => Promise.resolve(diskStemModel()) };
});

const { default: ContentCost } = await import('../../../src/widgets/content-cost/ContentCost');


const until = (cond: () => boolean, ms = 20_000) => waitUntil(cond, ms);
function setValue(el: HTMLInputElement | HTMLSelectElement, v: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, v);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

describe('content-cost widget', () => {
  it('J_content from the engine: > 0 with noise, 0 without; the layer select switches layers', async () => {
    const h = mount(<ContentCost params={{ layer: 'res2b' }} />, 'en');
    await until(() => !!metric(h, 'content-cost'));
    expect(Number(metric(h, 'content-cost'))).toBeGreaterThan(0);
    expect(metric(h, 'layer')).toBe('res2b');
    expect(h.textContent).toContain('16×16×256');
    setValue(h.querySelector('input[type="range"]') as HTMLInputElement, '0');
    await until(() => metric(h, 'content-cost') === '0');
    setValue(h.querySelectorAll('select')[0] as HTMLSelectElement, 'conv1');
    await until(() => h.textContent!.includes('32×32×64'));
    expect(metric(h, 'layer')).toBe('conv1');
    expect(h.querySelectorAll('.cc-pair').length).toBe(12);
    for (const c of h.querySelectorAll('canvas[role="img"]')) expect(c.getAttribute('aria-label')).toBeTruthy();
  }, 60_000);
});
