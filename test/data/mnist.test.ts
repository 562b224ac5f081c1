import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gatherBatch, makeDigitSet, MNIST_PIXELS } from '../../src/data/mnist';

const dir = new URL('../../public/data/', import.meta.url);
const read = (f: string) => new Uint8Array(readFileSync(new URL(f, dir)));
const manifest = JSON.parse(readFileSync(new URL('mnist.json', dir), 'utf8'));
const train = makeDigitSet(read('mnist-train-images.u8'), read('mnist-train-labels.u8'), manifest.sets.train.count);
const test = makeDigitSet(read('mnist-test-images.u8'), read('mnist-test-labels.u8'), manifest.sets.test.count);

describe('packed MNIST', () => {
  it('has at least 8,000 training and 2,000 test digits', () => {
    expect(train.count).toBeGreaterThanOrEqual(8000);
    expect(test.count).toBeGreaterThanOrEqual(2000);
  });

  it('has every digit in both sets, roughly balanced', () => {
    for (const set of [train, test]) {
      const counts = new Array(10).fill(0);
      for (const l of set.labels) counts[l]++;
      for (const c of counts) expect(c).toBeGreaterThan(set.count * 0.07);
    }
  });

  it('never shows a test digit in training', () => {
    const hash = (s: typeof train, i: number) =>
      createHash('sha1').update(s.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)).digest('hex');
    const seen = new Set<string>();
    for (let i = 0; i < train.count; i++) seen.add(hash(train, i));
    let overlap = 0;
    for (let i = 0; i < test.count; i++) if (seen.has(hash(test, i))) overlap++;
    // The source set may contain a handful of byte-identical duplicates; none may be systematic.
    expect(overlap).toBeLessThan(5);
  });

  it('looks like handwriting: ink in the centre, empty borders', () => {
    let centre = 0;
    let border = 0;
    for (let i = 0; i < 200; i++) {
      for (let r = 0; r < 28; r++)
        for (let c = 0; c < 28; c++) {
          const v = train.images[i * MNIST_PIXELS + r * 28 + c];
          if (r >= 8 && r < 20 && c >= 8 && c < 20) centre += v;
          if (r === 0 || r === 27 || c === 0 || c === 27) border += v;
        }
    }
    expect(centre).toBeGreaterThan(100 * border + 1);
  });

  it('gathers a batch as floats in [0, 1] with labels', () => {
    const x = new Float32Array(3 * MNIST_PIXELS);
    const y = new Int32Array(3);
    gatherBatch(train, [0, 5, 7], x, y);
    expect(y[1]).toBe(train.labels[5]);
    expect(x[MNIST_PIXELS + 300]).toBeCloseTo(train.images[5 * MNIST_PIXELS + 300] / 255, 6);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
  });

  it('rejects bytes that do not fit', () => {
    expect(() => makeDigitSet(new Uint8Array(100), new Uint8Array(2))).toThrow(/do not match/);
    expect(() => makeDigitSet(new Uint8Array(784), new Uint8Array([12]))).toThrow(/not a digit/);
  });
});
