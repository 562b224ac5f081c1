// inception-module: the four-branch module on 28×28×192 → 28×28×256 (§18).
import { defineParams } from '../types';
import { schema } from '../params';

export type InceptionModuleParams = Record<string, never>;

export const paramSpec = defineParams<InceptionModuleParams>({
  defaults: {},
  validate: schema<InceptionModuleParams>({}, {}),
});
