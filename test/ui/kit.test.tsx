// @vitest-environment happy-dom
// The UI kit in a DOM: NumberField keeps what was typed and says why; Metric never shows NaN;
// CellGrid exposes values and moves focus with the arrows; StepControls + useAnimationStep
// step, play to the end and reset; Formula renders KaTeX.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { CellGrid, Formula, Metric, NumberField, StepControls, useAnimationStep } from '../../src/ui';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
let host: HTMLElement;

function mount(el: React.ReactElement) {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(el));
  return host;
}
afterEach(() => {
  act(() => root?.unmount());
  host.remove();
  vi.useRealTimers();
});

function typeText(input: HTMLInputElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('NumberField', () => {
  it('keeps invalid text, marks the field and shows the reason; reports parsed values', () => {
    const seen: (number | null)[] = [];
    const el = mount(<NumberField label="f" value={3} integer min={1} max={15} onChange={(v) => seen.push(v)} />);
    const input = el.querySelector('input')!;
    typeText(input, '2.5');
    expect(input.value).toBe('2.5');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('[data-error]')!.textContent).toMatch(/whole number/);
    typeText(input, 'abc');
    expect(el.querySelector('[data-error]')!.textContent).toMatch(/Not a number/);
    typeText(input, '0');
    expect(el.querySelector('[data-error]')!.textContent).toMatch(/at least 1/);
    typeText(input, '7');
    expect(el.querySelector('[data-error]')).toBeNull();
    expect(seen).toEqual([2.5, null, 0, 7]);
  });
  it('shows a cross-field error from outside', () => {
    const el = mount(<NumberField label="f" value={9} onChange={() => {}} error="too big" />);
    expect(el.querySelector('[data-error]')!.textContent).toBe('too big');
  });
});

describe('Metric', () => {
  it('raw value in data-value; NaN/null become empty + data-invalid', () => {
    const el = mount(<><Metric name="a" value="4x4" /><Metric name="b" value={NaN} /></>);
    expect(el.querySelector('[data-metric="a"]')!.getAttribute('data-value')).toBe('4x4');
    const b = el.querySelector('[data-metric="b"]')!;
    expect(b.getAttribute('data-value')).toBe('');
    expect(b.hasAttribute('data-invalid')).toBe(true);
    expect(b.textContent).not.toMatch(/NaN/);
  });
});

describe('CellGrid', () => {
  it('exposes values per cell, hides empty cells, reports focus and edits', () => {
    const hovered: unknown[] = [];
    const edits: unknown[] = [];
    const el = mount(
      <CellGrid rows={2} cols={2} values={[1, -2, 3, 4]} label="g" name="g" editable onEdit={(r, c, v) => edits.push([r, c, v])}
        cellState={(r, c) => (r === 1 && c === 1 ? 'empty' : undefined)} onCellHover={(cell) => hovered.push(cell)} />,
    );
    const cells = [...el.querySelectorAll('[data-row]')];
    expect(cells.map((c) => c.getAttribute('data-value'))).toEqual(['1', '-2', '3', '']);
    const first = cells[0] as unknown as HTMLElement;
    act(() => first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(hovered.at(-1)).toEqual({ row: 0, col: 1 });
    act(() => first.dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true })));
    const editor = el.querySelector('.ui-cell-editor input') as HTMLInputElement;
    expect(editor.value).toBe('5');
    typeText(editor, 'x');
    expect(el.querySelector('[data-error]')!.textContent).toMatch(/Not a number/);
    typeText(editor, '8');
    act(() => editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(edits).toEqual([[0, 0, 8]]);
  });
});

function Anim({ total }: { total: number }) {
  const anim = useAnimationStep({ total, intervalMs: 100 });
  const [, force] = useState(0);
  return <div onClick={() => force((x) => x + 1)}><StepControls anim={anim} /></div>;
}

describe('StepControls + useAnimationStep', () => {
  it('step, play to the end (then stops), reset; data-action hooks', () => {
    vi.useFakeTimers();
    const el = mount(<Anim total={4} />);
    const step = () => el.querySelector('[data-metric="step"]')!.getAttribute('data-value');
    act(() => (el.querySelector('[data-action="step"]') as HTMLButtonElement).click());
    expect(step()).toBe('1');
    act(() => (el.querySelector('[data-action="start"]') as HTMLButtonElement).click());
    expect(el.querySelector('[data-action="pause"]')).not.toBeNull();
    act(() => vi.advanceTimersByTime(1000));
    expect(step()).toBe('4');
    expect(el.querySelector('[data-action="start"]')).not.toBeNull(); // stopped at the end
    act(() => (el.querySelector('[data-action="reset"]') as HTMLButtonElement).click());
    expect(step()).toBe('0');
    // keyboard: → on the group steps
    const group = el.querySelector('.ui-steps')!;
    act(() => group.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    expect(step()).toBe('1');
  });
});

describe('Formula', () => {
  it('renders KaTeX and survives bad TeX', () => {
    const el = mount(<><Formula tex="\\lfloor x \\rfloor + 1" /><Formula tex="\\frac{" /></>);
    expect(el.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(1);
  });
});
