// The packed MNIST digits a job needs, loaded once per worker: the first init starts the
// fetch, each step asks ready() (null while loading; a load failure becomes a 'no-data' job
// error the page can show). Tests hand the digits over with provide() (no fetch in Node).
import { loadMnist, type Mnist } from '../../../../data/mnist';
import { JobError } from '../../../../worker/job';

export interface DigitCache {
  /** The digits, or null while they are not loaded. */
  get(): Mnist | null;
  /** The digits, null while loading; throws JobError('no-data') if loading failed. */
  ready(): Mnist | null;
  /** Start fetching from url (once; no-op when loaded, loading or url is missing). */
  start(url: string | undefined): void;
  /** Set the digits directly (tests), clearing any load error. */
  provide(data: Mnist | null): void;
}

export function digitCache(): DigitCache {
  let digits: Mnist | null = null;
  let digitsError: string | null = null;
  let loading: Promise<void> | null = null;
  return {
    get: () => digits,
    ready() {
      if (digitsError) throw new JobError('no-data', `the MNIST digits could not be loaded: ${digitsError}`, { reason: digitsError });
      return digits;
    },
    start(url) {
      if (digits || loading || !url) return;
      loading = loadMnist(url).then(
        (d) => void (digits = d),
        (e: unknown) => {
          digitsError = e instanceof Error ? e.message : String(e);
          loading = null;
        },
      );
    },
    provide(data) {
      digits = data;
      digitsError = null;
    },
  };
}
