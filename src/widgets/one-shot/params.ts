// one-shot: one-shot learning (course §32–36) on two data sets.
//   set 'glyphs'  the encoder is trained live on the characters of 11 writing systems and tested
//                 N-way on 4 scripts it never saw (ways: N of the test shown; identities: train
//                 on every training character, or on only 7 of them, as the digits have)
//   set 'digits'  trained on the digits 0–6, verification and recognition of 7/8/9: the
//                 experiment that shows why seven identities are too few
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const ONE_SHOT_SETS = ['glyphs', 'digits'] as const;
export const ONE_SHOT_WAYS = ['5', '20'] as const;
export const ONE_SHOT_IDENTITIES = ['many', 'few'] as const;
/** How many training characters 'few' keeps: as many as the digits version's classes 0–6. */
export const FEW_IDENTITIES = 7;

export interface OneShotParams extends Record<string, unknown> {
  set: (typeof ONE_SHOT_SETS)[number];
  ways: (typeof ONE_SHOT_WAYS)[number];
  identities: (typeof ONE_SHOT_IDENTITIES)[number];
}

export const oneShotDefaults: OneShotParams = { set: 'glyphs', ways: '5', identities: 'many' };

export const paramSpec = defineParams<OneShotParams>({
  defaults: oneShotDefaults,
  validate: schema<OneShotParams>({ set: oneOf(ONE_SHOT_SETS), ways: oneOf(ONE_SHOT_WAYS), identities: oneOf(ONE_SHOT_IDENTITIES) }, oneShotDefaults),
});
