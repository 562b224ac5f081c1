// Vite plugin: `lessons/**.md?meta` → a module exporting only the lesson's frontmatter.
// The course map eagerly imports these small modules; the full lesson bodies are loaded on
// demand with `?raw`, so the first load never carries 45 × 2 lesson texts.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { splitFrontmatter } from './frontmatter.ts';

export interface LessonMetaModule {
  /** Path of the file relative to the project root, e.g. lessons/en/04-padding.md */
  file: string;
  lang: string;
  meta: import('./frontmatter').LessonMeta | null;
  /** A readable frontmatter error (file:line: reason) — shown on the course map. */
  error: string | null;
  /** The widgets its ```widget blocks name, in order (an embed links back to the first lesson that has one). */
  widgets: string[];
}

export function widgetNames(source: string): string[] {
  return [...source.matchAll(/^```[ \t]*widget[ \t]+([^\s`]+)[ \t]*$/gm)].map((m) => m[1]);
}

export function lessonMetaPlugin(): Plugin {
  return {
    name: 'convlab-lesson-meta',
    enforce: 'pre',
    load(id) {
      const m = /^(.*\.md)\?meta$/.exec(id);
      if (!m) return null;
      const path = m[1];
      this.addWatchFile(path);
      const rel = path.replace(/\\/g, '/').replace(/^.*?\/(lessons\/[^/]+\/[^/]+\.md)$/, '$1');
      const lang = rel.split('/')[1] ?? '';
      let out: LessonMetaModule;
      const source = readFileSync(path, 'utf8');
      try {
        out = { file: rel, lang, meta: splitFrontmatter(source, rel).meta, error: null, widgets: widgetNames(source) };
      } catch (e) {
        out = { file: rel, lang, meta: null, error: e instanceof Error ? e.message : String(e), widgets: [] };
      }
      return `export default ${JSON.stringify(out)};`;
    },
  };
}
