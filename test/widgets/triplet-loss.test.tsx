// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import TripletLoss from '../../src/widgets/triplet-loss/TripletLoss';
import { LangContext } from '../../src/ui/i18n';
import { tripletLossWidget } from '../../src/widgets/triplet-loss/index';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function render(lang: 'en' | 'zh', alpha: number) {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() => root!.render(<LangContext.Provider value={lang}><TripletLoss params={{ alpha }} /></LangContext.Provider>));
  return (n: string) => Number(host!.querySelector(`[data-metric="${n}"]`)!.getAttribute('data-value'));
}

describe('triplet-loss widget', () => {
  it('shows d(A,P), d(A,N) and the loss; arrow keys on N change d(A,N) and the loss', () => {
    const metric = render('en', 0.2);
    // start: A (−0.4, 0.1), P (0.1, 0.45), N (0.6, −0.35)
    expect(metric('d-ap')).toBeCloseTo(0.25 + 0.1225, 6);
    expect(metric('d-an')).toBeCloseTo(1 + 0.2025, 6);
    expect(metric('triplet-loss')).toBe(0);
    const n = host!.querySelector('[data-point="n"]') as SVGGElement;
    // move N 1.0 to the left (20 × 0.05): N (−0.4, −0.35), d(A,N) = 0.2025 < d(A,P): hard
    for (let i = 0; i < 20; i++) act(() => n.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(metric('d-an')).toBeCloseTo(0.2025, 6);
    expect(metric('triplet-loss')).toBeCloseTo(0.3725 - 0.2025 + 0.2, 6);
    expect(host!.querySelector('[data-kind]')!.getAttribute('data-kind')).toBe('hard');
  });

  it('renders in Chinese', () => {
    render('zh', 0.5);
    expect(host!.textContent).toContain('三元组损失');
  });

  it('validates alpha in 0–2', () => {
    expect(tripletLossWidget.validate({ alpha: 0.2 }).ok).toBe(true);
    expect(tripletLossWidget.validate({ alpha: 3 }).ok).toBe(false);
  });
});
