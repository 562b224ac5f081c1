// anchor-boxes: two anchor shapes per cell; each object goes to (midpoint cell, best-IoU anchor).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type AnchorBoxesParams = Record<string, never>;

export const anchorBoxesDefaults: AnchorBoxesParams = {};

export const anchorBoxesWidget = defineWidget<AnchorBoxesParams>({
  component: lazy(() => import('./AnchorBoxes')),
  defaults: anchorBoxesDefaults,
  validate: schema<AnchorBoxesParams>({}, anchorBoxesDefaults),
});
