// What survives a reload (language, theme, lesson progress) and the check it passes on the
// way back in. localStorage is outside the app's control (another version, an extension, a
// hand edit), so every field is validated: good parts are kept, bad parts fall back to their
// default, and the names of the repaired parts are reported so the page can say so.
import type { Lang, ThemeChoice } from './settings';

export interface SavedState {
  lang: Lang;
  theme: ThemeChoice;
  visited: Record<string, true>;
  completed: Record<string, true>;
  /** lesson id → the code exercises (function names) passed in it. */
  exercisesPassed: Record<string, Record<string, true>>;
}

export type SavedPart = keyof SavedState;

/** The localStorage key (index.html's theme script reads the same key). */
export const SAVED_KEY = 'convlab';

const LANGS: readonly string[] = ['en', 'zh'];
const THEMES: readonly string[] = ['system', 'light', 'dark'];
/** Lesson ids are short slugs; anything else in a progress record is not ours. */
const LESSON_ID = /^[\w-]{1,120}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A set of lesson ids stored as { id: true }: keeps the good entries, says if any were bad. */
function lessonSet(v: unknown): { value: Record<string, true>; ok: boolean } {
  if (v === undefined) return { value: {}, ok: true };
  if (!isRecord(v)) return { value: {}, ok: false };
  const value: Record<string, true> = {};
  let ok = true;
  for (const [k, x] of Object.entries(v)) {
    if (x === true && LESSON_ID.test(k)) value[k] = true;
    else ok = false;
  }
  return { value, ok };
}

/**
 * Check a stored state (any JSON value) field by field. Missing fields are not errors (a
 * first visit stores nothing); present but unusable ones are repaired and listed.
 */
export function repairSaved(raw: unknown, defaults: Pick<SavedState, 'lang' | 'theme'>): { state: Partial<SavedState>; repaired: SavedPart[] } {
  const repaired: SavedPart[] = [];
  if (raw === undefined || raw === null) return { state: {}, repaired };
  if (!isRecord(raw)) return { state: { visited: {}, completed: {}, exercisesPassed: {} }, repaired: ['lang', 'theme', 'visited', 'completed', 'exercisesPassed'] };
  const state: Partial<SavedState> = {};
  if (raw.lang !== undefined) {
    if (typeof raw.lang === 'string' && LANGS.includes(raw.lang)) state.lang = raw.lang as Lang;
    else {
      state.lang = defaults.lang;
      repaired.push('lang');
    }
  }
  if (raw.theme !== undefined) {
    if (typeof raw.theme === 'string' && THEMES.includes(raw.theme)) state.theme = raw.theme as ThemeChoice;
    else {
      state.theme = defaults.theme;
      repaired.push('theme');
    }
  }
  for (const part of ['visited', 'completed'] as const) {
    const { value, ok } = lessonSet(raw[part]);
    state[part] = value;
    if (!ok) repaired.push(part);
  }
  const passed = exerciseSets(raw.exercisesPassed);
  state.exercisesPassed = passed.value;
  if (!passed.ok) repaired.push('exercisesPassed');
  return { state, repaired };
}

/** { lessonId: { functionName: true } }: keeps the good entries, says if any were bad. */
function exerciseSets(v: unknown): { value: Record<string, Record<string, true>>; ok: boolean } {
  if (v === undefined) return { value: {}, ok: true };
  if (!isRecord(v)) return { value: {}, ok: false };
  const value: Record<string, Record<string, true>> = {};
  let ok = true;
  for (const [lesson, fns] of Object.entries(v)) {
    const set = lessonSet(fns); // function names are short identifiers, like lesson ids
    if (LESSON_ID.test(lesson) && Object.keys(set.value).length) value[lesson] = set.value;
    if (!set.ok || !LESSON_ID.test(lesson)) ok = false;
  }
  return { value, ok };
}
