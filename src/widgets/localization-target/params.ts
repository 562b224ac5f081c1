// localization-target: the 8-number label y of classification with localization, and its loss.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type LocalizationTargetParams = Record<string, never>;

export const localizationTargetDefaults: LocalizationTargetParams = {};

export const localizationTargetWidget = defineWidget<LocalizationTargetParams>({
  component: lazy(() => import('./LocalizationTarget')),
  defaults: localizationTargetDefaults,
  validate: schema<LocalizationTargetParams>({}, localizationTargetDefaults),
});
