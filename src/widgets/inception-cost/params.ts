// inception-cost: the 5×5 branch on 28×28×192, direct vs through a 1×1 bottleneck (§17).
import { defineParams } from '../types';
import { schema } from '../params';

export type InceptionCostParams = Record<string, never>;

export const paramSpec = defineParams<InceptionCostParams>({
  defaults: {},
  validate: schema<InceptionCostParams>({}, {}),
});
