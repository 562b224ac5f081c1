// triplet-training: train a 2-D embedding of MNIST digits with the triplet loss, live (course §34–35).
import { lazy } from 'react';
import { defineWidget } from '../types';
import { oneOf, schema } from '../params';
import type { Mining } from './job/mining';

export interface TripletTrainingParams extends Record<string, unknown> {
  mining: Mining;
}

export const tripletTrainingDefaults: TripletTrainingParams = { mining: 'semi-hard' };

export const tripletTrainingWidget = defineWidget<TripletTrainingParams>({
  component: lazy(() => import('./TripletTraining')),
  defaults: tripletTrainingDefaults,
  validate: schema<TripletTrainingParams>({ mining: oneOf(['random', 'semi-hard', 'hard'] as const) }, tripletTrainingDefaults),
});
