// mnist-digit: one real MNIST test digit as a 28×28 grayscale picture. Loading the packed
// digits is asynchronous, so this is a (short) long job: init starts the download (cached for
// the worker's life), each step checks whether it has arrived, and the job is done when the
// digit is cut out. Run it with a modest stepsPerSecond so waiting does not spin.
import { digitToFloat, loadMnist, MNIST_SIDE, type Mnist } from '../../../data/mnist';
import { defineLongJob, JobError } from '../../../worker/job';

export interface MnistDigitArgs {
  /** URL of the data folder (the page's new URL('data/', document.baseURI)). */
  base: string;
  /** Index into the test set (taken modulo its size). */
  index: number;
}

export interface MnistDigitProgress {
  loaded: boolean;
  index: number;
  label: number;
  count: number;
}

export interface MnistDigitSnapshot {
  pixels: Float32Array; // 28·28 values in [0, 1]
}

interface State {
  index: number;
  pixels: Float32Array | null;
  label: number;
  count: number;
}

let cache: { base: string; mnist: Mnist | null; error: string | null; loading: Promise<void> } | null = null;

function startLoading(base: string): void {
  if (cache && cache.base === base && (cache.mnist || !cache.error)) return;
  const entry: NonNullable<typeof cache> = { base, mnist: null, error: null, loading: Promise.resolve() };
  entry.loading = loadMnist(base).then(
    (m) => void (entry.mnist = m),
    (e: unknown) => void (entry.error = e instanceof Error ? e.message : String(e)),
  );
  cache = entry;
}

export const mnistDigit = defineLongJob<MnistDigitArgs, State, MnistDigitProgress, MnistDigitSnapshot>({
  init(args) {
    if (typeof args.base !== 'string' || !Number.isInteger(args.index) || args.index < 0) {
      throw new RangeError('mnist-digit: needs a data URL and a whole index ≥ 0');
    }
    startLoading(args.base);
    return { index: args.index, pixels: null, label: -1, count: 0 };
  },
  step(s) {
    if (!cache) return false;
    if (cache.error) throw new JobError('mnist-unavailable', `could not load the MNIST digits: ${cache.error}`, { reason: cache.error });
    const m = cache.mnist;
    if (!m) return false; // still downloading
    s.count = m.test.count;
    s.index %= s.count;
    s.pixels = new Float32Array(MNIST_SIDE * MNIST_SIDE);
    digitToFloat(m.test, s.index, s.pixels);
    s.label = m.test.labels[s.index];
    return true;
  },
  progress: (s) => ({ loaded: s.pixels !== null, index: s.index, label: s.label, count: s.count }),
  snapshot: (s) => ({ pixels: s.pixels ? s.pixels.slice() : new Float32Array(0) }),
});
