// Data augmentation of a colour picture (course §21): mirror, random crop, rotation, shear and
// colour shifts (per channel, or along the principal components). One seeded draw of the
// random parameters per sample; the picture is then resampled through ONE inverse mapping
//   output pixel → undo rotation → undo shear → into the crop window → mirror → source pixel
// (bilinear, edges clamped: the "nearest" fill of common augmentation libraries), and the
// colour shift is added to every pixel, clipped to [0, 1].
import { rng } from '../engine/random';
import type { RgbImage } from './colorPicture';
import { pcaShift, type ColorPca, type Vec3 } from './pcaColor';

export interface AugmentSettings {
  mirror: boolean;
  /** Random crop: the crop's side is a fraction in [1 − crop, 1] of the picture's (0 = off). */
  crop: number;
  /** Largest rotation in degrees either way (0 = off). */
  rotateDeg: number;
  /** Largest shear factor k either way: x ← x + k·y (0 = off). */
  shear: number;
  /** Largest per-channel offset either way, in [0, 1] units (20/255 ≈ 0.08). */
  colorShift: number;
  /** σ of α_i for PCA colour augmentation (0 = off). */
  pcaSigma: number;
}

export const NO_AUGMENT: AugmentSettings = { mirror: false, crop: 0, rotateDeg: 0, shear: 0, colorShift: 0, pcaSigma: 0 };

/** The random parameters of one augmented sample (shown beside it). */
export interface AugmentDraw {
  mirrored: boolean;
  /** crop window: side fraction c and top-left (ox, oy), all in [0, 1] picture units */
  crop: { c: number; ox: number; oy: number };
  rotateDeg: number;
  shear: number;
  /** per-channel offsets (R, G, B) */
  shift: Vec3;
  /** α_1…α_3 of the PCA shift and the resulting colour offset */
  alpha: Vec3;
  pcaOffset: Vec3;
}

export function identityDraw(): AugmentDraw {
  return { mirrored: false, crop: { c: 1, ox: 0, oy: 0 }, rotateDeg: 0, shear: 0, shift: [0, 0, 0], alpha: [0, 0, 0], pcaOffset: [0, 0, 0] };
}

/** Draw sample parameters; every enabled augmentation consumes its random numbers in a fixed order. */
export function drawAugmentation(r: ReturnType<typeof rng>, s: AugmentSettings, pca: ColorPca | null): AugmentDraw {
  const d = identityDraw();
  if (s.mirror) d.mirrored = r.next() < 0.5;
  if (s.crop > 0) {
    const c = 1 - r.next() * Math.min(0.9, s.crop);
    d.crop = { c, ox: r.next() * (1 - c), oy: r.next() * (1 - c) };
  }
  if (s.rotateDeg > 0) d.rotateDeg = r.uniform(-s.rotateDeg, s.rotateDeg);
  if (s.shear > 0) d.shear = r.uniform(-s.shear, s.shear);
  if (s.colorShift > 0) d.shift = [0, 1, 2].map(() => r.uniform(-s.colorShift, s.colorShift)) as Vec3;
  if (s.pcaSigma > 0 && pca) {
    d.alpha = [0, 1, 2].map(() => r.normal(0, s.pcaSigma)) as Vec3;
    d.pcaOffset = pcaShift(pca, d.alpha);
  }
  return d;
}

/**
 * Where output point (u, v) (picture units, [0, 1], y down) comes from in the source picture.
 * The forward map of the picture is shear (x ← x + k·y) then rotation by θ about the centre;
 * so the inverse is: rotate by −θ, unshear, then place into the crop window, then mirror.
 */
export function sourcePoint(u: number, v: number, d: AugmentDraw): { x: number; y: number } {
  const th = (d.rotateDeg * Math.PI) / 180;
  const px = u - 0.5, py = v - 0.5;
  const qx = Math.cos(th) * px + Math.sin(th) * py;
  const qy = -Math.sin(th) * px + Math.cos(th) * py;
  const sx = qx - d.shear * qy, sy = qy;
  let x = d.crop.ox + d.crop.c * (sx + 0.5);
  const y = d.crop.oy + d.crop.c * (sy + 0.5);
  if (d.mirrored) x = 1 - x;
  return { x, y };
}

/** Resample a picture through a draw (output has the same size). */
export function applyAugmentation(img: RgbImage, d: AugmentDraw): RgbImage {
  const { width: W, height: H, data: src } = img;
  const out = new Float32Array(3 * W * H);
  const at = (yy: number, xx: number, c: number) => src[3 * (Math.min(H - 1, Math.max(0, yy)) * W + Math.min(W - 1, Math.max(0, xx))) + c];
  const offset = [0, 1, 2].map((c) => d.shift[c] + d.pcaOffset[c]);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const s = sourcePoint((x + 0.5) / W, (y + 0.5) / H, d);
      const fx = s.x * W - 0.5, fy = s.y * H - 0.5;
      const x0 = Math.floor(fx), y0 = Math.floor(fy);
      const tx = fx - x0, ty = fy - y0;
      for (let c = 0; c < 3; c++) {
        const v = (1 - ty) * ((1 - tx) * at(y0, x0, c) + tx * at(y0, x0 + 1, c)) + ty * ((1 - tx) * at(y0 + 1, x0, c) + tx * at(y0 + 1, x0 + 1, c));
        out[3 * (y * W + x) + c] = Math.min(1, Math.max(0, v + offset[c]));
      }
    }
  }
  return { width: W, height: H, data: out };
}
