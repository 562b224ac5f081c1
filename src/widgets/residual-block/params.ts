// residual-block: plain vs residual block, weights shrinking to 0, W_s projection (§14–15).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type ResidualBlockParams = Record<string, never>;

export const residualBlockWidget = defineWidget<ResidualBlockParams>({
  component: lazy(() => import('./ResidualBlock')),
  defaults: {},
  validate: schema<ResidualBlockParams>({}, {}),
});
