// resnet-vs-plain: a plain and a residual network of the same depth and width, trained side by
// side in the worker on the same MNIST batches (§14–15).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const DEPTH_CHOICES = ['8', '20', '32'] as const;
export const WIDTH_CHOICES = ['8', '16'] as const;

export interface ResnetVsPlainParams extends Record<string, unknown> {
  /** Conv layers per network. */
  depth: (typeof DEPTH_CHOICES)[number];
  /** Channels of every hidden conv layer. */
  width: (typeof WIDTH_CHOICES)[number];
}

export const resnetVsPlainDefaults: ResnetVsPlainParams = { depth: '32', width: '8' };

export const paramSpec = defineParams<ResnetVsPlainParams>({
  defaults: resnetVsPlainDefaults,
  validate: schema<ResnetVsPlainParams>({ depth: oneOf(DEPTH_CHOICES), width: oneOf(WIDTH_CHOICES) }, resnetVsPlainDefaults),
});
