// mnist-trainer: train a CNN on real MNIST digits live in the worker, watch what it learns,
// draw a digit for it (the lab page and lessons 08 and 10).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';
import { PRESETS, type Preset } from '../../data/mnistPresets';

export interface MnistTrainerParams extends Record<string, unknown> {
  preset: Preset;
}

export const mnistTrainerDefaults: MnistTrainerParams = { preset: 'lenet5' };

export const paramSpec = defineParams<MnistTrainerParams>({
  defaults: mnistTrainerDefaults,
  validate: schema<MnistTrainerParams>({ preset: oneOf(PRESETS) }, mnistTrainerDefaults),
});
