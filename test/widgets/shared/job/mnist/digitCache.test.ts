// The per-worker MNIST cache the cnn-features and triplet-embedding jobs share: null until
// loaded, provide() for tests, and a failed load turns into a 'no-data' JobError on ready().
import { describe, expect, it } from 'vitest';
import { digitCache } from '../../../../../src/widgets/shared/job/mnist/digitCache';
import { makeDigitSet } from '../../../../../src/data/mnist';
import { JobError } from '../../../../../src/worker/job';

const tiny = () => {
  const set = makeDigitSet(new Uint8Array(2 * 784), Uint8Array.of(3, 7));
  return { train: set, test: set };
};

describe('digitCache', () => {
  it('is empty until provided; provide(null) empties it again', () => {
    const c = digitCache();
    expect(c.ready()).toBeNull();
    c.start(undefined); // no url: nothing to fetch, still empty
    expect(c.get()).toBeNull();
    const d = tiny();
    c.provide(d);
    expect(c.ready()).toBe(d);
    expect(c.get()!.test.count).toBe(2);
    c.provide(null);
    expect(c.get()).toBeNull();
  });

  it('a failed load makes ready() throw no-data with the reason; provide() clears the error', async () => {
    const c = digitCache();
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () => new Response('missing', { status: 404 })) as typeof fetch;
    try {
      c.start('http://example.invalid/data/');
      for (let i = 0; i < 50 && !threw(c); i++) await new Promise((r) => setTimeout(r, 5));
    } finally {
      globalThis.fetch = realFetch;
    }
    let err: unknown;
    try {
      c.ready();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JobError);
    expect((err as JobError).code).toBe('no-data');
    expect((err as JobError).values.reason).toBe('could not load the MNIST manifest: HTTP 404');
    c.provide(tiny());
    expect(c.ready()!.train.count).toBe(2);
  });
});

function threw(c: ReturnType<typeof digitCache>): boolean {
  try {
    c.ready();
    return false;
  } catch {
    return true;
  }
}
