// Markdown that parses but renders wrong: a display formula ($$…$$) written at column 0
// inside a numbered list ends the list, so the next step is either swallowed into a paragraph
// ("…L-BFGS).\n4. After many steps…") or starts a second list at 3. Checked twice: in the
// source (the formula line must be indented under its item) and in the rendered HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parse';

const ROOT = join(__dirname, '..', '..', 'lessons');
const ITEM = /^(\s*)(\d+[.)]|[-*+])\s+/;

/** Source rule: an unindented $$ line that belongs to, or splits, a list. */
function lintListMath(src: string): string[] {
  const lines = src.split('\n');
  const problems: string[] = [];
  let fence = false;
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || !line.startsWith('$$')) return;
    // Walk up the paragraph this line would continue.
    let j = i - 1;
    while (j >= 0 && lines[j].trim() && !ITEM.test(lines[j])) j--;
    const glued = j >= 0 && lines[j].trim() !== '' && ITEM.test(lines[j]) && lines.slice(j + 1, i).every((l) => l.trim());
    // Or: a list before it (after blank lines) and the same list going on after the formula.
    let end = i;
    if (!(line.trim().length > 2 && line.trim().endsWith('$$'))) while (end + 1 < lines.length && !lines[++end].trim().endsWith('$$'));
    let k = end + 1;
    while (k < lines.length && !ITEM.test(lines[k]) && !/^\s*$/.test(lines[k]) && !/^#|^>|^```/.test(lines[k])) k++;
    while (k < lines.length && !lines[k].trim()) k++;
    const before = j >= 0 && ITEM.test(lines[j]) ? ITEM.exec(lines[j])! : null;
    const after = k < lines.length ? ITEM.exec(lines[k]) : null;
    const splits = before && after && /\d/.test(before[2]) === /\d/.test(after[2]) && before[1] === after[1];
    if (glued || splits) problems.push(`line ${i + 1}: "$$" at column 0 ${glued ? 'right after a list item' : 'between two items of one list'}; indent it under the item`);
  });
  return problems;
}

/** Rendered rule: no list that restarts at N > 1, no "N. " step swallowed into a paragraph. */
function lintRendered(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<ol start="(\d+)"/g)) problems.push(`a numbered list restarts at ${m[1]}`);
  for (const m of html.matchAll(/<p>((?:(?!<\/p>)[\s\S])*)<\/p>/g)) {
    const lost = /\n(?:\d+\.|[-*+]) [^\s<]*/.exec(m[1]);
    if (lost) problems.push(`a list item "${lost[0].trim()}…" rendered as plain text`);
  }
  return problems;
}

function lintFile(src: string, lang: 'en' | 'zh', file: string): string[] {
  const parsed = parseLesson(src, { file, lang });
  const html = parsed.sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'html' ? b.html : ''))).join('\n');
  return [...lintListMath(src), ...lintRendered(html)].map((p) => `${file}: ${p}`);
}

const FRONT = '---\nid: x\ntitle: X\nweek: 1\norder: 1\nsummary: X.\n---\n\n## Steps\n\n';

describe('markdown lint', () => {
  it('catches the old mistakes (lesson 42: step 4 lost; lesson 40: list split at 3)', () => {
    const lost = FRONT + '1. One.\n2. Two:\n$$G := G - 1$$\n(in practice with Adam).\n3. After many steps.\n';
    const split = FRONT + '1. One.\n2. Define:\n$$J = 1$$\n3. Initialise.\n4. Descend.\n';
    expect(lintFile(lost, 'en', 'lost.md')).toEqual([
      'lost.md: line 13: "$$" at column 0 right after a list item; indent it under the item',
      'lost.md: a list item "3. After…" rendered as plain text',
    ]);
    expect(lintFile(split, 'en', 'split.md')).toEqual([
      'split.md: line 13: "$$" at column 0 right after a list item; indent it under the item',
      'split.md: a numbered list restarts at 3',
    ]);
  });
  it('accepts the formula indented under its item, and a formula after a finished list', () => {
    const good = FRONT + '1. One.\n2. Two:\n   $$G := G - 1$$\n   (in practice with Adam).\n3. After many steps.\n';
    const after = FRONT + '1. One.\n2. Two.\n\nSo:\n$$J = 1$$\n';
    expect(lintFile(good, 'en', 'good.md')).toEqual([]);
    expect(lintFile(after, 'en', 'after.md')).toEqual([]);
  });
  for (const lang of ['en', 'zh'] as const) {
    it(`lessons/${lang}: no list broken by an unindented line`, () => {
      const dir = join(ROOT, lang);
      const bad = readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .flatMap((f) => lintFile(readFileSync(join(dir, f), 'utf8'), lang, `lessons/${lang}/${f}`));
      expect(bad).toEqual([]);
    });
  }
});
