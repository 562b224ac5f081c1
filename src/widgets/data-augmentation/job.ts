// augment-picture: one of the app's colour pictures and `count` augmented samples of it
// (course §21), each with the random parameters that made it, plus the picture's colour PCA.
// Seeded: the same seed and settings give the same samples ("new samples" = next seed).
import { COLOR_PICTURE_NAMES, drawColorPicture, type ColorPictureName, type RgbImage } from '../../data/colorPicture';
import { applyAugmentation, drawAugmentation, type AugmentDraw, type AugmentSettings } from '../../data/augmentImage';
import { colorPca, type ColorPca } from '../../data/pcaColor';
import { rng } from '../../engine/random';
import { defineRequest } from '../../worker/job';

export interface AugmentPictureArgs {
  picture: ColorPictureName;
  size?: number;
  count: number;
  seed: number;
  settings: AugmentSettings;
}

export interface AugmentPictureResult {
  original: RgbImage;
  pca: ColorPca;
  samples: { image: RgbImage; draw: AugmentDraw }[];
}

export function runAugmentPicture(a: AugmentPictureArgs): AugmentPictureResult {
  const size = a.size ?? 64;
  if (!(COLOR_PICTURE_NAMES as readonly string[]).includes(a.picture)) throw new RangeError(`augment-picture: unknown picture "${a.picture}"`);
  if (!Number.isInteger(size) || size < 8 || size > 256) throw new RangeError(`augment-picture: size must be a whole number in 8…256, got ${size}`);
  if (!Number.isInteger(a.count) || a.count < 1 || a.count > 64) throw new RangeError(`augment-picture: count must be 1…64, got ${a.count}`);
  const original = drawColorPicture(a.picture, size);
  const pca = colorPca(original.data);
  const r = rng(a.seed);
  const samples = Array.from({ length: a.count }, () => {
    const draw = drawAugmentation(r, a.settings, pca);
    return { image: applyAugmentation(original, draw), draw };
  });
  return { original, pca, samples };
}

export const augmentPicture = defineRequest(runAugmentPicture);
