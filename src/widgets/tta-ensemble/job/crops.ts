// Multi-crop test-time augmentation, as in the course's 10-crop: the centre and the four
// corners, each at CROP of the side, resampled back to the network's input size, and the
// same five of the mirrored picture. The network's softmax outputs are averaged over the crops.
import { applyAugmentation, identityDraw, type AugmentDraw } from '../../../data/augmentImage';
import type { RgbImage } from '../../../data/colorPicture';

/** Side of each crop, as a fraction of the picture's side. */
export const CROP = 0.875;

/** The ten crop windows: [centre, 4 corners] × [as is, mirrored]. */
export function tenCropDraws(): AugmentDraw[] {
  const m = 1 - CROP;
  const corners: [number, number][] = [[m / 2, m / 2], [0, 0], [m, 0], [0, m], [m, m]];
  const draws: AugmentDraw[] = [];
  for (const mirrored of [false, true]) {
    for (const [ox, oy] of corners) draws.push({ ...identityDraw(), mirrored, crop: { c: CROP, ox, oy } });
  }
  return draws;
}

export function tenCrops(img: RgbImage): RgbImage[] {
  return tenCropDraws().map((d) => applyAugmentation(img, d));
}
