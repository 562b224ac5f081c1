import type { StateCreator } from 'zustand';
// The state layer sits below ui/, so it names the languages itself (ui/i18n.ts has the same
// union; tsc rejects a mismatch where the app passes one to the other).
export type Lang = 'en' | 'zh';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface SettingsSlice {
  lang: Lang;
  theme: ThemeChoice;
  presenter: boolean;
  setLang(lang: Lang): void;
  setTheme(theme: ThemeChoice): void;
  setPresenter(on: boolean): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a slice is built before the whole store type exists (zustand slices pattern)
export const createSettingsSlice: StateCreator<SettingsSlice & any, [], [], SettingsSlice> = (set) => ({
  lang: 'en',
  theme: 'system',
  presenter: false,
  setLang: (lang) => set({ lang }),
  setTheme: (theme) => set({ theme }),
  setPresenter: (presenter) => set({ presenter }),
});
