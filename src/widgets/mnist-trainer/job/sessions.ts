// The lab's live models, one session per page key, kept in the worker between jobs: a job
// that stops because the loss blew up leaves the last good weights for the next one. The
// packed digits load once per worker and every session shares them.
import { loadMnist, type Mnist } from '../../../data/mnist';
import { JobError } from '../../../worker/job';
import type { Session } from '../../shared/job/mnist/session';

export const sessions = new Map<string, Session>();
let digits: Mnist | null = null;
let digitsError: string | null = null;
let loading: Promise<void> | null = null;

/** The digits once loaded, or why they could not be. */
export function loadedDigits(): { digits: Mnist | null; error: string | null } {
  return { digits, error: digitsError };
}

/** Tests hand the digits over directly (no fetch in Node). */
export function provideMnist(data: Mnist | null): void {
  digits = data;
  digitsError = null;
}

export function getSession(key: string): Session | undefined {
  return sessions.get(key);
}

export function startLoading(url: string | undefined): void {
  if (digits || loading || !url) return;
  loading = loadMnist(url).then(
    (d) => {
      digits = d;
    },
    (e: unknown) => {
      digitsError = e instanceof Error ? e.message : String(e);
      loading = null; // a later job may try again
    },
  );
}

export function sessionOrFail(key: string): Session {
  const s = sessions.get(key);
  if (!s) throw new JobError('no-model', 'there is no model yet: start or reset the trainer first', {});
  return s;
}
