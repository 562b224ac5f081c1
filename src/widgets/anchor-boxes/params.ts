// anchor-boxes: two anchor shapes per cell; each object goes to (midpoint cell, best-IoU anchor).
import { defineParams } from '../types';
import { schema } from '../params';

export type AnchorBoxesParams = Record<string, never>;

export const anchorBoxesDefaults: AnchorBoxesParams = {};

export const paramSpec = defineParams<AnchorBoxesParams>({
  defaults: anchorBoxesDefaults,
  validate: schema<AnchorBoxesParams>({}, anchorBoxesDefaults),
});
