// pooling: max and average pooling, stepped through, channel by channel.
import { defineParams } from '../types';
import { int, oneOf, schema } from '../params';

export interface PoolingParams extends Record<string, unknown> {
  mode: 'max' | 'avg';
  f: number;
  s: number;
}

export const poolingDefaults: PoolingParams = { mode: 'max', f: 2, s: 2 };

export const paramSpec = defineParams<PoolingParams>({
  defaults: poolingDefaults,
  validate: schema<PoolingParams>({ mode: oneOf(['max', 'avg'] as const), f: int(1, 4), s: int(1, 4) }, poolingDefaults),
});
