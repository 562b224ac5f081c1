// @vitest-environment happy-dom
// The lab's buttons against a stand-in trainer (the worker link is tested in job/ and e2e):
// Step works before the first Start, Reset asks before discarding a trained model, and an
// invalid settings field stops Start/Step/Reset with a message instead of a silent fallback.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { mount, rerender, type, unmount } from '../render';
import type { Trainer } from '../../../src/widgets/mnist-trainer/useTrainer';
import type { TrainMnistProgress } from '../../../src/widgets/mnist-trainer/job/train';
import { PRESET_SETTINGS } from '../../../src/data/mnistPresets';
import { live } from '../../../src/ui/live';
import { trainerStrings } from '../../../src/widgets/mnist-trainer/strings';
import { fmt } from '../../../src/ui/i18n';

const fake = vi.hoisted(() => ({ trainer: null as Trainer | null }));
vi.mock('../../../src/widgets/mnist-trainer/useTrainer', () => ({ useTrainer: () => fake.trainer }));
// The canvases are not under test here.
vi.mock('../../../src/widgets/mnist-trainer/Curves', () => ({ Curves: () => null }));
vi.mock('../../../src/widgets/mnist-trainer/DrawDigit', () => ({ DrawDigit: () => null }));
vi.mock('../../../src/widgets/mnist-trainer/LayerViews', () => ({ FiltersView: () => null, FeatureMaps: () => null }));
vi.mock('../../../src/widgets/mnist-trainer/EvalViews', () => ({ useEvalView: () => null, Confusion: () => null, Mistakes: () => null }));

const { default: MnistTrainer } = await import('../../../src/widgets/mnist-trainer/MnistTrainer');

function progress(patch: Partial<TrainMnistProgress>): TrainMnistProgress {
  return {
    status: 'ready', preset: 'lenet5', seed: 1, settings: { ...PRESET_SETTINGS.lenet5 }, step: 0, epoch: 0, images: 0,
    loss: null, trainAccuracy: null, testAccuracy: null, testLoss: null, evaluating: false, imagesPerSecond: 0,
    evalShare: 0, evalVersion: 0, viewDigit: 0, ...patch,
  };
}

function trainer(p: TrainMnistProgress): Trainer {
  return {
    phase: 'paused', progress: p, note: null, snapshot: live(null), savedAt: null, synced: 1,
    start: vi.fn(), pause: vi.fn(), step: vi.fn(), reset: vi.fn(), update: vi.fn(),
    predict: vi.fn(async () => null), download: vi.fn(async () => null), loadFile: vi.fn(), dismissNote: vi.fn(),
  };
}

const button = (el: HTMLElement, action: string) => el.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;
const click = (b: Element) => act(() => (b as HTMLElement).click());
const dialog = () => document.querySelector('dialog.confirm-dialog') as HTMLDialogElement;
const dialogOpen = () => dialog().open || dialog().hasAttribute('open');

beforeEach(() => {
  fake.trainer = null;
});

