// transposed-conv: the lecture's 2×2 → 4×4 transposed convolution (f 3, s 2, p 1), stepped.
import { defineParams } from '../types';
import { schema } from '../params';

export type TransposedConvParams = Record<string, never>;

export const transposedConvDefaults: TransposedConvParams = {};

export const paramSpec = defineParams<TransposedConvParams>({
  defaults: transposedConvDefaults,
  validate: schema<TransposedConvParams>({}, transposedConvDefaults),
});
