// conv-1d-3d: 1-D convolution on an EKG trace, 3-D convolution on a scan volume (§42).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export interface ConvNdParams extends Record<string, unknown> {
  mode: '1d' | '3d';
}

export const convNdDefaults: ConvNdParams = { mode: '1d' };

export const paramSpec = defineParams<ConvNdParams>({
  defaults: convNdDefaults,
  validate: schema<ConvNdParams>({ mode: oneOf(['1d', '3d'] as const) }, convNdDefaults),
});
