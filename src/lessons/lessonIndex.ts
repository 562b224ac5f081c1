// The course's table of contents, from the lessons' frontmatter only (see vite-plugin.ts).
// This is the one lesson module in the first-load bundle: it must stay tiny.
import type { LessonMeta } from './frontmatter';
import type { LessonMetaModule } from './vite-plugin';
import type { Lang } from '../state/settings';

export interface LessonEntry extends LessonMeta {
  file: string;
  lang: Lang;
  widgets: readonly string[];
}

const modules = import.meta.glob<LessonMetaModule>('/lessons/*/*.md', { query: '?meta', import: 'default', eager: true });

const byLang: Record<Lang, LessonEntry[]> = { en: [], zh: [] };
const errors: string[] = [];
for (const m of Object.values(modules)) {
  if (m.lang !== 'en' && m.lang !== 'zh') continue;
  if (m.meta) byLang[m.lang].push({ ...m.meta, file: m.file, lang: m.lang, widgets: m.widgets ?? [] });
  else if (m.error) errors.push(m.error);
}
for (const list of Object.values(byLang)) list.sort((a, b) => a.week - b.week || a.order - b.order);

/** The lessons of one language in course order. */
export function lessonsOf(lang: Lang): readonly LessonEntry[] {
  return byLang[lang];
}

export function findLesson(lang: Lang, id: string): { lesson: LessonEntry; index: number; list: readonly LessonEntry[] } | null {
  const list = byLang[lang];
  const index = list.findIndex((l) => l.id === id);
  return index < 0 ? null : { lesson: list[index], index, list };
}

/** The first lesson (in course order) that shows a widget, or null. */
export function lessonWithWidget(lang: Lang, widget: string): LessonEntry | null {
  return byLang[lang].find((l) => l.widgets.includes(widget)) ?? null;
}

/** Frontmatter errors (file:line: reason) of lessons that could not be listed. */
export function lessonIndexErrors(): readonly string[] {
  return errors;
}

export const WEEKS = [1, 2, 3, 4] as const;
