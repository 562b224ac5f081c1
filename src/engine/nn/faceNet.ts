// dlib's face recogniser (a ResNet-34-like net; weights from face-api, packed by
// scripts/pack-face.mjs) on our own ops: a 150×150 RGB face → f(x), 128 numbers.
//   x' = (x − mean)/255
//   conv 7×7/2 ×32 (valid) → ReLU → max-pool 3×3/2 (valid)              150 → 72 → 35
//   3 residual blocks ×32, then a "down" block and 3 blocks ×64            35 → 17
//   down + 2 blocks ×128 (17 → 8), down + 2 blocks ×256 (8 → 3, padded to 4), down ×256 (4 → 1, padded to 2)
//   global average pool → 256 → fully connected (no bias) → 128
// Every conv is followed by dlib's scale layer (y·s + t per channel, an inference batch norm);
// decodeFaceNet folds it into the conv: conv(x, w)·s + b·s + t = conv(x, w·s) + (b·s + t).
// A residual block: a = ReLU(x + conv2(ReLU(conv1(x)))). A down block halves the size with a
// stride-2 valid conv1, and its shortcut is a 2×2 average pool of x with zero channels appended
// (32 → 64), so the addition needs no learnt projection.
import type { Tensor } from '../tensor';
import { conv2d } from '../ops/conv2d';
import { relu } from '../ops/relu';
import { add } from '../ops/add';
import { maxPool2d } from '../ops/maxPool2d';
import { avgPool2d } from '../ops/avgPool2d';
import { globalAvgPool } from '../ops/globalAvgPool';
import { dense } from '../ops/dense';
import { zeroPad2d } from '../ops/zeroPad2d';
import { concatChannels } from '../ops/concatChannels';

/** One tensor of a packed face-api net (scripts/pack-face.mjs): uint8 codes (value = min + scale·q) or float32. */
export type PackedTensor =
  | { name: string; shape: number[]; dtype: 'uint8'; offset: number; length: number; min: number; scale: number }
  | { name: string; shape: number[]; dtype: 'float32'; offset: number; length: number };

export interface PackedNetManifest {
  input: { size: number; subtractMean: number[]; divideBy: number };
  anchors?: number[][];
  tensors: PackedTensor[];
}

/** The 150×150 input and the mean face-api subtracts (RGB, 0–255). */
export const FACE_INPUT_SIZE = 150;
export const FACE_MEAN = [122.782, 117.001, 104.298] as const;
export const DESCRIPTOR_LENGTH = 128;

/** Every tensor of the file by name, dequantised to float32 exactly as TF.js does. */
export function decodePacked(manifest: PackedNetManifest, bytes: ArrayBuffer | Uint8Array): Map<string, Tensor> {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const out = new Map<string, Tensor>();
  for (const t of manifest.tensors) {
    const size = t.length * (t.dtype === 'uint8' ? 1 : 4);
    if (t.offset + size > u8.byteLength) throw new RangeError(`face net: ${t.name} needs bytes up to ${t.offset + size}, the file has ${u8.byteLength}`);
    if (t.length !== t.shape.reduce((a, b) => a * b, 1)) throw new RangeError(`face net: ${t.name} length ${t.length} does not match its shape [${t.shape}]`);
    const data = new Float32Array(t.length);
    if (t.dtype === 'uint8') for (let i = 0; i < t.length; i++) data[i] = u8[t.offset + i] * t.scale + t.min;
    else for (let i = 0; i < t.length; i++) data[i] = view.getFloat32(t.offset + 4 * i, true);
    out.set(t.name, { shape: t.shape.slice(), data });
  }
  return out;
}

interface FoldedConv { w: Tensor; b: Tensor }
export interface FaceNetWeights {
  convs: Map<string, FoldedConv>;
  fc: Tensor;
}

function need(m: Map<string, Tensor>, name: string): Tensor {
  const t = m.get(name);
  if (!t) throw new RangeError(`face net: the file has no tensor ${name}`);
  return t;
}

