#!/usr/bin/env node
// `npm run pack-face`: packs two pretrained face networks from the npm package
// @vladmandic/face-api@1.7.15 (a devDependency, MIT; never imported by the app) into
// public/models/face/ for the face-verification widget:
//   - face-recognition: dlib's ResNet-34-like face recogniser (150×150 RGB → 128 numbers),
//   - tiny-face-detector: a Tiny-YOLOv2-style face detector (416×416 → 13×13×5 boxes),
//   - face-landmarks: the tiny 68-point landmark net (112×112 → 68 points), for alignment.
// The packed files are generated, not committed: vite.config.ts runs this script when Vite or
// Vitest starts (scripts/face-plugin.ts), and it returns at once when they are current.
//
// face-api ships each net as a TF.js weights manifest (name, shape, dtype, and for most
// tensors a uint8 quantisation: value = min + scale·q) plus one .bin of those bytes in
// manifest order. We read the manifest, check every tensor against the architecture the app
// rebuilds (src/engine/nn/faceNet.ts, tinyFaceDetector.ts), and write our own format:
//   <net>.json  { source, input, tensors: [{ name, shape, dtype: 'uint8', min, scale, offset, length }
//                                           | { name, shape, dtype: 'float32', offset, length }] }
//   <net>.bin   the values, each tensor at `offset` bytes (float32 ones 4-byte aligned).
// The uint8 codes are kept as they are (6.4 MB instead of 26 MB of floats): the app
// dequantises them exactly as TF.js does, so its forward pass can be checked against
// face-api's to float rounding (test/engine/nn/faceNet.oracle.test.ts).
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'public', 'models', 'face');
const require = createRequire(import.meta.url);
const modelDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const version = JSON.parse(readFileSync(join(modelDir, '..', 'package.json'), 'utf8')).version;

/** The recogniser's tensors, in the order of face-api's faceRecognitionNet. */
function recogniserTensors() {
  const t = [];
  const convLayer = (p, f, cin, cout) => {
    t.push([`${p}/conv/filters`, [f, f, cin, cout]], [`${p}/conv/bias`, [cout]]);
    t.push([`${p}/scale/weights`, [cout]], [`${p}/scale/biases`, [cout]]);
  };
  const residual = (p, cin, cout) => {
    convLayer(`${p}/conv1`, 3, cin, cout);
    convLayer(`${p}/conv2`, 3, cout, cout);
  };
  convLayer('conv32_down', 7, 3, 32);
  for (const i of [1, 2, 3]) residual(`conv32_${i}`, 32, 32);
  residual('conv64_down', 32, 64);
  for (const i of [1, 2, 3]) residual(`conv64_${i}`, 64, 64);
  residual('conv128_down', 64, 128);
  for (const i of [1, 2]) residual(`conv128_${i}`, 128, 128);
  residual('conv256_down', 128, 256);
  for (const i of [1, 2]) residual(`conv256_${i}`, 256, 256);
  residual('conv256_down_out', 256, 256);
  t.push(['fc', [256, 128]]);
  return t;
}

/** The detector's tensors: a 3×3 conv, five depthwise-separable convs, a 1×1 head. */
function detectorTensors() {
  const t = [['conv0/filters', [3, 3, 3, 16]], ['conv0/bias', [16]]];
  const sizes = [16, 32, 64, 128, 256, 512];
  for (let i = 1; i <= 5; i++) {
    const cin = sizes[i - 1], cout = sizes[i];
    t.push([`conv${i}/depthwise_filter`, [3, 3, cin, 1]], [`conv${i}/pointwise_filter`, [1, 1, cin, cout]], [`conv${i}/bias`, [cout]]);
  }
  t.push(['conv8/filters', [1, 1, 512, 25]], ['conv8/bias', [25]]);
  return t;
}

/** The 68-point landmark net (tiny): three dense blocks of separable convs, then a dense layer to 136. */
function landmarkTensors() {
  const t = [];
  const sizes = [3, 32, 64, 128];
  for (let b = 0; b < 3; b++) {
    const cin = sizes[b], c = sizes[b + 1];
    if (b === 0) t.push(['dense0/conv0/filters', [3, 3, 3, 32]], ['dense0/conv0/bias', [32]]);
    else t.push([`dense${b}/conv0/depthwise_filter`, [3, 3, cin, 1]], [`dense${b}/conv0/pointwise_filter`, [1, 1, cin, c]], [`dense${b}/conv0/bias`, [c]]);
    for (const k of [1, 2]) t.push([`dense${b}/conv${k}/depthwise_filter`, [3, 3, c, 1]], [`dense${b}/conv${k}/pointwise_filter`, [1, 1, c, c]], [`dense${b}/conv${k}/bias`, [c]]);
  }
  t.push(['fc/weights', [128, 136]], ['fc/bias', [136]]);
  return t;
}

