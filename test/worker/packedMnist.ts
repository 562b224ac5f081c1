// The packed MNIST digits from public/data (the files the app fetches), read from disk for
// the worker-job tests.
import { readFileSync } from 'node:fs';
import { makeDigitSet, type Mnist } from '../../src/data/mnist';

const rd = (f: string) => new Uint8Array(readFileSync(`public/data/${f}`));

export function readPackedMnist(): Mnist {
  return {
    train: makeDigitSet(rd('mnist-train-images.u8'), rd('mnist-train-labels.u8')),
    test: makeDigitSet(rd('mnist-test-images.u8'), rd('mnist-test-labels.u8')),
  };
}
