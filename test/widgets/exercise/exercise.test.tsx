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

  it('params: every kind validates, unknown kinds are refused', () => {
    expect(exercise.validate({ kind: 'iou' }).ok).toBe(true);
    expect(exercise.validate({ kind: 'nope' }).ok).toBe(false);
  });
});