/** Decode the packed recogniser and fold each scale layer into its conv. */
export function decodeFaceNet(manifest: PackedNetManifest, bytes: ArrayBuffer | Uint8Array): FaceNetWeights {
  const m = decodePacked(manifest, bytes);
  const convs = new Map<string, FoldedConv>();
  for (const name of m.keys()) {
    if (!name.endsWith('/conv/filters')) continue;
    const p = name.slice(0, -'/conv/filters'.length);
    const w = need(m, name), b = need(m, `${p}/conv/bias`);
    const s = need(m, `${p}/scale/weights`).data, t = need(m, `${p}/scale/biases`).data;
    const cout = w.shape[3];
    const wd = Float32Array.from(w.data);
    for (let i = 0; i < wd.length; i++) wd[i] *= s[i % cout];
    const bd = Float32Array.from(b.data, (v, k) => v * s[k] + t[k]);
    convs.set(p, { w: { shape: w.shape, data: wd }, b: { shape: [cout], data: bd } });
  }
  return { convs, fc: need(m, 'fc') };
}

function conv(W: FaceNetWeights, name: string, x: Tensor, stride: 1 | 2, pad: 'same' | 'valid'): Tensor {
  const c = W.convs.get(name);
  if (!c) throw new RangeError(`face net: missing conv ${name}`);
  return conv2d(x, c.w, c.b, { stride, pad });
}

function residual(W: FaceNetWeights, name: string, x: Tensor): Tensor {
  const y = conv(W, `${name}/conv2`, relu(conv(W, `${name}/conv1`, x, 1, 'same')), 1, 'same');
  return relu(add(y, x));
}

function residualDown(W: FaceNetWeights, name: string, x: Tensor): Tensor {
  let y = conv(W, `${name}/conv2`, relu(conv(W, `${name}/conv1`, x, 2, 'valid')), 1, 'same');
  let shortcut: Tensor = avgPool2d(x, { size: 2, stride: 2 });
  // an odd size leaves the conv path one row and column short of the pooled one: pad it with zeros
  const [, ph, pw] = shortcut.shape, [, yh, yw] = y.shape;
  if (ph !== yh || pw !== yw) y = zeroPad2d(y, { top: 0, bottom: ph - yh, left: 0, right: pw - yw });
  if (shortcut.shape[3] !== y.shape[3]) {
    shortcut = concatChannels([shortcut, { shape: shortcut.shape.slice(), data: new Float32Array(shortcut.data.length) }]);
  }
  return relu(add(y, shortcut));
}

/** RGB 0–255 face [n,150,150,3] → the network's input (x − mean)/255. */
export function facePreprocess(rgb: Tensor): Tensor {
  const [, h, w, c] = rgb.shape;
  if (rgb.shape.length !== 4 || h !== FACE_INPUT_SIZE || w !== FACE_INPUT_SIZE || c !== 3) {
    throw new RangeError(`face net: expected faces of shape [n,150,150,3], got [${rgb.shape}]`);
  }
  return { shape: rgb.shape.slice(), data: Float32Array.from(rgb.data, (v, i) => (v - FACE_MEAN[i % 3]) / 255) };
}

/** f(x): each 150×150 RGB (0–255) face of the batch → its 128-number encoding, [n,128]. */
export function faceDescriptors(W: FaceNetWeights, rgb: Tensor): Tensor {
  let a = relu(conv(W, 'conv32_down', facePreprocess(rgb), 2, 'valid'));
  a = maxPool2d(a, { size: 3, stride: 2 });
  for (const b of ['conv32_1', 'conv32_2', 'conv32_3']) a = residual(W, b, a);
  a = residualDown(W, 'conv64_down', a);
  for (const b of ['conv64_1', 'conv64_2', 'conv64_3']) a = residual(W, b, a);
  a = residualDown(W, 'conv128_down', a);
  for (const b of ['conv128_1', 'conv128_2']) a = residual(W, b, a);
  a = residualDown(W, 'conv256_down', a);
  for (const b of ['conv256_1', 'conv256_2']) a = residual(W, b, a);
  a = residualDown(W, 'conv256_down_out', a);
  return dense(globalAvgPool(a), W.fc, null);
}
