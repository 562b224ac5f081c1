// @vitest-environment happy-dom
// The one-shot widget's two modes on a hand-made encoded set (the worker is tested separately):
// accuracy at τ and the τ = 0 case, pair decisions, the §36 probability, and 1:K recognition.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { mount, unmount } from '../render';
import { Verification } from '../../../src/widgets/one-shot/Verification';
import { Recognition } from '../../../src/widgets/one-shot/Recognition';
import { verificationPairs } from '../../../src/widgets/one-shot/view';
import type { OneShotSet } from '../../../src/widgets/shared/job/embedding/oneShot';
import { oneShotWidget } from '../../../src/widgets/one-shot/widget';

let host: HTMLElement | null = null;

// 2-D encodings: 7s near (0, 0), 8s near (1, 0), 9s near (0, 1); a stranger (digit 3) at (−1, −1)
const pts = [[0, 0], [0.1, 0], [0, 0.1], [1, 0], [1.1, 0], [1, 0.1], [0, 1], [0.1, 1], [0, 1.1], [-1, -1]];
const labels = [7, 7, 7, 8, 8, 8, 9, 9, 9, 3];
const set: OneShotSet = {
  dim: 2,
  embeddings: Float32Array.from(pts.flat()),
  labels: Uint8Array.from(labels),
  images: new Uint8Array(labels.length * 784),
  unseen: [7, 8, 9],
  w: Float32Array.of(-5, -5),
  b: 2,
  untrained: Float32Array.from(pts.flat()),
  seenLabels: Uint8Array.of(0, 0, 1, 1),
  seenTrained: Float32Array.of(0, 0, 0, 0.1, 2, 2, 2, 2.1),
  seenUntrained: Float32Array.of(0, 0, 2, 2, 0, 0.1, 2, 2.1),
};

function render(node: React.ReactNode, lang: 'en' | 'zh' = 'en') {
  host = mount(node, lang);
  return (n: string) => host!.querySelector(`[data-metric="${n}"]`)?.getAttribute('data-value');
}

describe('one-shot widget', () => {
  it('verification: 100% at τ = 0.05, 50% at τ = 0 (every pair rejected)', () => {
    const pairs = verificationPairs(set);
    let metric = render(<Verification set={set} pairs={pairs} tau={0.05} best={0.05} />);
    expect(Number(metric('verification-accuracy'))).toBe(1);
    expect(host!.querySelector('[data-decision]')!.getAttribute('data-decision')).toBe('same');
    unmount(host!);
    metric = render(<Verification set={set} pairs={pairs} tau={0} best={0.05} />);
    expect(Number(metric('verification-accuracy'))).toBe(0.5);
    // ŷ for the first same pair (|Δ| = (0.1, 0)): σ(−0.5 + 2)
    expect(host!.textContent).toContain((1 / (1 + Math.exp(-1.5))).toFixed(3));
  });

  it('recognition: a 7 is recognised as 7; with τ tiny it is "not recognised"; strangers are offered', () => {
    let metric = render(<Recognition set={set} tau={0.05} />);
    // first query: the second 7 (0.1, 0): d to the database 7 = 0.01
    expect(Number(metric('db-distance-7'))).toBeCloseTo(0.01, 6);
    expect(host!.querySelector('[data-answer]')!.getAttribute('data-answer')).toBe('7');
    const stranger = [...host!.querySelectorAll('[data-query]')].at(-1) as HTMLButtonElement;
    act(() => stranger.click());
    expect(host!.querySelector('[data-answer]')!.getAttribute('data-answer')).toBe('unknown');
    expect(host!.querySelector('.os-right')).not.toBeNull();
    unmount(host!);
    metric = render(<Recognition set={set} tau={0.001} />, 'zh');
    expect(host!.querySelector('[data-answer]')!.getAttribute('data-answer')).toBe('unknown');
    expect(host!.textContent).toContain('未识别');
  });

  it('takes no params', () => {
    expect(oneShotWidget.validate({}).ok).toBe(true);
  });
});
