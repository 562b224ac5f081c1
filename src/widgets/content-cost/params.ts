// content-cost: the activations of C and G at one layer of ResNet-50's first stages, channel
// by channel, and J_content = ½‖a[l](C) − a[l](G)‖² as G moves away from C (lesson 43).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const CC_LAYERS = ['conv1', 'pool1', 'res2a', 'res2b', 'res2c'] as const;

export interface ContentCostParams extends Record<string, unknown> {
  layer: (typeof CC_LAYERS)[number];
}

export const contentCostDefaults: ContentCostParams = { layer: 'res2b' };

export const paramSpec = defineParams<ContentCostParams>({
  defaults: contentCostDefaults,
  validate: schema<ContentCostParams>({ layer: oneOf(CC_LAYERS) }, contentCostDefaults),
});
