// Setting checks shared by the jobs that take them (each failure is a 'bad-setting' JobError
// naming the field, so the page can point at the control the user changed).
import { JobError } from './job';

/**
 * The largest learning rate accepted, typed or read from a model file. Far past any rate
 * that trains (the lab's networks diverge well below it, and the page says why), but it
 * keeps an absurd value such as 1e9 from being taken at face value.
 */
export const LEARNING_RATE_MAX = 1000;

/** A learning rate must be a number > 0 and ≤ LEARNING_RATE_MAX (the one rule, for the lab's field, the jobs and model files). */
export function isLearningRate(lr: unknown): lr is number {
  return typeof lr === 'number' && lr > 0 && lr <= LEARNING_RATE_MAX;
}

/** The learning rate, or a 'bad-setting' JobError naming the field. */
export function checkLearningRate(lr: unknown): number {
  if (!isLearningRate(lr)) {
    throw new JobError('bad-setting', `learning rate must be a positive number no larger than ${LEARNING_RATE_MAX}, got ${String(lr)}`, {
      name: 'learningRate',
      value: String(lr),
    });
  }
  return lr;
}
