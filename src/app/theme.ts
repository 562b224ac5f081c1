// Light / dark theme: 'system' follows prefers-color-scheme live; the choice is persisted.
import { useEffect } from 'react';
import type { ThemeChoice } from '../state/settings';

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };

export function useApplyTheme(choice: ThemeChoice): void {
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const t = resolveTheme(choice, mq.matches);
      document.documentElement.dataset.theme = t;
      document.documentElement.style.colorScheme = t;
    };
    apply();
    mq.addEventListener('change', apply);
    return () => mq.removeEventListener('change', apply);
  }, [choice]);
}
