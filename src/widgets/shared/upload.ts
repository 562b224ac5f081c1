// Reading a user's picture, locally: size check, decode with createImageBitmap, downscale to
// at most 256 px (or the caller's maxSide) on the longer side with a canvas, and hand back the RGBA pixels (the worker
// turns them gray). Failures are typed so the page can say what is wrong in the reader's
// language; nothing is uploaded anywhere.
import { fitWithin } from '../../data/pictures';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_SIDE = 256;

export type UploadProblem =
  | { code: 'too-big'; mb: string }
  | { code: 'not-image' }
  | { code: 'too-small'; w: number; h: number };

export interface RgbaPicture {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export type UploadResult = { ok: true; pixels: RgbaPicture; original: { width: number; height: number } } | { ok: false; problem: UploadProblem };

export async function readUpload(file: File, maxSide = MAX_SIDE): Promise<UploadResult> {
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, problem: { code: 'too-big', mb: (file.size / 1024 / 1024).toFixed(1) } };
  if (file.type && !file.type.startsWith('image/')) return { ok: false, problem: { code: 'not-image' } };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, problem: { code: 'not-image' } };
  }
  const original = { width: bitmap.width, height: bitmap.height };
  if (bitmap.width < 3 || bitmap.height < 3) {
    bitmap.close();
    return { ok: false, problem: { code: 'too-small', w: original.width, h: original.height } };
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height, maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) {
    bitmap.close();
    return { ok: false, problem: { code: 'not-image' } };
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const data = ctx.getImageData(0, 0, width, height).data;
  return { ok: true, pixels: { rgba: data, width, height }, original };
}
