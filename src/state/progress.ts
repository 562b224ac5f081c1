import type { StateCreator } from 'zustand';

export interface ProgressSlice {
  /** lesson id → true once opened */
  visited: Record<string, true>;
  /** lesson id → true once marked complete */
  completed: Record<string, true>;
  /** lesson id → exercise function → true once every test of its code exercise passed */
  exercisesPassed: Record<string, Record<string, true>>;
  markVisited(id: string): void;
  setCompleted(id: string, done: boolean): void;
  markExercisePassed(lesson: string, fn: string): void;
  resetProgress(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a slice is built before the whole store type exists (zustand slices pattern)
export const createProgressSlice: StateCreator<ProgressSlice & any, [], [], ProgressSlice> = (set) => ({
  visited: {},
  completed: {},
  exercisesPassed: {},
  markVisited: (id) => set((s: ProgressSlice) => (s.visited[id] ? s : { visited: { ...s.visited, [id]: true } })),
  setCompleted: (id, done) =>
    set((s: ProgressSlice) => {
      const completed = { ...s.completed };
      if (done) completed[id] = true;
      else delete completed[id];
      return { completed };
    }),
  markExercisePassed: (lesson, fn) =>
    set((s: ProgressSlice) =>
      s.exercisesPassed[lesson]?.[fn] ? s : { exercisesPassed: { ...s.exercisesPassed, [lesson]: { ...s.exercisesPassed[lesson], [fn]: true } } },
    ),
  resetProgress: () => set({ visited: {}, completed: {}, exercisesPassed: {} }),
});
