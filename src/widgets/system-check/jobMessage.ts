// A worker error, said in the reader's language: known codes get a sentence of their own,
// anything else shows the worker's (English) message inside a translated frame.
import { fmt } from '../../ui/i18n';
import type { WorkerError } from '../../worker/protocol';
import type { systemCheckStrings } from './strings';

type T = (typeof systemCheckStrings)['en'];

export function describeJobError(e: WorkerError, t: T): string {
  switch (e.code) {
    case 'non-finite-loss':
      return fmt(t.diverged, { step: e.values?.step ?? '?' });
    case 'worker-restarted':
      return t.jobWorkerRestarted;
    case 'worker-unavailable':
      return t.jobWorkerUnavailable;
    case 'bad-setting':
      return fmt(t.badSetting, { msg: e.message });
    default:
      return fmt(t.jobFailed, { msg: e.message });
  }
}
