// depthwise-separable: normal vs depthwise + pointwise cost, and the MobileNet v2 block (lesson 19).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type DepthwiseSeparableParams = Record<string, never>;

export const depthwiseSeparableWidget = defineWidget<DepthwiseSeparableParams>({
  component: lazy(() => import('./DepthwiseSeparable')),
  defaults: {},
  validate: schema<DepthwiseSeparableParams>({}, {}),
});
