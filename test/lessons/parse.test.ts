import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parse';
import { LessonParseError, splitFrontmatter } from '../../src/lessons/frontmatter';
import { evaluateComputed, formatNumber } from '../../src/lessons/computed';
import { renderMarkdown } from '../../src/lessons/markdown';

const good = readFileSync(new URL('../fixtures/lessons/good.md', import.meta.url), 'utf8');
const fm = (extra: string) => `---\nid: a-b\ntitle: T\nweek: 1\norder: 1\nsummary: S\n${extra}---\nbody`;

describe('frontmatter', () => {
  it('reads the five keys, with quotes', () => {
    const { meta, bodyLine } = splitFrontmatter(good, 'good.md');
    expect(meta).toEqual({ id: 'padding', title: 'Padding: keep the size', week: 1, order: 4, summary: "Add a border of zeros so the output keeps the input's size." });
    expect(bodyLine).toBe(8);
  });
  it('names the file and line of a bad week', () => {
    const src = fm('').replace('week: 1', 'week: 5');
    expect(() => splitFrontmatter(src, 'x.md')).toThrowError(/x\.md:4: week must be a whole number from 1 to 4/);
  });
  it('rejects unknown keys, missing keys, bad ids', () => {
    expect(() => splitFrontmatter(fm('author: me\n'), 'x.md')).toThrowError(/unknown frontmatter key "author"/);
    expect(() => splitFrontmatter(fm('').replace('summary: S\n', ''), 'x.md')).toThrowError(/"summary" is missing/);
    expect(() => splitFrontmatter(fm('').replace('id: a-b', 'id: A B'), 'x.md')).toThrow(LessonParseError);
    expect(() => splitFrontmatter('no frontmatter', 'x.md')).toThrowError(/must start with/);
  });
});

describe('computed numbers', () => {
  it('evaluates the whitelist with the engine formulas', () => {
    expect(evaluateComputed('convOutputSize(7, 3, 0, 2)')).toBe(3); // ⌊(7−3)/2⌋+1
    expect(evaluateComputed('convOutputSize(6, 3, 1, 1)')).toBe(6);
    expect(evaluateComputed('samePadding(5)')).toBe(2);
    expect(evaluateComputed('convParamCount(5, 3, 10)')).toBe(760); // (5·5·3+1)·10
    expect(evaluateComputed('denseParamCount(400, 120)')).toBe(48120);
    expect(evaluateComputed('product(convOutputSize(39, 3, 0, 1), 37, 10)')).toBe(13690);
    expect(evaluateComputed('sum(1, 2.5, -1)')).toBe(2.5);
  });
  it('exposes the week 2–4 formulas: transposed conv, IoU, triplet loss, depthwise, 3-D', () => {
    // Lecture example: 2×2 input, f 3, s 2 → canvas (2−1)·2+3 = 5; p 1 → 3; output padding 1 → 4.
    expect(evaluateComputed('transposedConvOutputSize(2, 3, 0, 2)')).toBe(5);
    expect(evaluateComputed('transposedConvOutputSize(2, 3, 1, 2)')).toBe(3);
    expect(evaluateComputed('transposedConvOutputSize(2, 3, 1, 2, 1)')).toBe(4);
    // A = (0,0,4,4), B = (2,0,6,4): ∩ = 2·4 = 8, ∪ = 16 + 16 − 8 = 24.
    expect(evaluateComputed('iou(0, 0, 4, 4, 2, 0, 6, 4)')).toBeCloseTo(1 / 3, 12);
    expect(evaluateComputed('iou(0, 0, 1, 1, 2, 2, 3, 3)')).toBe(0);
    // max(0.3 − 0.4 + 0.2, 0) = 0.1; max(0.3 − 0.6 + 0.2, 0) = 0.
    expect(evaluateComputed('tripletLoss(0.3, 0.4, 0.2)')).toBeCloseTo(0.1, 12);
    expect(evaluateComputed('tripletLoss(0.3, 0.6, 0.2)')).toBe(0);
    expect(evaluateComputed('depthwiseParamCount(3, 3)')).toBe(27);
    expect(evaluateComputed('depthwiseMultiplyCount(4, 4, 3, 3)')).toBe(432); // 4·4·3·3·3
    expect(evaluateComputed('conv3dParamCount(3, 16, 32)')).toBe(13856); // (27·16 + 1)·32
    expect(evaluateComputed('round(quotient(462422016, 52283392), 1)')).toBe(8.8);
    expect(() => evaluateComputed('transposedConvOutputSize(2, 3, 1)')).toThrowError(/takes 4 to 5 argument/);
    expect(() => evaluateComputed('quotient(1, 0)')).toThrowError(/division by zero/);
  });
  it('rejects unknown functions, wrong arity, impossible shapes', () => {
    expect(() => evaluateComputed('alert(1)')).toThrowError(/unknown function "alert"/);
    expect(() => evaluateComputed('convOutputSize(7, 3)')).toThrowError(/takes 4 argument/);
    expect(() => evaluateComputed('convOutputSize(3, 5, 0, 1)')).toThrowError(/larger than the padded input/);
    expect(() => evaluateComputed('samePadding(4)')).toThrowError(/odd filter size/);
    expect(() => evaluateComputed('product(2) + 1')).toThrowError(/unexpected/);
    expect(() => evaluateComputed('constructor(1)')).toThrowError(/unknown function/);
  });
  it('formats per language', () => {
    expect(formatNumber(14450688, 'en')).toBe('14,450,688');
    expect(formatNumber(14450688, 'zh')).toBe('14,450,688');
  });
});

