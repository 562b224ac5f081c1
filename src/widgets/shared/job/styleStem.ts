// Shared by the style-transfer and content-cost jobs: the packed ResNet-50 stem (the page
// fetches public/models/resnet50-stem.{json,bin} and passes them in), images in and out.
import { decodeStem, RES3_LAYERS, stemForward, stemPreprocess, STEM_LAYERS, type StemBuffers, type StemLayer, type StemManifest, type StemWeights } from '../../../engine/nn/resnetStem';
import { variable, type Variable } from '../../../engine/nn/variable';
import { add } from '../../../engine/nn/autograd';
import type { Tensor } from '../../../engine/tensor';
import type { RgbImage } from '../../../data/colorPicture';
import { JobError } from '../../../worker/job';

export interface StemModel {
  manifest: StemManifest;
  bytes: ArrayBuffer | Uint8Array;
  /** The conv3_x weights (a second file), when a res3 layer is wanted. */
  res3?: { manifest: StemManifest; bytes: ArrayBuffer | Uint8Array };
}

// Decoding is cheap (224k halves) but pointless to repeat for the same file. Every message
// brings a fresh copy of the bytes, so the cache key is the content: length + a checksum.
let cache: { key: string; w: StemWeights } | null = null;

function fileKey(bytes: ArrayBuffer | Uint8Array): string {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let h = 0;
  for (let i = 0; i < u8.length; i += 7) h = (h * 31 + u8[i]) | 0;
  return `${u8.length}:${h}`;
}

export function loadStem(model: StemModel): StemWeights {
  if (!model || !model.manifest || !model.bytes) throw new JobError('no-model', 'the ResNet-50 weights were not loaded');
  const key = fileKey(model.bytes) + (model.res3 ? `+${fileKey(model.res3.bytes)}` : '');
  if (cache && cache.key === key) return cache.w;
  const w = { ...decodeStem(model.manifest, model.bytes), ...(model.res3 ? decodeStem(model.res3.manifest, model.res3.bytes) : {}) };
  cache = { key, w };
  return w;
}

/** True when the layer needs the conv3_x file. */
export function needsRes3(layer: StemLayer): boolean {
  return RES3_LAYERS.includes(layer);
}

export function checkLayer(layer: string, w?: StemWeights): StemLayer {
  if (!(STEM_LAYERS as readonly string[]).includes(layer)) throw new RangeError(`unknown layer "${layer}" (known: ${STEM_LAYERS.join(', ')})`);
  if (w && needsRes3(layer as StemLayer) && !w['res3a_branch2a/w']) throw new JobError('no-model', `layer ${layer} needs the conv3_x weights (resnet50-res3), which were not loaded`);
  return layer as StemLayer;
}

/** A square RGB [0,1] picture of side `size` → [1,size,size,3] on 0–255. */
export function toPixels(img: RgbImage, size: number, what: string): Tensor {
  if (!img || img.width !== size || img.height !== size || img.data.length !== 3 * size * size) {
    throw new RangeError(`${what}: expected a ${size}×${size} RGB picture`);
  }
  return { shape: [1, size, size, 3], data: Float32Array.from(img.data, (v) => 255 * v) };
}

/**
 * Activations of every layer up to `upTo` for a 0–255 picture (x a Variable when ∂/∂x is wanted).
 * `bufs` (optional): the layers' buffers, reused call after call (see stemBuffers); with `pre`,
 * the values before each block's final ReLU too.
 */
export function features(w: StemWeights, pixels: Tensor | Variable, upTo: StemLayer, bufs?: StemBuffers, pre?: Partial<Record<StemLayer, Variable>>): Partial<Record<StemLayer, Variable>> {
  if ('value' in pixels) {
    // the mean subtraction is a constant shift added on the tape: ∂J/∂(pixels) = ∂J/∂(network input)
    const shift = stemPreprocess({ shape: pixels.value.shape, data: new Float32Array(pixels.value.data.length) });
    return stemForward(w, add(pixels, variable(shift, false)), upTo, bufs, pre);
  }
  return stemForward(w, variable(stemPreprocess(pixels)), upTo, bufs, pre);
}

/** 0–255 RGB floats → bytes for a canvas (RGB, clamped). */
export function toBytes(pixels: Float32Array): Uint8ClampedArray {
  return Uint8ClampedArray.from(pixels, (v) => Math.round(v));
}
