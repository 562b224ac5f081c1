// Shared by the style-transfer and content-cost jobs: the packed ResNet-50 stem (the page
// fetches public/models/resnet50-stem.{json,bin} and passes them in), images in and out.
import { decodeStem, stemForward, stemPreprocess, STEM_LAYERS, type StemBuffers, type StemLayer, type StemManifest, type StemWeights } from '../../../engine/nn/resnetStem';
import { variable, type Variable } from '../../../engine/nn/variable';
import type { Tensor } from '../../../engine/tensor';
import type { RgbImage } from '../../../data/colorPicture';
import { JobError } from '../../../worker/job';

export interface StemModel {
  manifest: StemManifest;
  bytes: ArrayBuffer | Uint8Array;
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
  const key = fileKey(model.bytes);
  if (cache && cache.key === key) return cache.w;
  const w = decodeStem(model.manifest, model.bytes);
  cache = { key, w };
  return w;
}

export function checkLayer(layer: string): StemLayer {
  if (!(STEM_LAYERS as readonly string[]).includes(layer)) throw new RangeError(`unknown layer "${layer}" (known: ${STEM_LAYERS.join(', ')})`);
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
 * `bufs` (optional): the layers' buffers, reused call after call (see stemBuffers).
 */
export function features(w: StemWeights, pixels: Tensor | Variable, upTo: StemLayer, bufs?: StemBuffers): Partial<Record<StemLayer, Variable>> {
  if ('value' in pixels) {
    // the mean subtraction is a shift: ∂J/∂(pixels) = ∂J/∂(network input)
    return stemForward(w, pixels, upTo, bufs);
  }
  return stemForward(w, variable(stemPreprocess(pixels)), upTo);
}

/** 0–255 RGB floats → bytes for a canvas (RGB, clamped). */
export function toBytes(pixels: Float32Array): Uint8ClampedArray {
  return Uint8ClampedArray.from(pixels, (v) => Math.round(v));
}