describe('mnist-trainer controls', () => {
  it('Step works on a first visit: the paused session still waits for its digits, the status says Ready', () => {
    // First visit: the job was started paused before the digits arrived, so its last
    // progress says 'loading' (it only reports again after a step or Start).
    const tr = (fake.trainer = trainer(progress({ status: 'loading' })));
    const el = mount(<MnistTrainer params={{ preset: 'lenet5' }} />);
    expect(el.querySelector('.mt-status')!.textContent).toBe(trainerStrings.en.ready);
    const step = button(el, 'step');
    expect(step.disabled).toBe(false);
    click(step);
    expect(tr.step).toHaveBeenCalledTimes(1);
    // Stepped before the digits arrived: the (now fresh) 'loading' is shown, Step stays usable.
    expect(el.querySelector('.mt-status')!.textContent).toBe(trainerStrings.en.loading);
    expect(step.disabled).toBe(false);
    // The next report has the digits and one step done.
    fake.trainer = { ...tr, progress: progress({ status: 'ready', step: 1 }) };
    rerender(el, <MnistTrainer params={{ preset: 'lenet5' }} />);
    expect(el.querySelector('.mt-status')!.textContent).toBe(trainerStrings.en.paused);
  });

  it('Reset of an untrained model happens at once; of a trained one it asks first (English and Chinese)', () => {
    const fresh = (fake.trainer = trainer(progress({ step: 0 })));
    const el0 = mount(<MnistTrainer params={{ preset: 'lenet5' }} />);
    click(button(el0, 'reset'));
    expect(fresh.reset).toHaveBeenCalledTimes(1);
    expect(dialogOpen()).toBe(false);
    unmount(el0);

    for (const lang of ['en', 'zh'] as const) {
      const tr = (fake.trainer = trainer(progress({ step: 250 })));
      const el = mount(<MnistTrainer params={{ preset: 'lenet5' }} />, lang);
      click(button(el, 'reset'));
      expect(tr.reset).not.toHaveBeenCalled();
      const d = el.querySelector('dialog.confirm-dialog') as HTMLDialogElement;
      expect(d.open || d.hasAttribute('open')).toBe(true);
      expect(d.textContent).toContain(trainerStrings[lang].resetConfirmTitle);
      expect(d.textContent).toContain(fmt(trainerStrings[lang].resetConfirmBody, { step: 250 }));
      // Cancel keeps the model.
      click(d.querySelector('.dialog-actions .btn:not([data-confirm])')!);
      expect(tr.reset).not.toHaveBeenCalled();
      expect(d.open || d.hasAttribute('open')).toBe(false);
      // Asked again and confirmed: the reset happens, with the page's preset and seed.
      click(button(el, 'reset'));
      click(d.querySelector('[data-confirm="yes"]')!);
      expect(tr.reset).toHaveBeenCalledTimes(1);
      expect(tr.reset).toHaveBeenCalledWith('lenet5', 1, expect.objectContaining({ learningRate: PRESET_SETTINGS.lenet5.learningRate }));
      unmount(el);
    }
  });

  it('an invalid learning rate stops Start, Step and Reset with a message in place; a valid one lets them through', () => {
    for (const lang of ['en', 'zh'] as const) {
      const tr = (fake.trainer = trainer(progress({})));
      const el = mount(<MnistTrainer params={{ preset: 'lenet5' }} />, lang);
      const rate = el.querySelector('input[name="learning-rate"]') as HTMLInputElement;
      type(rate, '0.0o3');
      expect(el.querySelector('[data-blocked]')).toBeNull(); // the field itself says why; the buttons speak when pressed
      click(button(el, 'start'));
      click(button(el, 'step'));
      click(button(el, 'reset'));
      expect(tr.start).not.toHaveBeenCalled();
      expect(tr.step).not.toHaveBeenCalled();
      expect(tr.reset).not.toHaveBeenCalled();
      expect(tr.update).not.toHaveBeenCalled(); // the worker still has the last valid rate
      const note = el.querySelector('[data-blocked]');
      expect(note?.textContent).toContain(fmt(trainerStrings[lang].startBlocked, { field: trainerStrings[lang].learningRate }));
      expect(rate.value).toBe('0.0o3'); // what was typed is kept
      type(rate, '0.001');
      expect(el.querySelector('[data-blocked]')).toBeNull();
      expect(tr.update).toHaveBeenLastCalledWith({ learningRate: 0.001 });
      click(button(el, 'start'));
      expect(tr.start).toHaveBeenCalledTimes(1);
      unmount(el);
    }
  });

  it('an invalid seed stops Reset the same way', () => {
    const tr = (fake.trainer = trainer(progress({})));
    const el = mount(<MnistTrainer params={{ preset: 'lenet5' }} />);
    type(el.querySelector('input[name="seed"]') as HTMLInputElement, '1.5');
    click(button(el, 'reset'));
    expect(tr.reset).not.toHaveBeenCalled();
    expect(el.querySelector('[data-blocked]')?.textContent).toContain(fmt(trainerStrings.en.startBlocked, { field: trainerStrings.en.seed }));
  });
});
