// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import TripletLoss from '../../../src/widgets/triplet-loss/TripletLoss';
import { mount } from '../render';
import { tripletLossWidget } from '../../../src/widgets/triplet-loss/widget';

let host: HTMLElement | null = null;

function render(lang: 'en' | 'zh', alpha: number) {
  host = mount(<TripletLoss params={{ alpha }} />, lang);
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
