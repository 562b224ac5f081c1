// Shared by transfer-learning and augmentation-training: the small CNN trained from scratch
// on the generated textures (64×64×3 → 4 classes), and pictures → one batch tensor.
//
//   conv 5×5/2 ×16 → ReLU → max-pool 2 → conv 3×3 ×32 → ReLU → global average pool → dense 32 → 4
import { sequential, type Model } from '../../../engine/nn/model';
import type { LayerSpec } from '../../../engine/nn/specs';
import type { RgbImage } from '../../../data/colorPicture';

export function scratchSpec(classes: number): LayerSpec[] {
  return [
    { type: 'conv2d', filters: 16, size: 5, stride: 2, pad: 'same', init: 'he' },
    { type: 'relu' },
    { type: 'maxPool2d', size: 2 },
    { type: 'conv2d', filters: 32, size: 3, pad: 'same', init: 'he' },
    { type: 'relu' },
    { type: 'globalAvgPool' },
    { type: 'dense', units: classes, init: 'glorot' },
  ];
}

export function buildScratch(size: number, classes: number, seed: number): Model {
  return sequential(scratchSpec(classes), [size, size, 3], { seed });
}

/** Pictures in [0, 1] → one batch [n, size, size, 3] in [0, 1]. */
export function pictureBatch(images: readonly RgbImage[], out?: Float32Array): Float32Array {
  const per = images[0].data.length;
  const data = out ?? new Float32Array(images.length * per);
  images.forEach((im, i) => data.set(im.data, i * per));
  return data;
}
