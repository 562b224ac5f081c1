// @vitest-environment happy-dom
// cnn-features parts in a DOM, on a hand-made layer: the unit strip is a keyboard radio group,
// the nine patches show their activations and the top-activation / receptive-field metrics,
// and choosing a patch shows its test digit (en and zh).
import { describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric } from '../render';
import { UnitStrip } from '../../../src/widgets/cnn-features/UnitStrip';
import { TopPatches } from '../../../src/widgets/cnn-features/TopPatches';
import type { LayerFeatures } from '../../../src/widgets/cnn-features/job/analyse';

/** Layer 2 of LeNet: 3 units (for brevity), field 14 jump 2; unit u's patch k has activation 10u + 9 − k. */
function layer(): LayerFeatures {
  const units = 3, area = 196;
  const values = new Float32Array(units * 9), images = new Int32Array(units * 9), labels = new Uint8Array(units * 9);
  const rows = new Int32Array(units * 9), cols = new Int32Array(units * 9);
  for (let s = 0; s < units * 9; s++) {
    values[s] = 10 * Math.floor(s / 9) + 9 - (s % 9);
    images[s] = 100 + s;
    labels[s] = s % 10;
    rows[s] = 1;
    cols[s] = 2;
  }
  return {
    id: 'conv2d_2', number: 2, units, kernel: 5, side: 8, rf: { size: 14, jump: 2, offset: 0 },
    patches: new Float32Array(units * 9 * area), values, images, labels, digits: new Uint8Array(units * 9 * 784), rows, cols,
    thumbs: new Float32Array(units * area),
  };
}

function Harness({ l }: { l: LayerFeatures }) {
  const [u, setU] = useState(0);
  return <div><UnitStrip layer={l} unit={u} onUnit={setU} /><TopPatches layer={l} unit={u} /></div>;
}

const mount = (lang: Lang = 'en') => render(<Harness l={layer()} />, lang);
const key = (el: Element, k: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));

describe('cnn-features unit strip and top patches', () => {
  it('arrow keys choose units; metrics and nine patches follow', () => {
    const h = mount();
    const radios = () => [...h.querySelectorAll('[role="radio"]')];
    expect(radios().length).toBe(3);
    expect(metric(h, 'top-activation')).toBe('9');
    expect(metric(h, 'receptive-field')).toBe('14');
    expect(h.querySelectorAll('[data-part="patches"] canvas').length).toBe(9);
    key(radios()[0], 'ArrowRight');
    expect(radios()[1].getAttribute('aria-checked')).toBe('true');
    expect(metric(h, 'top-activation')).toBe('19');
    key(radios()[1], 'ArrowLeft');
    key(radios()[0], 'ArrowLeft'); // wraps to the last unit
    expect(radios()[2].getAttribute('aria-checked')).toBe('true');
    expect(radios()[2].getAttribute('tabindex')).toBe('0');
    expect(radios()[0].getAttribute('tabindex')).toBe('-1');
    expect(metric(h, 'top-activation')).toBe('29');
    expect(h.textContent).toContain('Layer 2 units see 14×14 pixels');
  });

  it('choosing a patch shows its test digit with the field marked', () => {
    const h = mount();
    const patches = h.querySelectorAll<HTMLButtonElement>('[data-patch]');
    act(() => patches[4].click());
    expect(patches[4].getAttribute('aria-pressed')).toBe('true');
    expect(h.querySelector('.cf-context figcaption')!.textContent).toBe('Patch 5 in its test digit (#104, a 4)');
    // unit (1, 2) of layer 2 sees rows 2–15, cols 4–17
    const hl = h.querySelector<HTMLElement>('.cf-context .ui-pixels-highlight')!;
    expect(hl.style.top).toBe(`${(2 / 28) * 100}%`);
    expect(hl.style.left).toBe(`${(4 / 28) * 100}%`);
  });

  it('speaks Chinese', () => {
    const h = mount('zh');
    expect(h.textContent).toContain('最能激活单元 1 的九个测试图像块');
    expect(h.querySelector('[role="radiogroup"]')!.getAttribute('aria-label')).toBe('第 2 层的单元（可用方向键切换）');
  });
});
