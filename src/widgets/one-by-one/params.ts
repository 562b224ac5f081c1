// one-by-one: a 1×1 convolution on 6×6×32 (network in network, §16).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type OneByOneParams = Record<string, never>;

export const oneByOneWidget = defineWidget<OneByOneParams>({
  component: lazy(() => import('./OneByOne')),
  defaults: {},
  validate: schema<OneByOneParams>({}, {}),
});
