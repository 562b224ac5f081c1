// React.lazy remembers a failed import for ever, so a chunk that failed once (offline, a
// redeploy) could never load again without a reload. A lazyRetry component keeps its failed
// import until retryFailedChunks() is called (an error panel's Retry), then imports afresh.
// (Swapping in a fresh import on the failure itself would loop: React renders again at once.)
import { createElement, lazy, type ComponentType, type FunctionComponent } from 'react';

const failed = new Set<() => void>();

/** Give every lazy component whose import failed a fresh import on its next render. */
export function retryFailedChunks(): void {
  for (const reset of [...failed]) reset();
  failed.clear();
}

export function lazyRetry<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): FunctionComponent<P> {
  const make = () =>
    lazy(() =>
      load().catch((e: unknown) => {
        failed.add(reset);
        throw e;
      }),
    );
  const reset = () => {
    current = make();
  };
  let current = make();
  return function Retryable(props: P) {
    return createElement(current, props);
  };
}
