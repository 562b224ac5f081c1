// A small classification task the app draws itself, for transfer learning (§21): four
// classes of texture — stripes, checks, dots, rings — each picture with its own grey levels,
// period, angle, offset and pixel noise, so neither brightness nor position says the class;
// only the local pattern does (what a network's early layers are good at).
// RGB in [0, 1], interleaved row-major, like colorPicture.ts.
import { rng, type Rng } from '../engine/random';
import type { RgbImage } from './colorPicture';

export const TEXTURE_CLASSES = ['stripes', 'checks', 'dots', 'rings'] as const;
export type TextureClass = (typeof TEXTURE_CLASSES)[number];

export interface TextureSet {
  images: RgbImage[];
  /** class index into TEXTURE_CLASSES, one per image */
  labels: Int32Array;
}

type Vec3 = [number, number, number];

/**
 * Ink and paper: two grey levels at least 0.15 apart, in a random order (dark on light or
 * light on dark). Grey, because with few examples a random colour per picture is what a
 * classifier latches on to; the lesson is about patterns.
 */
function inkAndPaper(r: Rng): [Vec3, Vec3] {
  const dark = 0.05 + 0.4 * r.next();
  const light = 0.6 + 0.35 * r.next();
  const a: Vec3 = [dark, dark, dark], b: Vec3 = [light, light, light];
  return r.next() < 0.5 ? [a, b] : [b, a];
}

/**
 * Ink in [0, 1] at (u, v), the picture's coordinates rotated by the picture's angle and
 * divided by its period (so one unit = one period). Edges are softened over ~1 pixel.
 */
function ink(kind: TextureClass, u: number, v: number, px: number, cx: number, cy: number): number {
  const soft = (d: number) => Math.min(1, Math.max(0, 0.5 - d / px)); // d < 0 inside
  const fu = u - Math.floor(u), fv = v - Math.floor(v);
  switch (kind) {
    case 'stripes':
      return soft(Math.abs(fu - 0.5) - 0.25);
    case 'checks': {
      const a = Math.abs(fu - 0.5) - 0.25, b = Math.abs(fv - 0.5) - 0.25;
      // inside a check when exactly one of the two half-period bands holds
      return Math.abs(soft(a) - soft(b));
    }
    case 'dots':
      return soft(Math.hypot(fu - 0.5, fv - 0.5) - 0.3);
    case 'rings': {
      const rr = Math.hypot(u - cx, v - cy);
      return soft(Math.abs(rr - Math.floor(rr) - 0.5) - 0.25);
    }
  }
}

/** One picture of class `kind`, size×size, drawn from the seeded stream r. */
export function drawTexture(kind: TextureClass, size: number, r: Rng): RgbImage {
  const [bg, fg] = inkAndPaper(r);
  const period = size * (0.12 + 0.16 * r.next()); // 12–28 % of the side
  const angle = r.next() * Math.PI;
  const ox = r.next(), oy = r.next();
  // the rings' centre: anywhere in the picture, in period units
  const cx = (r.next() * size) / period, cy = (r.next() * size) / period;
  const noise = 0.04 + 0.06 * r.next();
  const c = Math.cos(angle), s = Math.sin(angle);
  const data = new Float32Array(3 * size * size);
  const px = 1 / period;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = kind === 'rings' ? x / period : (c * x + s * y) / period + ox;
      const v = kind === 'rings' ? y / period : (-s * x + c * y) / period + oy;
      const t = ink(kind, u, v, px, cx, cy);
      const i = 3 * (y * size + x);
      for (let k = 0; k < 3; k++) {
        const val = bg[k] + (fg[k] - bg[k]) * t + noise * r.normal();
        data[i + k] = Math.min(1, Math.max(0, val));
      }
    }
  }
  return { width: size, height: size, data };
}

/**
 * `perClass` pictures of every class, classes interleaved (0, 1, 2, 3, 0, 1, …), from `seed`.
 * Different seeds give disjoint draws, so a training set and a held-out set never share a picture.
 */
export function textureSet(perClass: number, size: number, seed: number): TextureSet {
  if (!Number.isInteger(perClass) || perClass < 1) throw new RangeError(`examples per class must be a whole number ≥ 1, got ${perClass}`);
  if (!Number.isInteger(size) || size < 8) throw new RangeError(`picture side must be a whole number ≥ 8, got ${size}`);
  const r = rng(seed);
  const images: RgbImage[] = [];
  const labels = new Int32Array(perClass * TEXTURE_CLASSES.length);
  for (let i = 0; i < perClass; i++) {
    TEXTURE_CLASSES.forEach((kind, k) => {
      labels[images.length] = k;
      images.push(drawTexture(kind, size, r));
    });
  }
  return { images, labels };
}
