// learn-filter: gradient descent, live in the worker, learns a 3×3 filter that reproduces a
// target edge filter's output.
import { defineParams } from '../types';
import { oneOf, schema } from '../params';

export const LEARN_TARGETS = ['vertical', 'horizontal', 'sobel-vertical', 'sobel-horizontal', 'scharr-vertical'] as const;
export type LearnTarget = (typeof LEARN_TARGETS)[number];

export interface LearnFilterParams extends Record<string, unknown> {
  target: LearnTarget;
}

export const learnFilterDefaults: LearnFilterParams = { target: 'sobel-vertical' };

export const paramSpec = defineParams<LearnFilterParams>({
  defaults: learnFilterDefaults,
  validate: schema<LearnFilterParams>({ target: oneOf(LEARN_TARGETS) }, learnFilterDefaults),
});
