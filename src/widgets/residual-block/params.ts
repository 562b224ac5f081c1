// residual-block: plain vs residual block, weights shrinking to 0, W_s projection (§14–15).
import { defineParams } from '../types';
import { schema } from '../params';

export type ResidualBlockParams = Record<string, never>;

export const paramSpec = defineParams<ResidualBlockParams>({
  defaults: {},
  validate: schema<ResidualBlockParams>({}, {}),
});