describe('revealable answers (?> lines)', () => {
  const src = '1. How big is the output?\n   ?> $n - f + 1$ = {{convOutputSize(6, 3, 0, 1)}}.\n   ?> Two lines, **one** answer.\n2. And with $p = 1$?\n\n   ?> Six.\n';
  it('each becomes a closed <details> inside its list item, maths and numbers rendered', () => {
    const env = { lang: 'en' as const, problems: [] as string[] };
    const html = renderMarkdown(src, env);
    expect(env.problems).toEqual([]);
    const items = html.split('<li>').slice(1);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/How big is the output\?(<\/p>\n)?<details class="answer"><summary>Show answer<\/summary><div class="answer-body"><p><span class="katex">/);
    expect(items[0]).toContain('<span class="computed" data-value="4"');
    expect(items[0]).toContain('Two lines, <strong>one</strong> answer.');
    expect(items[1]).toMatch(/<details class="answer"><summary>Show answer<\/summary><div class="answer-body"><p>Six\.<\/p>/);
    expect(html).not.toContain('open');
    expect(html).not.toContain('?&gt;');
  });
  it('the summary is in the lesson language', () => {
    expect(renderMarkdown(src, { lang: 'zh', problems: [] })).toContain('<summary>查看答案</summary>');
  });
  it('"?>" inside a sentence or a code span is text', () => {
    const html = renderMarkdown('Is a ?> b? `?> x`\n', { lang: 'en', problems: [] });
    expect(html).not.toContain('<details');
  });
});

describe('parseLesson', () => {
  const lesson = parseLesson(good, { file: 'good.md', lang: 'en' });
  it('splits at ## headings (not inside code fences)', () => {
    expect(lesson.sections.map((s) => s.title)).toEqual([null, 'The formula', 'Code is not a heading']);
    expect(lesson.problems).toEqual([]);
  });
  it('renders maths with KaTeX and computed numbers formatted', () => {
    const intro = lesson.sections[0].blocks[0];
    expect(intro.kind).toBe('html');
    const html = (intro as { html: string }).html;
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/<span class="computed" data-value="3"[^>]*>3<\/span>/);
    const formula = (lesson.sections[1].blocks[0] as { html: string }).html;
    expect(formula).toContain('katex-display');
    expect(formula).toContain('>86,704,128<'); // 224·224·64·3·3·3
  });
  it('finds widget blocks with their params and lines, and blockquotes become callouts', () => {
    expect(lesson.widgets).toEqual([
      { name: 'output-size', params: { n: 6, f: 3, p: 1, s: 1 }, line: 17 },
      { name: 'exercise', params: { kind: 'same-padding' }, line: 30 },
    ]);
    const kinds = lesson.sections[1].blocks.map((b) => b.kind);
    expect(kinds).toEqual(['html', 'widget', 'html']);
    expect((lesson.sections[1].blocks[2] as { html: string }).html).toContain('<aside class="callout">');
    expect((lesson.sections[2].blocks[0] as { html: string }).html).toContain('## not a section');
  });
  it('reports bad JSON, bad TeX and bad computed numbers with their lines, without throwing', () => {
    const bad = good
      .replace('{ "n": 6, "f": 3, "p": 1, "s": 1 }', '{ n: 6 }')
      .replace('$n - f + 1$', '$\\frac{1}{$')
      .replace('convOutputSize(7, 3, 0, 2)', 'convOutputSize(2, 3, 0, 1)');
    const l = parseLesson(bad, { file: 'bad.md', lang: 'zh' });
    const msgs = l.problems.map((p) => `${p.line} ${p.message}`);
    expect(msgs.some((m) => /^17 bad\.md:17: widget "output-size" has invalid JSON/.test(m))).toBe(true);
    expect(msgs.some((m) => /^9 TeX error/.test(m))).toBe(true);
    expect(msgs.some((m) => /^9 \{\{ convOutputSize\(2, 3, 0, 1\) \}\}: filter size/.test(m))).toBe(true);
    expect(l.sections[1].blocks.some((b) => b.kind === 'error')).toBe(true);
    expect((l.sections[0].blocks[0] as { html: string }).html).toContain('class="math-error"');
  });
  it('keeps "$5 and $6" as text', () => {
    const l = parseLesson(fm('').replace('body', 'It costs $5 and $6 today.'), { lang: 'en' });
    expect((l.sections[0].blocks[0] as { html: string }).html).toContain('$5 and $6');
  });
});
