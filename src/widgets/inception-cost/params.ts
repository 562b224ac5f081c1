// inception-cost: the 5×5 branch on 28×28×192, direct vs through a 1×1 bottleneck (§17).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type InceptionCostParams = Record<string, never>;

export const inceptionCostWidget = defineWidget<InceptionCostParams>({
  component: lazy(() => import('./InceptionCost')),
  defaults: {},
  validate: schema<InceptionCostParams>({}, {}),
});
