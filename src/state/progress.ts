import type { StateCreator } from 'zustand';

export interface ProgressSlice {
  /** lesson id → true once opened */
  visited: Record<string, true>;
  /** lesson id → true once marked complete */
  completed: Record<string, true>;
  markVisited(id: string): void;
  setCompleted(id: string, done: boolean): void;
  resetProgress(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const createProgressSlice: StateCreator<ProgressSlice & any, [], [], ProgressSlice> = (set) => ({
  visited: {},
  completed: {},
  markVisited: (id) => set((s: ProgressSlice) => (s.visited[id] ? s : { visited: { ...s.visited, [id]: true } })),
  setCompleted: (id, done) =>
    set((s: ProgressSlice) => {
      const completed = { ...s.completed };
      if (done) completed[id] = true;
      else delete completed[id];
      return { completed };
    }),
  resetProgress: () => set({ visited: {}, completed: {} }),
});
