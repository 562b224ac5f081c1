// The markdown pipeline of a lesson: markdown-it plus four small rules of our own —
// $…$ / $$…$$ maths rendered by KaTeX, {{ fn(args) }} computed numbers, blockquotes as
// callouts, and `?> ` lines as a revealable answer (a <details> the student opens; native,
// so Tab + Enter/Space work). Pure: runs in Node (tests) and in the browser (lesson chunk only).
import MarkdownIt, { type StateBlock, type StateInline } from 'markdown-it';
import katex from 'katex';
import { ComputedError, evaluateComputed, formatNumber } from './computed';
import { answerStrings } from './strings';

export interface RenderEnv {
  lang: 'en' | 'zh';
  /** Problems found while rendering (bad TeX, bad computed numbers). */
  problems: string[];
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Replace {{ … }} inside TeX with the computed value (grouped digits in TeX syntax). */
function substituteInTex(tex: string, env: RenderEnv): string {
  return tex.replace(/\{\{([^}]*)\}\}/g, (_, expr: string) => {
    try {
      return formatNumber(evaluateComputed(expr), env.lang).replace(/,/g, '{,}');
    } catch (e) {
      env.problems.push((e as Error).message);
      return '\\text{?}';
    }
  });
}

function renderTex(tex: string, displayMode: boolean, env: RenderEnv): string {
  const src = substituteInTex(tex, env);
  try {
    return katex.renderToString(src, { displayMode, throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' });
  } catch (e) {
    // KaTeX must never take the lesson down: show the source with the reason.
    const msg = e instanceof Error ? e.message : String(e);
    env.problems.push(`TeX error in $${tex}$: ${msg}`);
    return `<span class="math-error" role="note" title="${escapeHtml(msg)}"><code>${escapeHtml(tex)}</code></span>`;
  }
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const display = src.charCodeAt(start + 1) === 0x24;
  const open = display ? 2 : 1;
  let end = start + open;
  for (;;) {
    end = src.indexOf(display ? '$$' : '$', end);
    if (end < 0) return false;
    if (src[end - 1] === '\\') {
      end++;
      continue;
    }
    break;
  }
  const content = src.slice(start + open, end);
  if (!content) return false;
  // Pandoc's rule, so "costs $5 and $6" stays text: no space just inside the dollars,
  // and no digit right after the closing one.
  if (!display && (/^\s/.test(content) || /\s$/.test(content) || /\d/.test(src[end + 1] ?? ''))) return false;
  if (!silent) {
    const token = state.push(display ? 'math_display_inline' : 'math_inline', 'math', 0);
    token.content = content;
  }
  state.pos = end + open;
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const begin = state.bMarks[startLine] + state.tShift[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (state.src.slice(begin, begin + 2) !== '$$') return false;
  const first = state.src.slice(begin + 2, state.eMarks[startLine]).trim();
  let content: string;
  let last = startLine;
  if (first.endsWith('$$') && first.length >= 2) {
    content = first.slice(0, -2);
  } else {
    const lines = [first];
    let found = false;
    for (last = startLine + 1; last < endLine; last++) {
      const line = state.src.slice(state.bMarks[last] + state.tShift[last], state.eMarks[last]).trim();
      if (line.endsWith('$$')) {
        lines.push(line.slice(0, -2));
        found = true;
        break;
      }
      lines.push(line);
    }
    if (!found) return false;
    content = lines.join('\n');
  }
  if (silent) return true;
  state.line = last + 1;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, state.line];
  return true;
}

/** `?> text` lines (indented under a list item if the answer belongs to it) → one answer block. */
function answerBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const lineText = (l: number) => state.src.slice(state.bMarks[l] + state.tShift[l], state.eMarks[l]);
  if (state.sCount[startLine] - state.blkIndent >= 4 || !/^\?>( |$)/.test(lineText(startLine))) return false;
  if (silent) return true;
  const lines: string[] = [];
  let l = startLine;
  for (; l < endLine && state.sCount[l] >= state.blkIndent && /^\?>( |$)/.test(lineText(l)); l++) lines.push(lineText(l).slice(3));
  const token = state.push('answer', 'details', 0);
  token.block = true;
  token.content = lines.join('\n');
  token.map = [startLine, l];
  state.line = l;
  return true;
}

function computedInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x7b || src.charCodeAt(start + 1) !== 0x7b) return false;
  const end = src.indexOf('}}', start + 2);
  if (end < 0) return false;
  if (!silent) {
    const token = state.push('computed', 'span', 0);
    token.content = src.slice(start + 2, end).trim();
  }
  state.pos = end + 2;
  return true;
}

type Md = ReturnType<typeof MarkdownIt>;

export function createMarkdown(): Md {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.inline.ruler.after('escape', 'math_inline', mathInline);
  md.inline.ruler.before('emphasis', 'computed', computedInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.block.ruler.before('blockquote', 'answer', answerBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  const r = md.renderer.rules;
  r.math_inline = (t, i, _o, env) => renderTex(t[i].content, false, env as unknown as RenderEnv);
  r.math_display_inline = (t, i, _o, env) => renderTex(t[i].content, true, env as unknown as RenderEnv);
  r.math_block = (t, i, _o, env) => `<div class="math-display">${renderTex(t[i].content, true, env as unknown as RenderEnv)}</div>\n`;
  r.computed = (t, i, _o, env) => {
    const expr = t[i].content;
    try {
      const v = evaluateComputed(expr);
      return `<span class="computed" data-value="${v}" title="${escapeHtml(expr)}">${formatNumber(v, (env as unknown as RenderEnv).lang)}</span>`;
    } catch (e) {
      const msg = e instanceof ComputedError ? e.message : `{{ ${expr} }}: ${String(e)}`;
      (env as unknown as RenderEnv).problems.push(msg);
      return `<span class="computed-error" role="note">${escapeHtml(msg)}</span>`;
    }
  };
  r.answer = (t, i, _o, env) => {
    const e = env as unknown as RenderEnv;
    const body = md.render(t[i].content, env);
    return `<details class="answer"><summary>${answerStrings[e.lang].showAnswer}</summary><div class="answer-body">${body}</div></details>\n`;
  };
  // Blockquotes are callouts ("Common mistake", "Errata", …).
  r.blockquote_open = () => '<aside class="callout">\n';
  r.blockquote_close = () => '</aside>\n';
  // Tables scroll on small screens instead of widening the page.
  r.table_open = () => '<div class="table-wrap"><table>\n';
  r.table_close = () => '</table></div>\n';
  // External links open in a new tab; in-app hash links stay.
  const linkOpen = r.link_open ?? ((t, i, o, _e, self) => self.renderToken(t, i, o));
  r.link_open = (t, i, o, e, self) => {
    const href = String(t[i].attrGet("href") ?? "");
    if (/^https?:/.test(href)) {
      t[i].attrSet('target', '_blank');
      t[i].attrSet('rel', 'noopener noreferrer');
    }
    return linkOpen(t, i, o, e, self);
  };
  return md;
}

let shared: Md | null = null;

export function renderMarkdown(src: string, env: RenderEnv): string {
  shared ??= createMarkdown();
  return shared.render(src, env as unknown as Record<string, unknown>);
}
