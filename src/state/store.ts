// One zustand store built from slices. Slow-changing state only (settings, progress,
// widget params, job status); fast data (loss curves, frames) goes to canvases through
// subscriptions, never through React re-renders.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createProgressSlice, type ProgressSlice } from './progress';
import { bindComputeClient, createJobsSlice, type JobsSlice } from './jobs';
import { computeClient } from '../worker/client';

export type AppState = SettingsSlice & ProgressSlice & JobsSlice;

export const useStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSettingsSlice(...a),
      ...createProgressSlice(...a),
      ...createJobsSlice(...a),
    }),
    {
      name: 'convlab',
      version: 1,
      // Only what must survive a reload: language, theme choice, progress (never job status).
      partialize: (s) => ({ lang: s.lang, theme: s.theme, visited: s.visited, completed: s.completed, exercisesPassed: s.exercisesPassed }),
    },
  ),
);

// Worker status and job phases flow into the store (the worker itself starts on first use).
bindComputeClient(computeClient(), useStore);
