// Lesson bodies, loaded on demand: one small chunk per lesson file.
import { parseLesson, type ParsedLesson } from './parse';
import type { LessonEntry } from './lessonIndex';

const bodies = import.meta.glob<string>('/lessons/*/*.md', { query: '?raw', import: 'default' });

const cache = new Map<string, Promise<ParsedLesson>>();

export function loadLesson(entry: LessonEntry): Promise<ParsedLesson> {
  const key = entry.file;
  let p = cache.get(key);
  if (!p) {
    const load = bodies[`/${entry.file}`];
    p = load
      ? load().then((src) => parseLesson(src, { file: entry.file, lang: entry.lang }))
      : Promise.reject(new Error(`lesson file ${entry.file} is not in the build`));
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}
