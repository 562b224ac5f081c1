#!/usr/bin/env node
// Chinese typography for lessons/zh: next to a Chinese character, punctuation is full-width
// (，；：？！), not ASCII. Maths ($…$), code, {{…}} numbers, link targets, widget blocks and
// frontmatter keys are left alone.
//   node scripts/zh-punctuation.mjs          list the lines that need it (exit 1 if any)
//   node scripts/zh-punctuation.mjs --fix    rewrite lessons/zh/*.md in place
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const FULL = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const HAN = '\\p{Script=Han}';
const afterHan = new RegExp(`(?<=${HAN}|[“”‘’（）])([,;:?!]) *`, 'gu');
const beforeHan = new RegExp(`([,;:?!]) *(?=${HAN}|[“‘（])`, 'gu');
const PROTECT = /\$\$[^$]*\$\$|\$[^$\n]*\$|`[^`\n]*`|\{\{[^}]*\}\}|\]\([^)]*\)|https?:\/\/\S+/g;

function fixText(text) {
  const ranges = [...text.matchAll(PROTECT)].map((m) => [m.index, m.index + m[0].length]);
  const inside = (i) => ranges.some(([a, b]) => i > a && i < b - 1);
  // Round brackets around Chinese text become full-width (not link targets, not inside maths).
  let s = text.replace(/(?<!\])\(([^()\n]*)\)/g, (m, inner, at) =>
    new RegExp(HAN, 'u').test(inner.replace(PROTECT, '')) && !inside(at) && !inside(at + m.length - 1) ? `（${inner}）` : m,
  );
  const fixPlain = (t, afterProtected) => {
    let r = t.replace(afterHan, (_, p) => FULL[p]).replace(beforeHan, (_, p) => FULL[p]);
    // "$p = 1$,6×6" or "8×8,3×3": no space after the mark, so it is Chinese punctuation.
    if (afterProtected) r = r.replace(/^([,;:])(?=[^\s])/, (_, p) => FULL[p]);
    return r.replace(/(?<=×\d+)([,;])(?=\d)/g, (_, p) => FULL[p]);
  };
  let out = '';
  let last = 0;
  for (const m of s.matchAll(PROTECT)) {
    out += fixPlain(s.slice(last, m.index), last > 0) + m[0];
    last = m.index + m[0].length;
  }
  return out + fixPlain(s.slice(last), last > 0);
}

/** Returns the fixed source and the 1-based numbers of the lines it changed. */
export function fixZhPunctuation(source) {
  const lines = source.split('\n');
  const changed = [];
  let inFront = lines[0] === '---';
  let fence = null;
  let inMath = false;
  const out = lines.map((line, i) => {
    if (i === 0 && inFront) return line;
    if (inFront) {
      if (line.trim() === '---') {
        inFront = false;
        return line;
      }
      const m = /^(\w+:)(.*)$/.exec(line);
      const fixed = m ? m[1] + fixText(m[2]) : line;
      if (fixed !== line) changed.push(i + 1);
      return fixed;
    }
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && line.trim().length === f[1].length) fence = null;
      return line;
    }
    if (f) {
      fence = f[1];
      return line;
    }
    if (line.trim().startsWith('$$') && !(line.trim().length > 2 && line.trim().endsWith('$$'))) inMath = !inMath;
    if (inMath || line.trim() === '$$') return line;
    const fixed = fixText(line);
    if (fixed !== line) changed.push(i + 1);
    return fixed;
  });
  return { text: out.join('\n'), changed };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'lessons', 'zh');
  const fix = process.argv.includes('--fix');
  let total = 0;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const src = readFileSync(join(dir, f), 'utf8');
    const { text, changed } = fixZhPunctuation(src);
    if (!changed.length) continue;
    total += changed.length;
    if (fix) writeFileSync(join(dir, f), text);
    else console.log(`lessons/zh/${f}: lines ${changed.join(', ')}`);
  }
  console.log(fix ? `fixed ${total} lines` : `${total} lines need full-width punctuation`);
  if (!fix && total) process.exit(1);
}
