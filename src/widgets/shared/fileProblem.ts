// Why a model file was rejected, in the reader's language. The engine and the jobs attach a
// problem code to a rejected file (see ModelFileError in engine/nn/fileFormat.ts); the English
// message with its exact numbers stays the fallback for a code the page does not know.
import { fmt } from '../../ui/i18n';
import type { fileProblemStrings } from './strings';

type Strings = (typeof fileProblemStrings)['en'];

/** The reason a file was rejected, from the error's values (problem code + numbers); else `fallback`. */
export function fileProblemText(t: Strings, values: Record<string, string | number> | undefined, fallback: string): string {
  const code = values?.problem;
  if (typeof code !== 'string' || !(code in t)) return fallback;
  return fmt(t[code as keyof Strings], values ?? {});
}
