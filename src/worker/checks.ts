// Setting checks shared by the jobs that take them (each failure is a 'bad-setting' JobError
// naming the field, so the page can point at the control the user changed).
import { JobError } from './job';

/** A learning rate must be a finite number > 0. */
export function checkLearningRate(lr: unknown): number {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new JobError('bad-setting', `learning rate must be a positive number, got ${String(lr)}`, {
      name: 'learningRate',
      value: String(lr),
    });
  }
  return lr;
}
