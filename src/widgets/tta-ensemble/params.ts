// tta-ensemble: test-time augmentation (multi-crop) and a small ensemble on networks trained
// live, with the accuracy each buys and what it costs at test time (§23).
import { defineParams } from '../types';
import { schema } from '../params';

export type TtaEnsembleParams = Record<string, never>;

/** Networks in the ensemble (same architecture, different starting weights). */
export const ENSEMBLE_SIZE = 3;
export const PER_CLASS = 10;
export const TRAIN_SEED = 1;
export const PICTURE_SIZE = 64;

export const paramSpec = defineParams<TtaEnsembleParams>({
  defaults: {},
  validate: schema<TtaEnsembleParams>({}, {}),
});
