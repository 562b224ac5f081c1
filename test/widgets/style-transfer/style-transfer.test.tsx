// @vitest-environment happy-dom
// style-transfer in a DOM, with a stand-in worker client that runs the real jobs inline (the
// long job stepped on timers) and the packed weights read from public/models/: Start runs
// the optimisation, J(G) falls, the balance slider updates β in the running job, Pause and
// Reset work, and C, S, G carry text alternatives; the size select (128 by default, 256 as the
// option) redraws C and S at the new size and the next run is started at it.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { jobs } from '../../../src/worker/jobs';
import { metric, mount, until as waitUntil } from '../render';

const updates: unknown[] = [];
const started: { size: number; content: { width: number } }[] = [];
vi.mock('../../../src/worker/client', () => ({
  computeClient: () => ({
    request: (name: keyof typeof jobs, args: unknown) => Promise.resolve((jobs[name] as { run(a: unknown): unknown }).run(args)),
    startJob: (name: keyof typeof jobs, args: unknown) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a fake client drives jobs of every type through one path
      const job = jobs[name] as any;
      started.push(args as (typeof started)[number]);
      const state = job.init(args);
      const listeners: ((e: unknown) => void)[] = [];
      let running = true, cancelled = false;
      const tick = () => {
        if (cancelled || !running) return;
        job.step(state);
        const e = { type: 'progress', phase: 'running', progress: job.progress(state), snapshot: job.snapshot(state) };
        act(() => listeners.forEach((l) => l(e)));
        setTimeout(tick, 30);
      };
      setTimeout(tick, 30);
      return {
        subscribe: (l: (e: unknown) => void) => (listeners.push(l), () => {}),
        pause: () => { running = false; listeners.forEach((l) => l({ type: 'phase', phase: 'paused' })); },
        resume: () => { running = true; tick(); },
        cancel: () => { cancelled = true; },
        update: (patch: unknown) => { updates.push(patch); job.update(state, patch); },
      };
    },
  }),
}));
vi.mock('../../../src/widgets/shared/stylePictures', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/widgets/shared/stylePictures')>();
  const { diskStemModel } = await import('../stemModel');
  return { ...real, loadStemModel: () => Promise.resolve(diskStemModel()) };
});

const { default: StyleTransfer } = await import('../../../src/widgets/style-transfer/StyleTransfer');

const until = (cond: () => boolean, ms = 60_000) => waitUntil(cond, ms);

describe('style-transfer widget', () => {
  it('start → J(G) falls; balance reaches the job; pause; reset', async () => {
    const h = mount(<StyleTransfer params={{ content: 'house', style: 'mosaic', init: 'content', balance: 5, size: 128, contentLayer: 'res2b', fit: 'crop' }} />, 'zh');
    const start = () => h.querySelector('[data-action="start"]') as HTMLButtonElement | null;
    await until(() => !!start() && !start()!.disabled);
    expect(h.textContent).toContain('神经风格迁移');
    act(() => start()!.click());
    await until(() => Number(metric(h, 'step')) >= 1);
    const j1 = Number(metric(h, 'total-cost'));
    await until(() => Number(metric(h, 'step')) >= 4);
    expect(Number(metric(h, 'total-cost'))).toBeLessThan(j1);
    const slider = h.querySelector('input[type="range"]') as HTMLInputElement;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(slider, '3');
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(updates).toContainEqual({ balance: 3 });
    act(() => (h.querySelector('[data-action="pause"]') as HTMLButtonElement).click());
    await until(() => !!start());
    expect(h.querySelector('canvas[data-picture="generated"]')!.getAttribute('aria-label')).toMatch(/第 \d+ 步后的生成图 G/);
    expect(h.querySelector('canvas[data-picture="style"]')!.getAttribute('aria-label')).toContain('马赛克');
    act(() => (h.querySelector('[data-action="reset"]') as HTMLButtonElement).click());
    expect(metric(h, 'step')).toBe('0');
    expect(started.at(-1)).toMatchObject({ size: 128, content: { width: 128 } });
    const canvasC = () => h.querySelector('canvas[data-picture="content"]') as HTMLCanvasElement;
    expect(canvasC().width).toBe(128);
    const sizeSelect = h.querySelector('select[data-param="size"]') as HTMLSelectElement;
    expect(sizeSelect.value).toBe('128');
    act(() => {
      sizeSelect.value = '256';
      sizeSelect.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => canvasC().width === 256 && !!start() && !start()!.disabled);
    const runs = started.length;
    act(() => start()!.click());
    await until(() => started.length > runs);
    expect(started.at(-1)).toMatchObject({ size: 256, content: { width: 256 } });
    act(() => (h.querySelector('[data-action="reset"]') as HTMLButtonElement).click());
  }, 120_000);
});
