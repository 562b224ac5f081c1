// The course as lesson files: every file parses cleanly in both languages, the two languages
// carry the same lessons with the same widgets, and every widget is registered or pending.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLesson, type ParsedLesson } from '../src/lessons/parse';
import { registry, isRegistered } from '../src/widgets/registry';
import { fixZhPunctuation } from '../scripts/zh-punctuation.mjs';

const LANGS = ['en', 'zh'] as const;
const root = join(__dirname, '..', 'lessons');

type Loaded = { file: string; parsed: ParsedLesson | null; error: string | null };

function loadLang(lang: 'en' | 'zh'): Loaded[] {
  return readdirSync(join(root, lang))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const file = `lessons/${lang}/${f}`;
      try {
        return { file, parsed: parseLesson(readFileSync(join(root, lang, f), 'utf8'), { file, lang }), error: null };
      } catch (e) {
        return { file, parsed: null, error: (e as Error).message };
      }
    });
}

const loaded = { en: loadLang('en'), zh: loadLang('zh') };
const ok = (lang: 'en' | 'zh') => loaded[lang].filter((l) => l.parsed).map((l) => ({ file: l.file, ...l.parsed! }));

describe.each(LANGS)('lessons/%s', (lang) => {
  it('has at least 45 lessons covering weeks 1–4', () => {
    expect(loaded[lang].length).toBeGreaterThanOrEqual(45);
    expect([...new Set(ok(lang).map((l) => l.meta.week))].sort()).toEqual([1, 2, 3, 4]);
  });

  it('every file parses, with no bad JSON, TeX or {{…}} number', () => {
    const errors = loaded[lang].flatMap((l) =>
      l.error ? [l.error] : l.parsed!.problems.map((p) => `${l.file}:${p.line}: ${p.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('file names are NN-<id>.md with NN = order; ids and orders are unique', () => {
    const bad = ok(lang)
      .filter((l) => !l.file.endsWith(`/${String(l.meta.order).padStart(2, '0')}-${l.meta.id}.md`))
      .map((l) => `${l.file}: id ${l.meta.id}, order ${l.meta.order}`);
    expect(bad).toEqual([]);
    const ids = ok(lang).map((l) => l.meta.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const orders = ok(lang).map((l) => l.meta.order);
    expect(orders.filter((o, i) => orders.indexOf(o) !== i)).toEqual([]);
  });

  it('weeks follow the course order (week never decreases as order grows)', () => {
    const ls = ok(lang).sort((a, b) => a.meta.order - b.meta.order);
    const bad = ls.filter((l, i) => i > 0 && l.meta.week < ls[i - 1].meta.week).map((l) => l.file);
    expect(bad).toEqual([]);
  });

  it('every lesson has at least three ## sections (presenter slides)', () => {
    const bad = ok(lang).filter((l) => l.sections.filter((s) => s.title !== null).length < 3).map((l) => l.file);
    expect(bad).toEqual([]);
  });

  it('every widget is registered and accepts its params', () => {
    const problems: string[] = [];
    for (const l of ok(lang)) {
      for (const w of l.widgets) {
        if (isRegistered(w.name)) {
          const v = registry[w.name].validate(w.params);
          if (!v.ok) problems.push(`${l.file}:${w.line}: ${w.name}: ${v.errors.join('; ')}`);
        } else problems.push(`${l.file}:${w.line}: unknown widget "${w.name}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** The "Check yourself" section's HTML (its heading differs by language). */
const CHECK_TITLE = { en: 'Check yourself', zh: '自测' } as const;
function checkSection(l: ParsedLesson, lang: 'en' | 'zh') {
  const sec = l.sections.find((s) => s.title === CHECK_TITLE[lang]);
  if (!sec) return null;
  const html = sec.blocks.flatMap((b) => (b.kind === 'html' ? [b.html] : [])).join('\n');
  const exercises = sec.blocks.filter((b) => b.kind === 'widget' && b.name === 'exercise').length;
  // Each numbered question: an <li> of an <ol> in this section.
  const questions = [...html.matchAll(/<ol[^>]*>([\s\S]*?)<\/ol>/g)].flatMap((m) => m[1].split(/<li>/).slice(1));
  return { html, exercises, questions, answers: (html.match(/<details class="answer">/g) ?? []).length };
}

describe.each(LANGS)('self-checks in lessons/%s', (lang) => {
  it('every lesson ends with a "Check yourself" section with at least one question whose answer can be revealed', () => {
    const bad = ok(lang).flatMap((l) => {
      const c = checkSection(l, lang);
      if (!c) return [`${l.file}: no "${CHECK_TITLE[lang]}" section`];
      return c.answers === 0 ? [`${l.file}: no revealable answer (a "?> " line under a question)`] : [];
    });
    expect(bad).toEqual([]);
  });
  it('every numbered question in "Check yourself" has its own revealable answer', () => {
    const bad = ok(lang).flatMap((l) => {
      const c = checkSection(l, lang);
      return (c?.questions ?? [])
        .map((q, i) => [q, i] as const)
        .filter(([q]) => (q.match(/<details class="answer">/g) ?? []).length !== 1)
        .map(([, i]) => `${l.file}: question ${i + 1} has no answer (or more than one)`);
    });
    expect(bad).toEqual([]);
  });
});

describe('English and Chinese agree', () => {
  const byId = (lang: 'en' | 'zh') => new Map(ok(lang).map((l) => [l.meta.id, l]));
  const en = byId('en');
  const zh = byId('zh');

  it('same lesson ids', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('same week, order and file name for each id', () => {
    const bad = [...en.values()]
      .filter((l) => zh.has(l.meta.id))
      .filter((l) => {
        const z = zh.get(l.meta.id)!;
        return z.meta.week !== l.meta.week || z.meta.order !== l.meta.order || z.file.replace('/zh/', '/en/') !== l.file;
      })
      .map((l) => l.meta.id);
    expect(bad).toEqual([]);
  });

  it('same widget blocks (names and params) in the same order', () => {
    const bad: string[] = [];
    for (const l of en.values()) {
      const z = zh.get(l.meta.id);
      if (!z) continue;
      const a = JSON.stringify(l.widgets.map((w) => [w.name, w.params]));
      const b = JSON.stringify(z.widgets.map((w) => [w.name, w.params]));
      if (a !== b) bad.push(`${l.meta.id}:\n  en ${a}\n  zh ${b}`);
    }
    expect(bad).toEqual([]);
  });

  it('the same number of self-check questions and answers in both languages', () => {
    const bad = [...en.values()]
      .filter((l) => zh.has(l.meta.id))
      .filter((l) => {
        const a = checkSection(l, 'en');
        const b = checkSection(zh.get(l.meta.id)!, 'zh');
        return a?.answers !== b?.answers || a?.questions.length !== b?.questions.length;
      })
      .map((l) => l.meta.id);
    expect(bad).toEqual([]);
  });

  it('titles and summaries are translated (zh differs from en)', () => {
    const same = [...en.values()]
      .filter((l) => zh.has(l.meta.id))
      .filter((l) => zh.get(l.meta.id)!.meta.title === l.meta.title || zh.get(l.meta.id)!.meta.summary === l.meta.summary)
      .map((l) => l.meta.id);
    expect(same).toEqual([]);
  });
});

describe('Chinese typography', () => {
  it('full-width punctuation next to Chinese text (fix: node scripts/zh-punctuation.mjs --fix)', () => {
    const bad = loaded.zh.flatMap((l) => {
      const { changed } = fixZhPunctuation(readFileSync(join(root, '..', l.file), 'utf8'));
      return changed.length ? [`${l.file}: lines ${changed.join(', ')}`] : [];
    });
    expect(bad).toEqual([]);
  });
});
