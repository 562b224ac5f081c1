// gram-matrix: editable activations → live Gram matrices and the style cost (§41, lesson 44).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type GramMatrixParams = Record<string, never>;

export const gramMatrixWidget = defineWidget<GramMatrixParams>({
  component: lazy(() => import('./GramMatrix')),
  defaults: {},
  validate: schema<GramMatrixParams>({}, {}),
});
