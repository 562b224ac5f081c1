// A lesson file → sections of rendered HTML and widget blocks. Pure (Node and browser).
//
//   ---frontmatter---            → meta (validated, see frontmatter.ts)
//   intro prose                  → section 0 (no heading)
//   ## Heading                   → a new section = one presenter slide
//   ```widget name  {json}  ```  → a widget block (bad JSON → an error block naming the line)
//   ```exercise fn  …  ```       → a code-exercise widget block (format in exerciseBlock.ts)
import { splitFrontmatter, type LessonMeta } from './frontmatter';
import { renderMarkdown } from './markdown';
import { parseExerciseBlock, type ExerciseText } from './exerciseBlock';

export type Block =
  | { kind: 'html'; html: string }
  | { kind: 'widget'; name: string; params: unknown; line: number; text?: ExerciseText }
  | { kind: 'error'; message: string; line: number };

export interface Section {
  /** null for the intro before the first `## ` heading. */
  title: string | null;
  /** Heading rendered as inline HTML (it may hold maths). */
  titleHtml: string | null;
  slug: string;
  blocks: Block[];
}

export interface Problem {
  line: number;
  message: string;
}

export interface ParsedLesson {
  meta: LessonMeta;
  sections: Section[];
  /** Everything that rendered as an error panel/span (the lesson test expects none). */
  problems: Problem[];
  widgets: { name: string; params: unknown; line: number; text?: ExerciseText }[];
}

const FENCE = /^(\s{0,3})(`{3,}|~{3,})\s*(.*)$/;

interface RawSection {
  title: string | null;
  line: number;
  lines: { text: string; line: number }[];
}

function splitSections(body: string, firstLine: number): RawSection[] {
  const sections: RawSection[] = [{ title: null, line: firstLine, lines: [] }];
  let fence: string | null = null;
  body.split('\n').forEach((text, i) => {
    const line = firstLine + i;
    const f = FENCE.exec(text);
    if (fence) {
      if (f && f[2][0] === fence[0] && f[2].length >= fence.length && f[3].trim() === '') fence = null;
    } else if (f) {
      fence = f[2];
    } else if (/^## /.test(text)) {
      sections.push({ title: text.slice(3).trim(), line, lines: [] });
      return;
    }
    sections[sections.length - 1].lines.push({ text, line });
  });
  return sections;
}

/** Parse a lesson. Throws LessonParseError for bad frontmatter; body problems are collected. */
export function parseLesson(source: string, opts: { file?: string; lang: 'en' | 'zh' }): ParsedLesson {
  const file = opts.file ?? 'lesson';
  const { meta, body, bodyLine } = splitFrontmatter(source, file);
  const problems: Problem[] = [];
  const widgets: ParsedLesson['widgets'] = [];
  const raw = splitSections(body, bodyLine);
  // Drop an empty intro (a lesson that starts with a heading).
  if (raw.length > 1 && raw[0].lines.every((l) => !l.text.trim())) raw.shift();

  const render = (text: string, line: number): string => {
    const env = { lang: opts.lang, problems: [] as string[] };
    const html = renderMarkdown(text, env);
    for (const m of env.problems) problems.push({ line: findLine(text, m, line), message: m });
    return html;
  };

  const sections: Section[] = raw.map((sec, index) => {
    const blocks: Block[] = [];
    let buf: { text: string; line: number }[] = [];
    const flush = () => {
      if (buf.some((l) => l.text.trim())) blocks.push({ kind: 'html', html: render(buf.map((l) => l.text).join('\n'), buf[0].line) });
      buf = [];
    };
    for (let i = 0; i < sec.lines.length; i++) {
      const { text, line } = sec.lines[i];
      const m = /^```\s*(widget|exercise)\s+([^\s`]+)\s*$/.exec(text.trim());
      if (!m) {
        buf.push(sec.lines[i]);
        continue;
      }
      flush();
      const json: string[] = [];
      let j = i + 1;
      for (; j < sec.lines.length && sec.lines[j].text.trim() !== '```'; j++) json.push(sec.lines[j].text);
      i = j;
      const name = m[2];
      if (j >= sec.lines.length) {
        const message = `${file}:${line}: ${m[1]} block "${name}" has no closing \`\`\` line`;
        problems.push({ line, message });
        blocks.push({ kind: 'error', message, line });
        continue;
      }
      if (m[1] === 'exercise') {
        try {
          const ex = parseExerciseBlock(name, json, meta.id, (md) => render(md, line + 1));
          widgets.push({ name: 'code-exercise', params: ex.params, line, text: ex.text });
          blocks.push({ kind: 'widget', name: 'code-exercise', params: ex.params, line, text: ex.text });
        } catch (e) {
          const message = `${file}:${line}: exercise "${name}": ${(e as Error).message}`;
          problems.push({ line, message });
          blocks.push({ kind: 'error', message, line });
        }
        continue;
      }
      const text2 = json.join('\n').trim() || '{}';
      try {
        const params: unknown = JSON.parse(text2);
        if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new Error('params must be a JSON object');
        widgets.push({ name, params, line });
        blocks.push({ kind: 'widget', name, params, line });
      } catch (e) {
        const message = `${file}:${line}: widget "${name}" has invalid JSON params: ${(e as Error).message}`;
        problems.push({ line, message });
        blocks.push({ kind: 'error', message, line });
      }
    }
    flush();
    let titleHtml: string | null = null;
    if (sec.title !== null) {
      const html = render(sec.title, sec.line).trim();
      titleHtml = html.replace(/^<p>/, '').replace(/<\/p>$/, '');
    }
    return { title: sec.title, titleHtml, slug: index === 0 && sec.title === null ? 'intro' : `s${index}`, blocks };
  });
  return { meta, sections, problems, widgets };
}

/** Best guess of the file line a render problem comes from (its expression's first occurrence). */
function findLine(text: string, message: string, firstLine: number): number {
  const expr = /^\{\{ (.*) \}\}:/.exec(message)?.[1] ?? /^TeX error in \$(.*?)\$:/.exec(message)?.[1];
  if (!expr) return firstLine;
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(expr));
  return i < 0 ? firstLine : firstLine + i;
}

/** Plain text of a heading (for the contents list and slide titles). */
export function headingText(title: string): string {
  return title.replace(/\$([^$]*)\$/g, '$1').replace(/[*_`]/g, '');
}
