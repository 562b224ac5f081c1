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
// Protected spans (maths, code, {{…}} numbers, {name} placeholders of UI strings, link
// targets, URLs) are swapped for one private-use character while the rules run, so a mark
// between two spans ("$a$,$b$") or beside one ("**结合律**:$x$") is seen with its neighbours.
const PROTECT = /\$\$[^$]*\$\$|\$[^$\n]*\$|`[^`\n]*`|\{\{[^}]*\}\}|\{\w+\}|\]\([^)]*\)|https?:\/\/\S+/g;
const P = '\uE000';
// Chinese context: a Han character, full-width punctuation, a protected span or bold/italic stars.
const CTX = `${HAN}|[，。：；、！？“”‘’（）《》【】…—]|${P}|\\*`;
const afterCtx = new RegExp(`(?<=${CTX})([,;:?!])(?!\\[) *`, 'gu');
const beforeCtx = new RegExp(`([,;:?!]) *(?=${HAN}|[“‘（《])`, 'gu');
// A mark glued to what follows ("Yan,2013", "FC3:400", "3×3,$p$", "192,\"…"): English puts a
// space after it, so without one it is Chinese punctuation. Kept: thousands separators
// (digit,ddd), ratios such as 1:1 or 1:K, and "://".
const glued = /(?<!\d)[,;](?=[^\s\d])|(?<=\d)[,;](?=\d{1,2}(?!\d)|\d{4,}|[^\s\d])|(?<!\d):(?=[^\s/])|(?<=\d):(?=[^\s\dK.])/gu;

function fixParens(s) {
  // Round brackets in Chinese prose become full-width, except function notation glued to a
  // name ("f(x)", "area(A)") and coordinate tuples ("(3, 5)").
  return s.replace(/\(([^()\n]*)\)/g, (m, inner, at) => {
    const before = s[at - 1] ?? '';
    const hasHan = new RegExp(HAN, 'u').test(inner);
    if (!hasHan && /[A-Za-z_\]]/.test(before) && !/^\d{4}$/.test(inner)) return m;
    if (!hasHan && /^[\s\d.,\-−P{}\w]*, [\s\d.,\-−\w]*$/u.test(inner.replaceAll(P, 'x'))) return m;
    return `（${inner}）`;
  });
}

function fixQuotes(s) {
  let open = true;
  return s.replace(/"/g, () => {
    open = !open;
    return open ? '”' : '“';
  });
}

function fixText(text) {
  const spans = [];
  const s = text.replace(PROTECT, (m) => (spans.push(m), P));
  let r = fixQuotes(fixParens(s));
  r = r.replace(afterCtx, (_, p) => FULL[p]).replace(beforeCtx, (_, p) => FULL[p]);
  r = r.replace(glued, (m) => FULL[m.trim()] ?? m);
  r = r.replace(/(?<=×\d+)([,;])(?=\d)/g, (_, p) => FULL[p]);
  // A mark that ends a Chinese line ("→ 28×28×32;") is Chinese punctuation too.
  if (new RegExp(HAN, 'u').test(r)) r = r.replace(/(?<=\S)([,;:])(?=\s*$)/, (_, p) => FULL[p]);
  let k = 0;
  return r.replace(new RegExp(P, 'g'), () => spans[k++]);
}

/** One string of Chinese UI text (a strings.ts value): the same rules as a lesson line. */
export function fixZhText(text) {
  return fixText(text);
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
