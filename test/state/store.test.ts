// @vitest-environment happy-dom
// The app store carries the job-status slice but never writes it to localStorage.
import { expect, it } from 'vitest';
import { useStore } from '../../src/state/store';

it('the app store has the jobs slice and never persists it', () => {
  const s = useStore.getState();
  expect(s.worker.state).toBe('idle'); // nothing has spawned a worker
  s.setJobStatus({ id: 1, name: 'demo-fit', phase: 'running' });
  const saved = useStore.persist.getOptions().partialize!(useStore.getState()) as Record<string, unknown>;
  expect(saved).toHaveProperty('lang');
  expect(saved).not.toHaveProperty('worker');
  expect(saved).not.toHaveProperty('jobs');
  expect(localStorage.getItem('convlab') ?? '').not.toContain('demo-fit');
});
