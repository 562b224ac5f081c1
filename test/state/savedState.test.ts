import { describe, expect, it } from 'vitest';
import { repairSaved } from '../../src/state/savedState';

const D = { lang: 'en', theme: 'system' } as const;

describe('repairSaved', () => {
  it('keeps a good saved state unchanged and reports nothing', () => {
    const good = { lang: 'zh', theme: 'dark', visited: { padding: true }, completed: { 'edge-detection': true }, exercisesPassed: { padding: { zeroPad: true } } };
    expect(repairSaved(good, D)).toEqual({ state: good, repaired: [] });
  });

  it('a first visit (nothing stored) is not a repair', () => {
    expect(repairSaved(undefined, D)).toEqual({ state: {}, repaired: [] });
    expect(repairSaved({}, D).repaired).toEqual([]);
  });

  it('visited: null and completed: null become empty sets, with a notice', () => {
    const r = repairSaved({ lang: 'en', theme: 'light', visited: null, completed: null }, D);
    expect(r.state).toEqual({ lang: 'en', theme: 'light', visited: {}, completed: {}, exercisesPassed: {} });
    expect(r.repaired).toEqual(['visited', 'completed']);
  });

  it('drops only the bad entries of a progress set', () => {
    const r = repairSaved({ visited: { padding: true, pooling: 1, 'x y': true, '': true }, completed: ['padding'] }, D);
    expect(r.state.visited).toEqual({ padding: true });
    expect(r.state.completed).toEqual({});
    expect(r.repaired).toEqual(['visited', 'completed']);
  });

  it('keeps only the good passed code exercises', () => {
    const r = repairSaved({ exercisesPassed: { padding: { zeroPad: true, 'bad name': true }, pooling: null, 'x y': { poolForward: true } } }, D);
    expect(r.state.exercisesPassed).toEqual({ padding: { zeroPad: true } });
    expect(r.repaired).toEqual(['exercisesPassed']);
    expect(repairSaved({ exercisesPassed: 7 }, D).state.exercisesPassed).toEqual({});
  });

  it('an unknown language or theme falls back to the default', () => {
    const r = repairSaved({ lang: 'fr', theme: 42 }, D);
    expect(r.state.lang).toBe('en');
    expect(r.state.theme).toBe('system');
    expect(r.repaired).toEqual(['lang', 'theme']);
  });

  it('a stored value that is not an object at all is repaired as a whole', () => {
    for (const bad of [5, 'x', [1, 2], true]) {
      const r = repairSaved(bad, D);
      expect(r.state).toEqual({ visited: {}, completed: {}, exercisesPassed: {} });
      expect(r.repaired.length).toBe(5);
    }
  });
});
