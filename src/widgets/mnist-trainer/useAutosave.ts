// Autosave of the lab's live model: the worker writes the model file (mnist-save) and it goes
// into IndexedDB under the trainer's slot, at most every AUTOSAVE_MS while training, and at
// once on a pause, when the page is hidden and when the widget goes away (force).
import { useCallback, useState, type RefObject } from 'react';
import { computeClient } from '../../worker/client';
import { saveModelFile } from '../shared/savedModels';
import type { TrainMnistProgress } from './job/train';

/** Autosave at most this often while training (and on every pause). */
const AUTOSAVE_MS = 10_000;

export function useAutosave(
  session: string,
  storageKey: string,
  last: RefObject<{ progress: TrainMnistProgress | null; savedStep: number; savedTime: number }>,
  alive: RefObject<boolean>,
) {
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const autosave = useCallback(
    async (force = false) => {
      const p = last.current.progress;
      if (!p || p.step === last.current.savedStep) return;
      if (!force && performance.now() - last.current.savedTime < AUTOSAVE_MS) return;
      last.current.savedTime = performance.now();
      last.current.savedStep = p.step;
      try {
        const r = await computeClient().request('mnist-save', { session });
        if ((await saveModelFile(storageKey, r.file)) && alive.current) setSavedAt(r.step);
      } catch {
        /* not saved this time; the next pause or interval tries again */
      }
    },
    [session, storageKey, last, alive],
  );
  return { savedAt, autosave };
}
