// iou: intersection over union with two draggable boxes (issue 6, course §27). No params.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type IouParams = Record<string, never>;

export const iouDefaults: IouParams = {};

export const iouWidget = defineWidget<IouParams>({
  component: lazy(() => import('./Iou')),
  defaults: iouDefaults,
  validate: schema<IouParams>({}, iouDefaults),
});
