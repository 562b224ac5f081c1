// data-augmentation: one picture, a grid of seeded augmented samples (mirror, random crop,
// rotation, shear, colour shift, PCA colour augmentation), the label of each (course §21).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type DataAugmentationParams = Record<string, never>;

export const dataAugmentationDefaults: DataAugmentationParams = {};

export const dataAugmentationWidget = defineWidget<DataAugmentationParams>({
  component: lazy(() => import('./DataAugmentation')),
  defaults: dataAugmentationDefaults,
  validate: schema<DataAugmentationParams>({}, dataAugmentationDefaults),
});
