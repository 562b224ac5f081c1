// iou: intersection over union with two draggable boxes (course §27). No params.
import { defineParams } from '../types';
import { schema } from '../params';

export type IouParams = Record<string, never>;

export const iouDefaults: IouParams = {};

export const paramSpec = defineParams<IouParams>({
  defaults: iouDefaults,
  validate: schema<IouParams>({}, iouDefaults),
});
