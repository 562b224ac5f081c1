// system-check: the instructor's classroom-machine check — does the compute worker run, how
// fast is the engine in this browser, and do pause / step / cancel / crash recovery work.
import { defineParams } from '../types';
import { schema } from '../params';

export type SystemCheckParams = Record<string, never>;

export const paramSpec = defineParams<SystemCheckParams>({
  defaults: {},
  validate: schema<SystemCheckParams>({}, {}),
});
