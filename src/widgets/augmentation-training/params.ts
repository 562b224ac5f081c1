// augmentation-training: the same small CNN trained twice on the same few generated pictures,
// once on the originals and once on freshly augmented copies at every step (§22).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';
import type { AugmentSettings } from '../../data/augmentImage';

/** Training pictures per class the page offers. */
export const PER_CLASS_CHOICES = ['5', '10', '20'] as const;
export const TRAIN_SEED = 1;
export const PICTURE_SIZE = 64;

/**
 * The augmentation of the training pictures: mirror, random crops keeping 70–100 % of the
 * side, rotations up to ±30°, per-channel colour shifts up to ±0.1. Held-out pictures are
 * never augmented.
 */
export const TRAINING_AUGMENTATION: AugmentSettings = { mirror: true, crop: 0.3, rotateDeg: 30, shear: 0, colorShift: 0.1, pcaSigma: 0 };

export interface AugmentationTrainingParams extends Record<string, unknown> {
  perClass: (typeof PER_CLASS_CHOICES)[number];
}

export const augmentationTrainingDefaults: AugmentationTrainingParams = { perClass: '5' };

export const paramSpec = defineParams<AugmentationTrainingParams>({
  defaults: augmentationTrainingDefaults,
  validate: schema<AugmentationTrainingParams>({ perClass: oneOf(PER_CLASS_CHOICES) }, augmentationTrainingDefaults),
});
