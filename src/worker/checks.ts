// Setting checks shared by the jobs that take them (each failure is a 'bad-setting' JobError
// naming the field, so the page can point at the control the user changed).
import { JobError } from './job';

/** A learning rate must be a finite number > 0 (the one rule, for the lab's field and the jobs). */
export function isLearningRate(lr: unknown): lr is number {
  return typeof lr === 'number' && Number.isFinite(lr) && lr > 0;
}

/** The learning rate, or a 'bad-setting' JobError naming the field. */
export function checkLearningRate(lr: unknown): number {
  if (!isLearningRate(lr)) {
    throw new JobError('bad-setting', `learning rate must be a positive number, got ${String(lr)}`, {
      name: 'learningRate',
      value: String(lr),
    });
  }
  return lr;
}
