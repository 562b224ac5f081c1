// Shared by style-transfer and content-cost: the packed ResNet-50 stem (fetched once from
// public/models/), the built-in pictures (drawn once, in place), and reading an upload
// into a size×size RGB picture (centre crop, downscaled on a canvas; nothing leaves the page).
import { drawStylePictures } from '../../data/stylePictures';
import { readUpload, type UploadProblem } from './upload';

export const STYLE_SIZE = 64;

export interface Rgb01 {
  width: number;
  height: number;
  data: Float32Array;
}

type StemModel = { manifest: { dtype: 'float16'; tensors: { name: string; shape: number[]; offset: number; length: number }[] }; bytes: ArrayBuffer };

let model: Promise<StemModel> | null = null;

/** The packed weights, fetched once per page (448 KB). */
export function loadStemModel(): Promise<StemModel> {
  model ??= (async () => {
    const dir = new URL('models/', document.baseURI);
    const [mRes, bRes] = await Promise.all([fetch(new URL('resnet50-stem.json', dir)), fetch(new URL('resnet50-stem.bin', dir))]);
    if (!mRes.ok || !bRes.ok) throw new Error(`HTTP ${mRes.ok ? bRes.status : mRes.status}`);
    return { manifest: await mRes.json(), bytes: await bRes.arrayBuffer() };
  })();
  model.catch(() => (model = null));
  return model;
}

const pictures = new Map<number, Promise<ReturnType<typeof drawStylePictures>>>();

/** The built-in pictures at size × size, drawn once per size. */
export function loadPictures(size = STYLE_SIZE): Promise<ReturnType<typeof drawStylePictures>> {
  let p = pictures.get(size);
  if (!p) pictures.set(size, (p = Promise.resolve(drawStylePictures(size))));
  return p;
}

/**
 * A picture at a smaller side that divides its own (256 → 128): each output pixel is the mean
 * of the k×k block it covers, so an upload read once at the largest size serves every size.
 */
export function shrinkPicture(p: Rgb01, size: number): Rgb01 {
  if (size === p.width) return p;
  const k = p.width / size;
  if (p.width !== p.height || !Number.isInteger(k) || k < 1) throw new RangeError(`cannot shrink a ${p.width}×${p.height} picture to ${size}×${size}`);
  const data = new Float32Array(3 * size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++) for (let dx = 0; dx < k; dx++) sum += p.data[3 * ((y * k + dy) * p.width + x * k + dx) + c];
        data[3 * (y * size + x) + c] = sum / (k * k);
      }
    }
  }
  return { width: size, height: size, data };
}

export type RgbUpload = { ok: true; picture: Rgb01 } | { ok: false; problem: UploadProblem };

/** The user's file → a STYLE_SIZE² RGB picture (centre square, downscaled). */
export async function readRgbUpload(file: File, size = STYLE_SIZE): Promise<RgbUpload> {
  const r = await readUpload(file);
  if (!r.ok) return r;
  const { rgba, width, height } = r.pixels;
  const src = document.createElement('canvas');
  src.width = width;
  src.height = height;
  src.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  const side = Math.min(width, height);
  const dst = document.createElement('canvas');
  dst.width = size;
  dst.height = size;
  const ctx = dst.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(src, (width - side) / 2, (height - side) / 2, side, side, 0, 0, size, size);
  const d = ctx.getImageData(0, 0, size, size).data;
  const data = new Float32Array(3 * size * size);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < 3; c++) data[3 * i + c] = d[4 * i + c] / 255;
  return { ok: true, picture: { width: size, height: size, data } };
}

/** RGB in [0,1] floats → RGB bytes (for RgbCanvas). */
export function toBytes(p: Rgb01): Uint8ClampedArray {
  return Uint8ClampedArray.from(p.data, (v) => Math.round(255 * v));
}
