// one-by-one: a 1×1 convolution on 6×6×32 (network in network, §16).
import { defineParams } from '../types';
import { schema } from '../params';

export type OneByOneParams = Record<string, never>;

export const paramSpec = defineParams<OneByOneParams>({
  defaults: {},
  validate: schema<OneByOneParams>({}, {}),
});
