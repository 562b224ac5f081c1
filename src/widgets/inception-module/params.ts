// inception-module: the four-branch module on 28×28×192 → 28×28×256 (§18).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type InceptionModuleParams = Record<string, never>;

export const inceptionModuleWidget = defineWidget<InceptionModuleParams>({
  component: lazy(() => import('./InceptionModule')),
  defaults: {},
  validate: schema<InceptionModuleParams>({}, {}),
});
