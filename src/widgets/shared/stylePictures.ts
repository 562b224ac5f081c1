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

type PackedFile = { manifest: { dtype: 'float16'; tensors: { name: string; shape: number[]; offset: number; length: number }[] }; bytes: ArrayBuffer };
type StemModel = PackedFile & { res3?: PackedFile };

const files = new Map<string, Promise<PackedFile>>();

function loadPacked(name: string): Promise<PackedFile> {
  let p = files.get(name);
  if (!p) {
    p = (async () => {
      const dir = new URL('models/', document.baseURI);
      const [mRes, bRes] = await Promise.all([fetch(new URL(`${name}.json`, dir)), fetch(new URL(`${name}.bin`, dir))]);
      if (!mRes.ok || !bRes.ok) throw new Error(`HTTP ${mRes.ok ? bRes.status : mRes.status}`);
      return { manifest: await mRes.json(), bytes: await bRes.arrayBuffer() };
    })();
    files.set(name, p);
    p.catch(() => files.delete(name));
  }
  return p;
}

/**
 * The packed weights, each file fetched once per page: conv1 and conv2_x (448 KB), and with
 * `res3` also conv3_x (2.4 MB, only where a res3 layer is chosen).
 */
export async function loadStemModel(res3 = false): Promise<StemModel> {
  const [stem, deeper] = await Promise.all([loadPacked('resnet50-stem'), res3 ? loadPacked('resnet50-res3') : Promise.resolve(undefined)]);
  return deeper ? { ...stem, res3: deeper } : stem;
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

/**
 * The user's file → a size² RGB picture, its aspect kept: `crop` takes the centre square of the
 * picture, `letterbox` shrinks the whole picture into the square and fills the rest mid-grey.
 */
export async function readRgbUpload(file: File, size = STYLE_SIZE, fit: 'crop' | 'letterbox' = 'crop'): Promise<RgbUpload> {
  const r = await readUpload(file);
  if (!r.ok) return r;
  const { rgba, width, height } = r.pixels;
  const src = document.createElement('canvas');
  src.width = width;
  src.height = height;
  src.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  const dst = document.createElement('canvas');
  dst.width = size;
  dst.height = size;
  const ctx = dst.getContext('2d', { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = 'high';
  const box = letterboxRect(width, height, size);
  if (fit === 'letterbox') {
    ctx.fillStyle = 'rgb(128,128,128)';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(src, 0, 0, width, height, box.x, box.y, box.w, box.h);
  } else {
    const side = Math.min(width, height);
    ctx.drawImage(src, (width - side) / 2, (height - side) / 2, side, side, 0, 0, size, size);
  }
  const d = ctx.getImageData(0, 0, size, size).data;
  const data = new Float32Array(3 * size * size);
  for (let i = 0; i < size * size; i++) for (let c = 0; c < 3; c++) data[3 * i + c] = d[4 * i + c] / 255;
  return { ok: true, picture: { width: size, height: size, data } };
}

/** Where a width × height picture lands, aspect kept, centred in a size × size square. */
export function letterboxRect(width: number, height: number, size: number): { x: number; y: number; w: number; h: number } {
  const k = size / Math.max(width, height);
  const w = Math.max(1, Math.round(width * k)), h = Math.max(1, Math.round(height * k));
  return { x: Math.floor((size - w) / 2), y: Math.floor((size - h) / 2), w, h };
}

/** RGB in [0,1] floats → RGB bytes (for RgbCanvas). */
export function toBytes(p: Rgb01): Uint8ClampedArray {
  return Uint8ClampedArray.from(p.data, (v) => Math.round(255 * v));
}
