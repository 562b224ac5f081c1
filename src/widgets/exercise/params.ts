// exercise: a self-check question with freshly drawn numbers, checked in the page.
import { defineParams } from '../types';
import { oneOf, schema } from '../params';
import { EXERCISE_KINDS, type ExerciseKind } from './view/types';

export interface ExerciseParams extends Record<string, unknown> {
  kind: ExerciseKind;
}

export const exerciseDefaults: ExerciseParams = { kind: 'output-size' };

export const paramSpec = defineParams<ExerciseParams>({
  defaults: exerciseDefaults,
  validate: schema<ExerciseParams>({ kind: oneOf(EXERCISE_KINDS) }, exerciseDefaults),
});