const NETS = [
  {
    name: 'face-recognition',
    from: 'face_recognition_model',
    expect: recogniserTensors(),
    input: { size: 150, channels: 'RGB', range: '0-255', subtractMean: [122.782, 117.001, 104.298], divideBy: 255 },
  },
  {
    name: 'tiny-face-detector',
    from: 'tiny_face_detector_model',
    expect: detectorTensors(),
    input: { size: 416, channels: 'RGB', range: '0-255', subtractMean: [117.001, 114.697, 97.404], divideBy: 255 },
    anchors: [[1.603231, 2.094468], [6.041143, 7.080126], [2.882459, 3.518061], [4.266906, 5.178857], [9.041765, 10.66308]],
  },
  {
    name: 'face-landmarks',
    from: 'face_landmark_68_tiny_model',
    expect: landmarkTensors(),
    input: { size: 112, channels: 'RGB', range: '0-255', subtractMean: [122.782, 117.001, 104.298], divideBy: 255 },
  },
];

const BYTES = { uint8: 1, float32: 4 };

function pack(net) {
  const manifest = JSON.parse(readFileSync(join(modelDir, `${net.from}-weights_manifest.json`), 'utf8'));
  if (manifest.length !== 1) throw new Error(`${net.from}: expected one weight group, found ${manifest.length}`);
  const group = manifest[0];
  const src = Buffer.concat(group.paths.map((p) => readFileSync(join(modelDir, p))));
  if (group.weights.length !== net.expect.length) throw new Error(`${net.from}: ${group.weights.length} tensors, expected ${net.expect.length}`);

  const chunks = [];
  const tensors = [];
  let inOff = 0, outOff = 0;
  group.weights.forEach((w, i) => {
    const [name, shape] = net.expect[i];
    if (w.name !== name || w.shape.join() !== shape.join()) {
      throw new Error(`${net.from}: tensor ${i} is ${w.name} [${w.shape}], expected ${name} [${shape}]`);
    }
    if (w.dtype !== 'float32') throw new Error(`${w.name}: dtype ${w.dtype} not supported`);
    const length = shape.reduce((a, b) => a * b, 1);
    const q = w.quantization;
    if (q && q.dtype !== 'uint8') throw new Error(`${w.name}: quantisation ${q.dtype} not supported`);
    const dtype = q ? 'uint8' : 'float32';
    const size = length * BYTES[dtype];
    if (inOff + size > src.length) throw new Error(`${net.from}: ${w.name} runs past the end of the .bin`);
    const pad = (BYTES[dtype] - (outOff % BYTES[dtype])) % BYTES[dtype];
    if (pad) chunks.push(Buffer.alloc(pad));
    outOff += pad;
    chunks.push(src.subarray(inOff, inOff + size));
    const entry = { name, shape, dtype, offset: outOff, length };
    if (q) Object.assign(entry, { min: q.min, scale: q.scale });
    else {
      // float32 values must be finite to be used at all
      for (let k = 0; k < length; k++) if (!Number.isFinite(src.readFloatLE(inOff + 4 * k))) throw new Error(`${w.name}: non-finite value`);
    }
    tensors.push(entry);
    inOff += size;
    outOff += size;
  });
  if (inOff !== src.length) throw new Error(`${net.from}: manifest covers ${inOff} of ${src.length} bytes`);

  const out = {
    source: `@vladmandic/face-api@${version} model/${net.from} (MIT) — scripts/pack-face.mjs`,
    input: net.input,
    ...(net.anchors ? { anchors: net.anchors } : {}),
    tensors,
  };
  writeFileSync(join(outDir, `${net.name}.bin`), Buffer.concat(chunks));
  writeFileSync(join(outDir, `${net.name}.json`), JSON.stringify(out) + '\n');
  return outOff;
}

const self = fileURLToPath(import.meta.url);
const current = (net) => {
  const files = [join(outDir, `${net.name}.json`), join(outDir, `${net.name}.bin`)];
  if (!files.every(existsSync)) return false;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  const inputs = [self, join(modelDir, `${net.from}-weights_manifest.json`), join(modelDir, `${net.from}.bin`)];
  return inputs.every((f) => statSync(f).mtimeMs <= built);
};

mkdirSync(outDir, { recursive: true });
for (const net of NETS) {
  if (!process.argv.includes('--force') && current(net)) continue;
  const bytes = pack(net);
  console.log(`pack-face: public/models/face/${net.name}.bin (${bytes} bytes, ${net.expect.length} tensors)`);
}
