// @vitest-environment happy-dom
// Typing into the stepper's filter and input cells: a value beyond ±1000 is refused with the
// reason under the cell (English and Chinese), the cell keeps its last good value, and a value
// in range is taken.
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { mount, type } from '../render';
import { stepperStrings } from '../../../src/widgets/conv-stepper/strings';
import { fmt } from '../../../src/ui/i18n';

// The engine's outputs are not under test here (conv-stepper.test.ts checks them).
vi.mock('../../../src/widgets/conv-stepper/compute', () => ({ crossCorrelate: () => new Promise(() => undefined) }));
const { default: ConvStepper } = await import('../../../src/widgets/conv-stepper/ConvStepper');

const params = { input: 'vertical-edge-6x6', filter: 'vertical', stride: 1, pad: 0, flip: false } as const;

const cell = (el: HTMLElement, grid: string, r: number, c: number) =>
  el.querySelector(`[data-grid="${grid}"] [data-row="${r}"][data-col="${c}"]`) as SVGGElement;
const editor = (el: HTMLElement, grid: string) => el.querySelector(`[data-grid="${grid}"] .ui-cell-editor input`) as HTMLInputElement | null;
const key = (input: HTMLInputElement, k: string) => act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

function edit(el: HTMLElement, grid: string, r: number, c: number, text: string): HTMLInputElement {
  act(() => void cell(el, grid, r, c).dispatchEvent(new MouseEvent('click', { bubbles: true })));
  const input = editor(el, grid)!;
  type(input, text);
  key(input, 'Enter');
  return input;
}

describe('conv-stepper: typed cell values stay in a sane range', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`a filter cell refuses 5000 with the reason in place and keeps its value (${lang})`, () => {
      const el = mount(<ConvStepper params={{ ...params }} />, lang);
      const before = cell(el, 'filter', 0, 0).getAttribute('data-value');
      edit(el, 'filter', 0, 0, '5000');
      expect(editor(el, 'filter')).not.toBeNull(); // still open, with what was typed
      expect(editor(el, 'filter')!.value).toBe('5000');
      expect(el.querySelector('[data-grid="filter"] [data-error]')!.textContent).toBe(fmt(stepperStrings[lang].cellRange, { v: 5000 }));
      expect(cell(el, 'filter', 0, 0).getAttribute('data-value')).toBe(before);
      key(editor(el, 'filter')!, 'Escape');
      expect(editor(el, 'filter')).toBeNull();
      expect(cell(el, 'filter', 0, 0).getAttribute('data-value')).toBe(before);
    });
  }

  it('the edges of the range are taken (−1000 and 1000); 1000.5 is not', () => {
    const el = mount(<ConvStepper params={{ ...params }} />);
    edit(el, 'filter', 1, 1, '-1000');
    expect(editor(el, 'filter')).toBeNull();
    expect(cell(el, 'filter', 1, 1).getAttribute('data-value')).toBe('-1000');
    edit(el, 'input', 2, 3, '1000');
    expect(cell(el, 'input', 2, 3).getAttribute('data-value')).toBe('1000');
    edit(el, 'input', 2, 3, '1000.5');
    expect(editor(el, 'input')).not.toBeNull();
    expect(el.querySelector('[data-grid="input"] [data-error]')!.textContent).toBe(fmt(stepperStrings.en.cellRange, { v: 1000.5 }));
    expect(cell(el, 'input', 2, 3).getAttribute('data-value')).toBe('1000');
  });
});
