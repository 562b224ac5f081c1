// why-convolutions: the 32×32×3 → 28×28×6 layer as a dense layer beside the conv layer (§11).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type WhyConvolutionsParams = Record<string, never>;

export const whyConvolutions = defineWidget<WhyConvolutionsParams>({
  component: lazy(() => import('./WhyConvolutions')),
  defaults: {},
  validate: schema<WhyConvolutionsParams>({}, {}),
});
