// @vitest-environment happy-dom
// A passed code exercise is remembered per lesson (for the course map), survives a reload
// (it is in the persisted part of the store) and is cleared with the rest of the progress.
import { expect, it } from 'vitest';
import { useStore } from '../../../src/state/store';

it('markExercisePassed records lesson → function once; resetProgress clears it; it is persisted', () => {
  const s = useStore.getState();
  s.markExercisePassed('padding', 'zeroPad');
  const first = useStore.getState().exercisesPassed;
  s.markExercisePassed('padding', 'zeroPad');
  expect(useStore.getState().exercisesPassed).toBe(first); // no change, no re-render
  s.markExercisePassed('pooling-layers', 'poolForward');
  s.markExercisePassed('pooling-layers', 'poolBackward');
  expect(useStore.getState().exercisesPassed).toEqual({ padding: { zeroPad: true }, 'pooling-layers': { poolForward: true, poolBackward: true } });
  const saved = useStore.persist.getOptions().partialize!(useStore.getState()) as Record<string, unknown>;
  expect(saved.exercisesPassed).toEqual(useStore.getState().exercisesPassed);
  expect(localStorage.getItem('convlab') ?? '').toContain('poolBackward');
  s.resetProgress();
  expect(useStore.getState().exercisesPassed).toEqual({});
});
