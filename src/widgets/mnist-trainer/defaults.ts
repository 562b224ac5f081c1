// The settings each architecture starts with. The worker's table (worker/jobs/mnist/presets)
// is the source; widgets may only import worker *types*, so this copy is checked equal to it
// by test/widgets/mnist-trainer.test.ts.
import type { OptimiserKind, Preset, TrainSettings } from '../../data/mnistPresets';

export const OPTIMISER_KINDS: readonly OptimiserKind[] = ['sgd', 'momentum', 'adam'];

export const DEFAULT_SETTINGS: Record<Preset, TrainSettings> = {
  lenet5: { learningRate: 3e-3, batchSize: 16, optimiser: 'adam', augment: false },
  tiny: { learningRate: 3e-3, batchSize: 32, optimiser: 'adam', augment: false },
  mlp: { learningRate: 1e-3, batchSize: 32, optimiser: 'adam', augment: false },
};
