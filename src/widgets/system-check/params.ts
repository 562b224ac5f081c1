// system-check: the instructor's classroom-machine check — does the compute worker run, how
// fast is the engine in this browser, and do pause / step / cancel / crash recovery work.
import { lazy } from 'react';
import { defineWidget } from '../types';
import { schema } from '../params';

export type SystemCheckParams = Record<string, never>;

export const systemCheck = defineWidget<SystemCheckParams>({
  component: lazy(() => import('./SystemCheck')),
  defaults: {},
  validate: schema<SystemCheckParams>({}, {}),
});
