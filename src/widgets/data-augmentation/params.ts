// data-augmentation: one picture, a grid of seeded augmented samples (mirror, random crop,
// rotation, shear, colour shift, PCA colour augmentation), the label of each (course §21).
import { defineParams } from '../types';
import { schema } from '../params';

export type DataAugmentationParams = Record<string, never>;

export const dataAugmentationDefaults: DataAugmentationParams = {};

export const paramSpec = defineParams<DataAugmentationParams>({
  defaults: dataAugmentationDefaults,
  validate: schema<DataAugmentationParams>({}, dataAugmentationDefaults),
});
