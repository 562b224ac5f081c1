// triplet-loss: a 2-D embedding plane with draggable anchor, positive and negative (course §35).
import { defineParams } from '../types';
import { num, schema } from '../params';

export interface TripletLossParams extends Record<string, unknown> {
  /** The margin α. */
  alpha: number;
}

export const tripletLossDefaults: TripletLossParams = { alpha: 0.2 };

export const paramSpec = defineParams<TripletLossParams>({
  defaults: tripletLossDefaults,
  validate: schema<TripletLossParams>({ alpha: num(0, 2) }, tripletLossDefaults),
});
