// localization-target { show: 'target' | 'train' }: the 8-number label y of classification with
// localization and its loss ('target'), or a localizer trained live on one-object scenes ('train').
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export type LocalizationTargetParams = { show: 'target' | 'train' };

export const localizationTargetDefaults: LocalizationTargetParams = { show: 'target' };

export const paramSpec = defineParams<LocalizationTargetParams>({
  defaults: localizationTargetDefaults,
  validate: schema<LocalizationTargetParams>({ show: oneOf(['target', 'train'] as const) }, localizationTargetDefaults),
});
