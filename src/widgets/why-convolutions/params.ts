// why-convolutions: the 32×32×3 → 28×28×6 layer as a dense layer beside the conv layer (§11).
import { defineParams } from '../types';
import { schema } from '../params';

export type WhyConvolutionsParams = Record<string, never>;

export const paramSpec = defineParams<WhyConvolutionsParams>({
  defaults: {},
  validate: schema<WhyConvolutionsParams>({}, {}),
});
