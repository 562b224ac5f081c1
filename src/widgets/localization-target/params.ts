// localization-target: the 8-number label y of classification with localization, and its loss.
import { defineParams } from '../types';
import { schema } from '../params';

export type LocalizationTargetParams = Record<string, never>;

export const localizationTargetDefaults: LocalizationTargetParams = {};

export const paramSpec = defineParams<LocalizationTargetParams>({
  defaults: localizationTargetDefaults,
  validate: schema<LocalizationTargetParams>({}, localizationTargetDefaults),
});
