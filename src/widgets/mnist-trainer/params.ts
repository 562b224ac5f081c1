// mnist-trainer: train a CNN on real MNIST digits live in the worker, watch what it learns,
// draw a digit for it (issue 5; the lab page and lessons 08 and 10).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const TRAINER_PRESETS = ['lenet5', 'tiny', 'mlp'] as const;
export type TrainerPreset = (typeof TRAINER_PRESETS)[number];

export interface MnistTrainerParams extends Record<string, unknown> {
  preset: TrainerPreset;
}

export const mnistTrainerDefaults: MnistTrainerParams = { preset: 'lenet5' };

export const paramSpec = defineParams<MnistTrainerParams>({
  defaults: mnistTrainerDefaults,
  validate: schema<MnistTrainerParams>({ preset: oneOf(TRAINER_PRESETS) }, mnistTrainerDefaults),
});
