// transfer-learning: a new softmax head on frozen ImageNet ResNet-50 features vs a small CNN
// from scratch, on the same few generated pictures per class (§21).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

/** Training pictures per class the page offers. */
export const PER_CLASS_CHOICES = ['2', '5', '20'] as const;
/** Seed of the training pictures (the page draws the same ones the job trains on). */
export const TRAIN_SEED = 1;
export const PICTURE_SIZE = 64;

export interface TransferLearningParams extends Record<string, unknown> {
  perClass: (typeof PER_CLASS_CHOICES)[number];
}

export const transferLearningDefaults: TransferLearningParams = { perClass: '5' };

export const paramSpec = defineParams<TransferLearningParams>({
  defaults: transferLearningDefaults,
  validate: schema<TransferLearningParams>({ perClass: oneOf(PER_CLASS_CHOICES) }, transferLearningDefaults),
});
