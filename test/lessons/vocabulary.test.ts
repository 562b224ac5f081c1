// One Chinese vocabulary and one typography for lessons and widgets: the glossary
// (lessons/glossary.md) names the term for each idea and the variants that are not used;
// a banned variant in a Chinese lesson or a Chinese UI string fails here, and so does ASCII
// punctuation in a Chinese UI string (the lessons' own check is in test/lessons.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registeredStrings } from '../../src/ui/i18n';
import { fixZhText } from '../../scripts/zh-punctuation.mjs';

const ROOT = resolve(__dirname, '..', '..');

interface GlossaryEntry {
  en: string;
  zh: string;
  banned: { text: string; re: RegExp }[];
  line: number;
}

/** The glossary's table rows: | English | 中文 | Not used | Note |. */
function parseGlossary(md: string): GlossaryEntry[] {
  return md.split('\n').flatMap((row, i) => {
    if (!row.startsWith('|') || /^\|\s*-/.test(row) || /^\|\s*English/.test(row)) return [];
    const cells = row.split('|').slice(1, -1).map((c) => c.trim());
    const banned = cells[2]
      ? cells[2].split('、').map((b) => {
          const text = b.trim().replace(/^`|`$/g, '');
          const re = /^\/.+\/$/.test(text) ? new RegExp(text.slice(1, -1), 'u') : new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'u');
          return { text, re };
        })
      : [];
    return [{ en: cells[0], zh: cells[1], banned, line: i + 1 }];
  });
}

/** Lines of Chinese prose in a lesson (fenced code and widget blocks left out). */
function proseLines(src: string): { text: string; line: number }[] {
  let fence = false;
  return src.split('\n').flatMap((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fence = !fence;
      return [];
    }
    return fence ? [] : [{ text, line: i + 1 }];
  });
}

function bannedIn(text: string, glossary: GlossaryEntry[]): string[] {
  return glossary.flatMap((g) => g.banned.filter((b) => b.re.test(text)).map((b) => `“${b.text}” (use ${g.zh} for ${g.en})`));
}

const glossary = parseGlossary(readFileSync(join(ROOT, 'lessons', 'glossary.md'), 'utf8'));

function stringsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? stringsFiles(p) : f === 'strings.ts' ? [p] : [];
  });
}

/** Every Chinese UI string, with the strings.ts that defined it. */
async function zhUiStrings(): Promise<{ file: string; key: string; text: string }[]> {
  const out: { file: string; key: string; text: string }[] = [];
  let seen = registeredStrings().length;
  for (const f of stringsFiles(join(ROOT, 'src'))) {
    await import(/* @vite-ignore */ pathToFileURL(f).href);
    const all = registeredStrings();
    for (const dict of all.slice(seen)) {
      for (const [key, text] of Object.entries(dict.zh)) out.push({ file: relative(ROOT, f), key, text });
    }
    seen = all.length;
  }
  return out;
}

describe('glossary', () => {
  it('has the course terms, each with English and Chinese', () => {
    expect(glossary.length).toBeGreaterThanOrEqual(30);
    expect(glossary.filter((g) => !g.en || !g.zh).map((g) => g.line)).toEqual([]);
    for (const term of ['滤波器', '步幅', '输出体', '单样本学习', '得分阈值', '正样本', '逐通道卷积', '标签 $y$']) {
      expect(glossary.some((g) => g.zh.includes(term))).toBe(true);
    }
  });
  it('no preferred term is itself banned', () => {
    const clash = glossary.flatMap((g) => bannedIn(g.zh.replace(/\$y\$/g, 'y'), glossary).map((b) => `${g.zh}: ${b}`));
    expect(clash).toEqual([]);
  });
  it('catches the old mixed terms (sample of what the reviews found)', () => {
    const samples = ['过滤器 3×3', '步长 s = 2', '输出体积是多少', '一次学习', '分数阈值', '正例和反例', '逐深度卷积', '目标向量 y', '目标是 3×3×16'];
    expect(samples.filter((s) => bannedIn(s, glossary).length === 0)).toEqual([]);
    // …and leaves the right words alone.
    expect(bannedIn('目标检测中，标签 $y$ 是 3×3×16 的标签体；滤波器的步幅为 2。', glossary)).toEqual([]);
  });
});

describe('one Chinese vocabulary', () => {
  it('no banned variant in lessons/zh', () => {
    const dir = join(ROOT, 'lessons', 'zh');
    const bad = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .flatMap((f) =>
        proseLines(readFileSync(join(dir, f), 'utf8')).flatMap(({ text, line }) =>
          bannedIn(text, glossary).map((b) => `lessons/zh/${f}:${line}: ${b}`),
        ),
      );
    expect(bad).toEqual([]);
  });

  it('no banned variant in any Chinese UI string (src/**/strings.ts)', async () => {
    const bad = (await zhUiStrings()).flatMap((s) => bannedIn(s.text, glossary).map((b) => `${s.file} ${s.key}: ${b}`));
    expect(bad).toEqual([]);
  });

  it('Chinese UI strings use full-width punctuation and curly quotes', async () => {
    const bad = (await zhUiStrings()).filter((s) => fixZhText(s.text) !== s.text).map((s) => `${s.file} ${s.key}: ${s.text}  →  ${fixZhText(s.text)}`);
    expect(bad).toEqual([]);
  });
});

describe('zh punctuation rules catch the old mistakes', () => {
  const cases: [string, string][] = [
    ['11×11 卷积，步幅 4,96 个滤波器', '11×11 卷积，步幅 4，96 个滤波器'],
    ['所以 $f = 3$ 需要 $p$ = {{samePadding(3)}},$f = 5$ 需要', '所以 $f = 3$ 需要 $p$ = {{samePadding(3)}}，$f = 5$ 需要'],
    ['把它加宽到 192,"瓶颈层"反而更贵', '把它加宽到 192，“瓶颈层”反而更贵'],
    ['卷积满足**结合律**:$(A * B) * C$', '卷积满足**结合律**：$(A * B) * C$'],
    ['1. **1×1 卷积**,64 个滤波器', '1. **1×1 卷积**，64 个滤波器'],
    ['于是 $n_H = 39$,$n_C = 3$。', '于是 $n_H = 39$，$n_C = 3$。'],
    ['- FC4:$120 \\cdot 84$', '- FC4：$120 \\cdot 84$'],
    ['提出了**残差网络**(ResNet)', '提出了**残差网络**（ResNet）'],
    ['解析 LeNet-5(1998)、AlexNet(2012)', '解析 LeNet-5（1998）、AlexNet（2012）'],
    ['（Krizhevsky 和 Hinton,**2012**）', '（Krizhevsky 和 Hinton，**2012**）'],
    ['比如"是猫"或"不是猫"。', '比如“是猫”或“不是猫”。'],
    ['- 32 个 5×5 滤波器，same 填充 → 28×28×32;', '- 32 个 5×5 滤波器，same 填充 → 28×28×32；'],
  ];
  it.each(cases)('%s', (before, after) => {
    expect(fixZhText(before)).toBe(after);
  });
  it('leaves thousands separators, ratios, function notation, tuples and links alone', () => {
    for (const ok of ['共 138,357,544 个参数', '1:1 与 1:K', 'COCO 的 mAP@[.5:.95] 指标', '$f(x)$ 与 area(A)', '角为 (3, 5) 和 (7, 9)', '见 [论文](https://arxiv.org/abs/1512.03385)', '“{text}” 不是整数']) {
      expect(fixZhText(ok)).toBe(ok);
    }
  });
});
