// The two learners compared in transfer learning (§21), both ending in a 4-way softmax:
//
//   pretrained: picture 64×64×3 → ResNet-50 conv1 … res2c (ImageNet weights, FROZEN)
//               → global average pool (256 numbers) → NEW dense 256 → 4 → softmax  (trained)
//   scratch:    picture 64×64×3 → conv 5×5/2 ×16 → ReLU → max-pool 2 → conv 3×3 ×32 → ReLU
//               → global average pool → dense 32 → 4 → softmax       (every weight trained,
//               from a random start)
//
// The frozen part never changes, so its 256 features are computed once per picture and
// the head trains on them alone: "precompute the activations, save them to disk, train a
// softmax on top", as the course puts it.
import { sequential, type Model } from '../../../engine/nn/model';
import type { LayerSpec } from '../../../engine/nn/specs';
import { buildScratch, pictureBatch } from '../../shared/job/textureNet';
import { globalAvgPool } from '../../../engine/nn/autograd';
import { variable } from '../../../engine/nn/variable';
import { stemForward, stemPreprocess, type StemWeights } from '../../../engine/nn/resnetStem';
import type { RgbImage } from '../../../data/colorPicture';

export { buildScratch, pictureBatch };

export const FEATURE_SIZE = 256;

export function headSpec(classes: number): LayerSpec[] {
  return [{ type: 'dense', units: classes, init: 'glorot' }];
}

export function buildHead(classes: number, seed: number): Model {
  return sequential(headSpec(classes), [FEATURE_SIZE], { seed });
}

/**
 * The frozen features of one picture: res2c's 256 channels averaged over its 16×16 positions.
 * The stem expects RGB 0–255 (it subtracts the ImageNet mean itself).
 */
export function stemFeatures(w: StemWeights, img: RgbImage): Float32Array {
  const px = { shape: [1, img.height, img.width, 3], data: Float32Array.from(img.data, (v) => 255 * v) };
  const a = stemForward(w, variable(stemPreprocess(px)), 'res2c').res2c!;
  return Float32Array.from(globalAvgPool(a).value.data);
}
