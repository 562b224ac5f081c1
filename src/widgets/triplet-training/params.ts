// triplet-training: train a 2-D embedding of MNIST digits with the triplet loss, live (course §34–35).
import { defineParams } from '../types';
import { oneOf, schema } from '../params';
import type { Mining } from '../shared/job/embedding/mining';

export interface TripletTrainingParams extends Record<string, unknown> {
  mining: Mining;
}

export const tripletTrainingDefaults: TripletTrainingParams = { mining: 'semi-hard' };

export const paramSpec = defineParams<TripletTrainingParams>({
  defaults: tripletTrainingDefaults,
  validate: schema<TripletTrainingParams>({ mining: oneOf(['random', 'semi-hard', 'hard'] as const) }, tripletTrainingDefaults),
});
