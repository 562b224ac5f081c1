import { describe, expect, it } from 'vitest';
import { hashWithSlide, slideFromHash, slideStep } from '../../src/app/presenter';
import { parseRoute } from '../../src/app/route';

describe('presenter keys and the slide in the address', () => {
  it('clicker keys step forward and back; others do nothing', () => {
    expect(['ArrowRight', ' ', 'PageDown'].map(slideStep)).toEqual([1, 1, 1]);
    expect(['ArrowLeft', 'PageUp'].map(slideStep)).toEqual([-1, -1]);
    expect(['ArrowUp', 'Enter', 'p', 'Escape'].map(slideStep)).toEqual([0, 0, 0, 0]);
  });

  it('reads the 1-based slide number, ignoring anything that is not one', () => {
    expect(slideFromHash('#/en/lesson/padding?slide=3')).toBe(3);
    expect(slideFromHash('#/en/lesson/padding?n=7&slide=12')).toBe(12);
    for (const h of ['#/en/lesson/padding', '#/en/lesson/padding?slide=0', '#/en/lesson/padding?slide=2.5', '#/en/lesson/padding?slide=x']) {
      expect(slideFromHash(h)).toBeNull();
    }
  });

  it('sets and removes the slide number and keeps other parameters; the route is unchanged', () => {
    expect(hashWithSlide('#/en/lesson/padding', 2)).toBe('#/en/lesson/padding?slide=2');
    expect(hashWithSlide('#/en/lesson/padding?n=7', 4)).toBe('#/en/lesson/padding?n=7&slide=4');
    expect(hashWithSlide('#/en/lesson/padding?slide=4', null)).toBe('#/en/lesson/padding');
    expect(hashWithSlide('#/en/lesson/padding?n=7&slide=4', null)).toBe('#/en/lesson/padding?n=7');
    expect(parseRoute(hashWithSlide('#/zh/lesson/padding', 5))).toEqual({ page: 'lesson', lang: 'zh', id: 'padding' });
  });
});
