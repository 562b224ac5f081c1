// region-proposals { trained?: boolean }: R-CNN, Fast R-CNN and Faster R-CNN side by side on a
// seeded scene — the proposals drawn, which stage runs the ConvNet, forward passes and relative
// cost (course §31); trained: real selective-search proposals classified by a trained network,
// R-CNN style and in one pass, counted and timed.
import { defineParams } from '../types';
import { bool, schema } from '../params';

export type RegionProposalsParams = { trained: boolean };

export const regionProposalsDefaults: RegionProposalsParams = { trained: false };

export const paramSpec = defineParams<RegionProposalsParams>({
  defaults: regionProposalsDefaults,
  validate: schema<RegionProposalsParams>({ trained: bool() }, regionProposalsDefaults),
});
