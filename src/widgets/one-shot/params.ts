// one-shot: verification and recognition with a learnt embedding on digit classes never seen in
// training, plus the §36 binary-classification form (course §32–36). No params.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type OneShotParams = Record<string, never>;

export const oneShotDefaults: OneShotParams = {};

export const oneShotWidget = defineWidget<OneShotParams>({
  component: lazy(() => import('./OneShot')),
  defaults: oneShotDefaults,
  validate: schema<OneShotParams>({}, oneShotDefaults),
});
