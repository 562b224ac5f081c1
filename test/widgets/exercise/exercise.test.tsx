// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import Exercise from '../../../src/widgets/exercise/Exercise';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render } from '../render';
import { exercise } from '../../../src/widgets/exercise/widget';

const mount = (kind: 'output-size' | 'volume-output', lang: Lang = 'en') => render(<Exercise params={{ kind }} />, lang);

function answer(el: HTMLElement, text: string) {
  const input = el.querySelector('input') as HTMLInputElement;
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => (el.querySelector('form') as HTMLFormElement).requestSubmit());
}

const status = (el: HTMLElement) => el.querySelector('[data-metric="answer-status"]')!.getAttribute('data-value');

describe('exercise widget', () => {
  it('a wrong answer shows the right one and the worked computation; typing it is right', () => {
    const el = mount('output-size');
    answer(el, '-1');
    expect(status(el)).toBe('wrong');
    const correct = el.querySelector('[data-metric="correct-answer"]')!.getAttribute('data-value')!;
    expect(el.querySelector('.ex-work code')!.textContent).toMatch(new RegExp(`= ${correct}$`));
    // The prompt's numbers are the ones in the computation.
    const [n] = el.querySelector('[data-prompt]')!.textContent!.match(/\d+/)!;
    expect(el.querySelector('.ex-work code')!.textContent).toContain(`(${n} + 2·`);
    answer(el, correct);
    expect(status(el)).toBe('right');
  });

  it('unreadable input gets a message and stays in the field', () => {
    const el = mount('volume-output', 'zh');
    answer(el, '13××');
    expect(status(el)).toBe('');
    expect(el.querySelector('[role="alert"]')!.textContent).toContain('不是形状');
    expect((el.querySelector('input') as HTMLInputElement).value).toBe('13××');
  });

  it('constrained to p = 0, s = 1 (lessons 01, 03), the question uses neither "padding" nor "stride"', () => {
    for (const lang of ['en', 'zh'] as const) {
      const el = render(<Exercise params={{ kind: 'output-size', p: 0, s: 1 }} />, lang);
      const prompt = el.querySelector('[data-prompt]')!.textContent!;
      expect(prompt).not.toMatch(lang === 'en' ? /padding|stride/ : /填充|步幅/);
      const [n, , f] = prompt.match(/\d+/g)!.map(Number); // n×n, then f×f
      answer(el, String(n - f + 1));
      expect(status(el)).toBe('right');
    }
  });

  it('params: every kind validates, unknown kinds are refused', () => {
    expect(exercise.validate({ kind: 'iou' }).ok).toBe(true);
    expect(exercise.validate({ kind: 'nope' }).ok).toBe(false);
    expect(exercise.validate({ kind: 'output-size', p: 0, s: 1 })).toEqual({ ok: true, params: { kind: 'output-size', p: 0, s: 1 } });
    expect(exercise.validate({ kind: 'yolo-output', anchors: 1 }).ok).toBe(true);
    const stray = exercise.validate({ kind: 'iou', p: 0 });
    expect(stray.ok).toBe(false);
    expect(stray.ok ? [] : stray.errors).toEqual(['"p" does not apply to kind "iou" (it takes: no constraints)']);
    expect(exercise.validate({ kind: 'output-size', s: 0 }).ok).toBe(false);
  });
});
