// @vitest-environment happy-dom
// The store reads localStorage through the saved-state check: corrupted values never reach
// the pages, the good parts survive, and the page learns which parts were repaired.
import { beforeEach, expect, it } from 'vitest';
import { useStore } from '../../src/state/store';

const put = (v: string) => localStorage.setItem('convlab', v);

beforeEach(() => {
  localStorage.clear();
  useStore.setState({ visited: {}, completed: {}, lang: 'en', theme: 'system', savedRepaired: [] });
});

it('visited: null / completed: null load as empty sets and are reported', async () => {
  put(JSON.stringify({ state: { lang: 'zh', theme: 'dark', visited: null, completed: null }, version: 1 }));
  await useStore.persist.rehydrate();
  const s = useStore.getState();
  expect(s.visited).toEqual({});
  expect(s.completed).toEqual({});
  expect(s.lang).toBe('zh');
  expect(s.theme).toBe('dark');
  expect(s.savedRepaired).toEqual(['visited', 'completed']);
  s.markVisited('padding'); // and progress works again
  expect(useStore.getState().visited).toEqual({ padding: true });
});

it('unreadable JSON loads the defaults and reports every part', async () => {
  put('{not json');
  await useStore.persist.rehydrate();
  expect(useStore.getState().visited).toEqual({});
  expect(useStore.getState().savedRepaired.sort()).toEqual(['completed', 'exercisesPassed', 'lang', 'theme', 'visited']);
});

it('another version of the saved state goes through the same check (no console error)', async () => {
  put(JSON.stringify({ state: { lang: 'en', visited: { pooling: true, bad: 7 } }, version: 0 }));
  await useStore.persist.rehydrate();
  expect(useStore.getState().visited).toEqual({ pooling: true });
  expect(useStore.getState().savedRepaired).toEqual(['visited']);
});

it('a good saved state is not reported', async () => {
  put(JSON.stringify({ state: { lang: 'en', theme: 'light', visited: { pooling: true }, completed: {} }, version: 1 }));
  await useStore.persist.rehydrate();
  expect(useStore.getState().savedRepaired).toEqual([]);
  expect(useStore.getState().theme).toBe('light');
});
