// ResNet-50's first stages (Keras, ImageNet weights) as a fixed feature extractor on the tape:
//   conv1 7×7/2 ×64 (pad 3) + ReLU → max-pool 3×3/2 (pad 1) → res2a, res2b, res2c → res3a … res3d
// each res2 block a bottleneck: 1×1 ×64 → ReLU → 3×3 ×64 (same) → ReLU → 1×1 ×256, plus the
// shortcut (a 1×1 ×256 projection in res2a, the identity after), then ReLU; each res3 block the
// same with 128 and 512 channels, res3a's first 1×1 conv and its projection with stride 2.
// The res3 weights are a second file, loaded only where a res3 layer is wanted.
// Batch norms are folded into the convs by scripts/pack-resnet-stem.mjs, so inference is
// conv + bias only. Input: RGB 0–255 minus the caffe mean (see STEM_MEAN). The weights stay
// frozen: only the input image may require a gradient (style transfer).
import type { Tensor } from '../tensor';
import { relu, maxPool2d, add, workspace, type Workspace } from './autograd';
import { frozenConv2d } from './frozenConv';
import { Variable, variable } from './variable';

/** The layers a lesson can pick, in depth order. */
export const STEM_LAYERS = ['conv1', 'pool1', 'res2a', 'res2b', 'res2c', 'res3a', 'res3b', 'res3c', 'res3d'] as const;
/** The layers whose weights are in the second file (resnet50-res3). */
export const RES3_LAYERS: readonly StemLayer[] = ['res3a', 'res3b', 'res3c', 'res3d'];
export type StemLayer = (typeof STEM_LAYERS)[number];

/** Keras preprocess_input('caffe') mean, in RGB order (conv1's channels were flipped to RGB). */
export const STEM_MEAN = [123.68, 116.779, 103.939] as const;

export interface StemManifest {
  dtype: 'float16';
  tensors: { name: string; shape: number[]; offset: number; length: number }[];
}

export interface StemWeights {
  [name: string]: Variable;
}

/** IEEE half → float. */
function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

/** Decode the packed float16 file into frozen (requiresGrad = false) weight variables. */
export function decodeStem(manifest: StemManifest, bytes: ArrayBuffer | Uint8Array): StemWeights {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (manifest.dtype !== 'float16') throw new RangeError(`resnet stem: dtype ${manifest.dtype} not supported`);
  const need = manifest.tensors.reduce((m, t) => Math.max(m, t.offset + t.length), 0) * 2;
  if (u8.byteLength < need) throw new RangeError(`resnet stem: file has ${u8.byteLength} bytes, manifest needs ${need}`);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const out: StemWeights = {};
  for (const t of manifest.tensors) {
    const data = new Float32Array(t.length);
    for (let i = 0; i < t.length; i++) data[i] = halfToFloat(view.getUint16((t.offset + i) * 2, true));
    out[t.name] = variable({ shape: t.shape.slice(), data }, false, t.name);
  }
  return out;
}

/** RGB 0–255 image [1,h,w,3] → the network's input (mean subtracted). */
export function stemPreprocess(rgb: Tensor): Tensor {
  const d = new Float32Array(rgb.data.length);
  for (let i = 0; i < d.length; i++) d[i] = rgb.data[i] - STEM_MEAN[i % 3];
  return { shape: rgb.shape.slice(), data: d };
}

/**
 * Output and gradient buffers for each layer of the stem, kept from one call to the next
 * (a style-transfer loop then allocates nothing per step). A call that is given them
 * overwrites the activations the previous call returned.
 */
export type StemBuffers = Map<string, Workspace>;

export function stemBuffers(): StemBuffers {
  return new Map();
}

function slot(bufs: StemBuffers | undefined, name: string): Workspace | undefined {
  if (!bufs) return undefined;
  let ws = bufs.get(name);
  if (!ws) bufs.set(name, (ws = workspace()));
  return ws;
}

function conv(W: StemWeights, name: string, x: Variable, stride: number, pad: number | 'same' | 'valid', bufs?: StemBuffers): Variable {
  const w = W[`${name}/w`], b = W[`${name}/b`];
  if (!w || !b) throw new RangeError(`resnet stem: missing weights for ${name}`);
  return frozenConv2d(x, w.value, b.value, { stride, pad }, slot(bufs, name));
}

/** The block's output before its final ReLU (main path + shortcut). */
function bottleneckSum(W: StemWeights, blk: string, x: Variable, project: boolean, stride: number, bufs?: StemBuffers): Variable {
  const r = `res${blk}`;
  let y = relu(conv(W, `${r}_branch2a`, x, stride, 'valid', bufs), slot(bufs, `${r}_branch2a/relu`));
  y = relu(conv(W, `${r}_branch2b`, y, 1, 'same', bufs), slot(bufs, `${r}_branch2b/relu`));
  y = conv(W, `${r}_branch2c`, y, 1, 'valid', bufs);
  const shortcut = project ? conv(W, `${r}_branch1`, x, stride, 'valid', bufs) : x;
  return add(y, shortcut, slot(bufs, `${r}/add`));
}

/**
 * Run the stem on x (already preprocessed, [n,h,w,3]) up to `upTo`; returns every layer's
 * activation on the way (a Variable each, so costs can backpropagate to x). With `bufs`, the
 * layers reuse the buffers of the previous call made with the same bufs. With `pre`, each
 * conv1 / res block's value before its final ReLU is stored there too (feature visualisation
 * climbs it: its gradient does not vanish where the unit is off).
 */
export function stemForward(W: StemWeights, x: Variable, upTo: StemLayer = 'res2c', bufs?: StemBuffers, pre?: Partial<Record<StemLayer, Variable>>): Partial<Record<StemLayer, Variable>> {
  const out: Partial<Record<StemLayer, Variable>> = {};
  const stop = STEM_LAYERS.indexOf(upTo);
  const z1 = conv(W, 'conv1', x, 2, 3, bufs);
  if (pre) pre.conv1 = z1;
  let a = relu(z1, slot(bufs, 'conv1/relu'));
  out.conv1 = a;
  if (stop < 1) return out;
  a = maxPool2d(a, { size: 3, stride: 2, pad: 1 }, slot(bufs, 'pool1')); // after ReLU (≥ 0) a −∞ pad equals Keras's zero pad
  out.pool1 = a;
  const blocks: [StemLayer, string, boolean, number][] = [
    ['res2a', '2a', true, 1], ['res2b', '2b', false, 1], ['res2c', '2c', false, 1],
    ['res3a', '3a', true, 2], ['res3b', '3b', false, 1], ['res3c', '3c', false, 1], ['res3d', '3d', false, 1],
  ];
  for (const [name, blk, project, stride] of blocks) {
    if (STEM_LAYERS.indexOf(name) > stop) break;
    const z = bottleneckSum(W, blk, a, project, stride, bufs);
    if (pre) pre[name] = z;
    a = relu(z, slot(bufs, `res${blk}/relu`));
    out[name] = a;
  }
  return out;
}
