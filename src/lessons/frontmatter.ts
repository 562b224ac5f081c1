// Lesson frontmatter: the five keys a lesson must carry, validated with messages that name
// the file and the line, so a typo in a lesson is found where it was made.

export interface LessonMeta {
  id: string;
  title: string;
  week: number;
  order: number;
  summary: string;
}

export class LessonParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'LessonParseError';
  }
}

const KEYS = ['id', 'title', 'week', 'order', 'summary'] as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface SplitSource {
  meta: LessonMeta;
  /** The body after the closing `---`. */
  body: string;
  /** 1-based line number in the file of the body's first line. */
  bodyLine: number;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) {
    if (t[0] === '"') {
      try {
        return JSON.parse(t) as string;
      } catch {
        return t.slice(1, -1);
      }
    }
    return t.slice(1, -1).replace(/''/g, "'");
  }
  return t;
}

/** Split a lesson file into validated frontmatter and body. Throws LessonParseError. */
export function splitFrontmatter(source: string, file = 'lesson'): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new LessonParseError(file, 1, 'a lesson must start with a "---" frontmatter line');
  const end = lines.indexOf('---', 1);
  const endTrim = end >= 0 ? end : lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (endTrim < 0) throw new LessonParseError(file, 1, 'the frontmatter has no closing "---" line');
  const raw: Record<string, { value: string; line: number }> = {};
  for (let i = 1; i < endTrim; i++) {
    const line = lines[i];
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const m = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
    if (!m) throw new LessonParseError(file, i + 1, `expected "key: value", got ${JSON.stringify(line)}`);
    const key = m[1];
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new LessonParseError(file, i + 1, `unknown frontmatter key "${key}" (allowed: ${KEYS.join(', ')})`);
    }
    if (key in raw) throw new LessonParseError(file, i + 1, `frontmatter key "${key}" appears twice`);
    raw[key] = { value: unquote(m[2]), line: i + 1 };
  }
  for (const k of KEYS) {
    if (!raw[k] || raw[k].value === '') throw new LessonParseError(file, raw[k]?.line ?? 1, `frontmatter key "${k}" is missing or empty`);
  }
  const int = (k: 'week' | 'order', min: number, max: number): number => {
    const { value, line } = raw[k];
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new LessonParseError(file, line, `${k} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
    }
    return n;
  };
  if (!SLUG.test(raw.id.value)) {
    throw new LessonParseError(file, raw.id.line, `id must be a lower-case slug like "edge-detection", got ${JSON.stringify(raw.id.value)}`);
  }
  const meta: LessonMeta = {
    id: raw.id.value,
    title: raw.title.value,
    week: int('week', 1, 4),
    order: int('order', 1, 99),
    summary: raw.summary.value,
  };
  return { meta, body: lines.slice(endTrim + 1).join('\n'), bodyLine: endTrim + 2 };
}
