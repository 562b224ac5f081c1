// Real MNIST digits, packed by scripts/pack-mnist.mjs into uint8 binaries under public/data/
// (8,000 training digits and 2,000 held-out test digits, never trained on).
// Images stay uint8 (28·28 bytes each) until a batch is made, so the whole set is 7.8 MB in memory.

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

export interface DigitSet {
  count: number;
  /** count · 784 bytes, row-major, 0 = background, 255 = ink */
  images: Uint8Array;
  /** count labels 0–9 */
  labels: Uint8Array;
}

export interface Mnist {
  train: DigitSet;
  test: DigitSet;
}

interface Manifest {
  format: number;
  rows: number;
  cols: number;
  sets: Record<'train' | 'test', { count: number; images: string; labels: string }>;
}

/** Check and wrap raw bytes; throws an Error saying what is wrong with them. */
export function makeDigitSet(images: Uint8Array, labels: Uint8Array, expected?: number): DigitSet {
  const count = labels.length;
  if (expected !== undefined && count !== expected) {
    throw new Error(`MNIST: expected ${expected} labels, got ${count}`);
  }
  if (images.length !== count * MNIST_PIXELS) {
    throw new Error(`MNIST: ${images.length} image bytes do not match ${count} digits of 28×28`);
  }
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new Error(`MNIST: label ${labels[i]} at ${i} is not a digit`);
  }
  return { count, images, labels };
}

/** Copy digit i into `out` (784 floats in [0, 1]) at `offset`: NHWC with one channel. */
export function digitToFloat(set: DigitSet, i: number, out: Float32Array, offset = 0): void {
  const src = i * MNIST_PIXELS;
  for (let k = 0; k < MNIST_PIXELS; k++) out[offset + k] = set.images[src + k] / 255;
}

/** Gather a batch of digits (by index) into a [n, 28, 28, 1] buffer and their labels. */
export function gatherBatch(set: DigitSet, indices: ArrayLike<number>, x: Float32Array, y: Int32Array): void {
  for (let b = 0; b < indices.length; b++) {
    digitToFloat(set, indices[b], x, b * MNIST_PIXELS);
    y[b] = set.labels[indices[b]];
  }
}

async function fetchBytes(url: URL): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url.pathname}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Load the packed digits. `base` is the URL of the data folder (e.g. new URL('data/', document.baseURI)
 * from the page, passed on to the worker, since a worker's own URL points into assets/).
 */
export async function loadMnist(base: string | URL): Promise<Mnist> {
  const dir = new URL(base);
  const res = await fetch(new URL('mnist.json', dir));
  if (!res.ok) throw new Error(`could not load the MNIST manifest: HTTP ${res.status}`);
  const manifest = (await res.json()) as Manifest;
  if (manifest.format !== 1 || manifest.rows !== MNIST_SIDE || manifest.cols !== MNIST_SIDE) {
    throw new Error('MNIST: unknown manifest format');
  }
  const load = async (name: 'train' | 'test'): Promise<DigitSet> => {
    const s = manifest.sets[name];
    const [images, labels] = await Promise.all([fetchBytes(new URL(s.images, dir)), fetchBytes(new URL(s.labels, dir))]);
    return makeDigitSet(images, labels, s.count);
  };
  const [train, test] = await Promise.all([load('train'), load('test')]);
  return { train, test };
}
