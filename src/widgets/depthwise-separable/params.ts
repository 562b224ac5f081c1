// depthwise-separable: normal vs depthwise + pointwise cost, and the MobileNet v2 block (lesson 19).
import { defineParams } from '../types';
import { schema } from '../params';

export type DepthwiseSeparableParams = Record<string, never>;

export const paramSpec = defineParams<DepthwiseSeparableParams>({
  defaults: {},
  validate: schema<DepthwiseSeparableParams>({}, {}),
});
