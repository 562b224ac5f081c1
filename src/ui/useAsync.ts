// useAsync(run, deps) → { value, error, pending }
// Runs an async computation (e.g. a worker request) whenever deps change; a stale answer
// (deps changed meanwhile) is dropped. The last good value is KEPT while the next one is
// pending or after an error, so the picture never flashes empty.
import { useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  value: T | undefined;
  error: string | undefined;
  pending: boolean;
}

export function useAsync<T>(run: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ value: undefined, error: undefined, pending: true });
  const token = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists run's inputs in deps, as for useEffect itself
  useEffect(() => {
    const my = ++token.current;
    setState((s) => ({ ...s, pending: true }));
    run().then(
      (value) => my === token.current && setState({ value, error: undefined, pending: false }),
      (e: unknown) => my === token.current && setState((s) => ({ value: s.value, error: e instanceof Error ? e.message : String(e), pending: false })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps is the caller's list (see above)
  }, deps);
  return state;
}
