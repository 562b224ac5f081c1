// cnn-features: what the units of a trained CNN respond to (course §38) — each conv unit's nine
// most exciting test patches (Zeiler & Fergus) and an input optimised by gradient ascent. No params.
import { defineParams } from '../types';
import { schema } from '../params';

export type CnnFeaturesParams = Record<string, never>;

export const cnnFeaturesDefaults: CnnFeaturesParams = {};

export const paramSpec = defineParams<CnnFeaturesParams>({
  defaults: cnnFeaturesDefaults,
  validate: schema<CnnFeaturesParams>({}, cnnFeaturesDefaults),
});
