// region-proposals: R-CNN, Fast R-CNN and Faster R-CNN side by side on a seeded scene — the
// proposals drawn, which stage runs the ConvNet, forward passes and relative cost (course §31).
import { defineParams } from '../types';
import { schema } from '../params';

export type RegionProposalsParams = Record<string, never>;

export const regionProposalsDefaults: RegionProposalsParams = {};

export const paramSpec = defineParams<RegionProposalsParams>({
  defaults: regionProposalsDefaults,
  validate: schema<RegionProposalsParams>({}, regionProposalsDefaults),
});
