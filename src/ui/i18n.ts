// Two languages, always. Every module that shows text defines its strings once for both
// languages with defineStrings(en, zh): the type makes zh carry exactly en's keys, so tsc
// keeps the languages in step; test/i18n.test.ts checks the values are non-empty.
import { createContext, useContext } from 'react';

import type { Lang } from '../state/settings';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'zh'];

export type Strings<T extends Record<string, string>> = { en: T; zh: { [K in keyof T]: string } };

const allStrings: Strings<Record<string, string>>[] = [];

/** Declare a module's UI strings in English and Simplified Chinese (same keys). */
export function defineStrings<T extends Record<string, string>>(en: T, zh: { [K in keyof T]: string }): Strings<T> {
  const s = { en, zh };
  allStrings.push(s as unknown as Strings<Record<string, string>>);
  return s;
}

/** Every dictionary defined so far (for the language test). */
export function registeredStrings(): readonly Strings<Record<string, string>>[] {
  return allStrings;
}

/** Fill {name} placeholders: fmt('n = {n}', { n: 3 }). */
export function fmt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export const LangContext = createContext<Lang>('en');

export function useLang(): Lang {
  return useContext(LangContext);
}

/** The current language's strings of a dictionary made by defineStrings. */
export function useStrings<T extends Record<string, string>>(s: Strings<T>): { [K in keyof T]: string } {
  const lang = useContext(LangContext);
  return lang === 'zh' ? s.zh : s.en;
}
