// One zustand store built from slices. Slow-changing state only (settings, progress,
// widget params, job status); fast data (loss curves, frames) goes to canvases through
// subscriptions, never through React re-renders.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createProgressSlice, type ProgressSlice } from './progress';

export type AppState = SettingsSlice & ProgressSlice;

export const useStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createProgressSlice(...a),
    }),
    {
      name: 'convlab',
      version: 1,
      // Only what must survive a reload: language, theme choice, progress.
      partialize: (s) => ({ lang: s.lang, theme: s.theme, visited: s.visited, completed: s.completed }),
    },
  ),
);
