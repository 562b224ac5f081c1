// The ```exercise block: a code exercise written as content, so an instructor adds one
// without touching code. Language-neutral settings go into the widget's params (the same in
// both language files, which test/lessons.test.ts checks); the statement, starter and
// reference solution are the block's per-language text.
//
//   ```exercise zeroPad                ← the function to write (a grader's name)
//   random: 3                          ← random cases (default 3)
//   seed: 7                            ← case i is drawn from seed + i (default 1)
//   ranges: n_H 2-4, pad 1-2           ← override the grader's default ranges (optional)
//   example: yes                       ← run the worked example(s) too (default yes)
//   time: 3                            ← seconds before a run is stopped (default 3)
//   --- statement
//   Markdown (with $maths$) saying what to write and which helpers exist.
//   --- starter
//   function zeroPad(X, pad) { … }     ← the signature, with hints as comments
//   --- solution
//   function zeroPad(X, pad) { … }     ← shown on request after a first attempt
//   ```
// The block ends at the first line that is only ```, so the statement uses inline `code`, not
// fenced code blocks.

import type { BlockText } from '../widgets/types';

export type ExerciseText = BlockText;

export interface ExerciseBlock {
  params: Record<string, unknown>;
  text: ExerciseText;
}

const SECTIONS = ['statement', 'starter', 'solution'] as const;

/** Parse the lines between the fences; `render` turns the statement's markdown into HTML. */
export function parseExerciseBlock(fn: string, lines: string[], lessonId: string, render: (md: string) => string): ExerciseBlock {
  const params: Record<string, unknown> = { fn, lesson: lessonId };
  const parts: Record<string, string[]> = {};
  let current: string | null = null;
  for (const raw of lines) {
    const sec = /^---\s*(\w+)\s*$/.exec(raw.trim());
    if (sec) {
      if (!(SECTIONS as readonly string[]).includes(sec[1])) throw new Error(`unknown section "--- ${sec[1]}" (use ${SECTIONS.map((s) => `--- ${s}`).join(', ')})`);
      current = sec[1];
      parts[current] = [];
      continue;
    }
    if (current) {
      parts[current].push(raw);
      continue;
    }
    if (!raw.trim()) continue;
    const kv = /^(\w+)\s*:\s*(.*)$/.exec(raw.trim());
    if (!kv) throw new Error(`expected "key: value" before the first --- section, got "${raw.trim()}"`);
    const [, key, value] = kv;
    if (key === 'random' || key === 'seed' || key === 'time') {
      if (!/^\d+$/.test(value)) throw new Error(`${key} must be a whole number, got "${value}"`);
      params[key === 'time' ? 'timeLimit' : key] = Number(value);
    } else if (key === 'example') {
      if (!/^(yes|no)$/.test(value)) throw new Error(`example must be yes or no, got "${value}"`);
      params.example = value === 'yes';
    } else if (key === 'ranges') {
      const ranges: Record<string, [number, number]> = {};
      for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
        const m = /^(\w+)\s+(\d+)\s*[-–]\s*(\d+)$/.exec(item);
        if (!m) throw new Error(`a range is "name lo-hi" (e.g. "n_H 2-4"), got "${item}"`);
        ranges[m[1]] = [Number(m[2]), Number(m[3])];
      }
      params.ranges = ranges;
    } else {
      throw new Error(`unknown key "${key}" (known: random, seed, ranges, example, time)`);
    }
  }
  const text = (name: string) => (parts[name] ?? []).join('\n').replace(/^\n+|\s+$/g, '');
  for (const name of SECTIONS) if (!text(name)) throw new Error(`the "--- ${name}" section is missing or empty`);
  return { params, text: { statementHtml: render(text('statement')), starter: text('starter') + '\n', solution: text('solution') + '\n' } };
}
