// one-shot: verification and recognition with a learnt embedding on digit classes never seen in
// training, plus the §36 binary-classification form (course §32–36). No params.
import { defineParams } from '../types';
import { schema } from '../params';

export type OneShotParams = Record<string, never>;

export const oneShotDefaults: OneShotParams = {};

export const paramSpec = defineParams<OneShotParams>({
  defaults: oneShotDefaults,
  validate: schema<OneShotParams>({}, oneShotDefaults),
});
