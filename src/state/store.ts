// One zustand store built from slices. Slow-changing state only (settings, progress,
// widget params, job status); fast data (loss curves, frames) goes to canvases through
// subscriptions, never through React re-renders.
import { create } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createProgressSlice, type ProgressSlice } from './progress';
import { bindComputeClient, createJobsSlice, type JobsSlice } from './jobs';
import { repairSaved, SAVED_KEY, type SavedPart, type SavedState } from './savedState';
import { computeClient } from '../worker/client';

export interface SavedDataSlice {
  /** Parts of the saved state that could not be read on load and were reset (never persisted). */
  savedRepaired: SavedPart[];
  dismissSavedNotice(): void;
}

export type AppState = SettingsSlice & ProgressSlice & JobsSlice & SavedDataSlice;

// Unreadable JSON counts as "everything repaired"; a storage that throws (private mode, a
// disabled localStorage) means nothing is saved, and the app still works.
let unreadable = false;
const storage: PersistStorage<SavedState> = {
  getItem(name) {
    unreadable = false;
    let text: string | null;
    try {
      text = localStorage.getItem(name);
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      return JSON.parse(text) as StorageValue<SavedState>;
    } catch {
      unreadable = true;
      return null;
    }
  },
  setItem(name, value) {
    try {
      localStorage.setItem(name, JSON.stringify(value));
    } catch {
      /* quota or disabled: progress lasts until the tab closes */
    }
  },
  removeItem(name) {
    try {
      localStorage.removeItem(name);
    } catch {
      /* nothing stored anyway */
    }
  },
};

/** Forget everything saved on this device (progress, settings, the lab's autosaved models). */
export function resetSavedData(): void {
  storage.removeItem(SAVED_KEY);
  try {
    indexedDB.deleteDatabase('convlab');
  } catch {
    /* no IndexedDB here */
  }
}

export const useStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createProgressSlice(...a),
      ...createJobsSlice(...a),
      savedRepaired: [],
      dismissSavedNotice: () => a[0]({ savedRepaired: [] }),
    }),
    {
      name: SAVED_KEY,
      version: 1,
      storage,
      // Only what must survive a reload: language, theme choice, progress (never job status).
      partialize: (s) => ({ lang: s.lang, theme: s.theme, visited: s.visited, completed: s.completed, exercisesPassed: s.exercisesPassed }),
      // Another version's state is not trusted either: it goes through the same check.
      migrate: (persisted) => persisted as SavedState,
      merge(persisted, current) {
        const { state, repaired } = repairSaved(persisted, current);
        if (unreadable) repaired.splice(0, repaired.length, 'lang', 'theme', 'visited', 'completed', 'exercisesPassed');
        return { ...current, ...state, savedRepaired: repaired };
      },
    },
  ),
);

// Worker status and job phases flow into the store (the worker itself starts on first use).
bindComputeClient(computeClient(), useStore);
