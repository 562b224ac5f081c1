// gram-matrix: editable activations → live Gram matrices and the style cost (§41, lesson 44).
import { defineParams } from '../types';
import { schema } from '../params';

export type GramMatrixParams = Record<string, never>;

export const paramSpec = defineParams<GramMatrixParams>({
  defaults: {},
  validate: schema<GramMatrixParams>({}, {}),
});
