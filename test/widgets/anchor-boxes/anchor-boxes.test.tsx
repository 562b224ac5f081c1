// @vitest-environment happy-dom
// anchor-boxes in a DOM: the lesson's pedestrian at start (IoU 0.79 / 0.23 → anchor 1, both
// objects in cell (2, 2), 16 numbers with both slots on); typing 2.0 × 0.6 sends it to anchor 2,
// where it collides with the car.
import { describe, expect, it } from 'vitest';
import AnchorBoxes from '../../../src/widgets/anchor-boxes/AnchorBoxes';
import type { Lang } from '../../../src/ui/i18n';
import { mount as render, metric, type } from '../render';

const mount = (lang: Lang = 'en') => render(<AnchorBoxes params={{}} />, lang);

describe('anchor-boxes widget', () => {
  it("the lesson's example, then a 2.0 × 0.6 object", () => {
    const h = mount();
    expect(Number(metric(h, 'iou-anchor-1'))).toBeCloseTo(0.7865, 3);
    expect(Number(metric(h, 'iou-anchor-2'))).toBeCloseTo(0.2326, 3);
    expect(metric(h, 'anchor')).toBe('1');
    expect(metric(h, 'owner-cell')).toBe('2,2');
    const rows = [...h.querySelectorAll('[data-slots="cell"] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-pc'))).toEqual(['1', '1']);
    expect(h.querySelectorAll('[data-slots="cell"] tbody td').length).toBe(16);
    type(h.querySelector('input[name="object-w"]') as HTMLInputElement, '2');
    type(h.querySelector('input[name="object-h"]') as HTMLInputElement, '0.6');
    expect(Number(metric(h, 'iou-anchor-1'))).toBeCloseTo(0.3 / 1.65, 3);
    expect(Number(metric(h, 'iou-anchor-2'))).toBeCloseTo(0.75 / 1.2, 3);
    expect(metric(h, 'anchor')).toBe('2');
    expect(h.querySelector('.ui-callout-mistake')).not.toBeNull(); // both want anchor 2 now
    type(h.querySelector('input[name="object-w"]') as HTMLInputElement, '9');
    expect(h.querySelector('[data-error]')!.textContent).toContain('0.1');
    expect(metric(h, 'anchor')).toBe('2');
  });
  it('Chinese', () => {
    expect(mount('zh').textContent).toContain('锚框');
  });
});
