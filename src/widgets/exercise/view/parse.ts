// Reading a typed answer. Students write numbers many ways: "1,960", "1 960", "13x13x10",
// "13 × 13 × 10", "13,13,10", "0.43", ".43", "3/7". Parsing is forgiving; checking is exact.
import type { Answer } from './types';

export type Parsed = { ok: true; value: number | number[] } | { ok: false; reason: 'empty' | 'not-a-number' | 'not-a-shape' };

/** A whole number, allowing thousands separators (comma, space, thin space, underscore, apostrophe). */
export function parseInteger(text: string): number | null {
  const t = text.trim().replace(/[,\s\u2009\u202f_'’，]/g, '');
  if (!/^[-−]?\d+$/.test(t)) return null;
  return Number(t.replace('−', '-'));
}

/** A real number: decimal ("0.43", ".43", "0,43" is NOT accepted as a decimal) or a fraction "a/b". */
export function parseReal(text: string): number | null {
  const t = text.trim().replace(/\s+/g, '').replace('−', '-');
  const frac = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(t);
  if (frac) {
    const d = Number(frac[2]);
    return d === 0 ? null : Number(frac[1]) / d;
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}

/** A shape: whole numbers separated by x, ×, *, commas or spaces; brackets allowed. */
export function parseShape(text: string): number[] | null {
  const t = text.trim().replace(/^[([{]\s*|\s*[)\]}]$/g, '');
  if (t === '') return null;
  // One separator between numbers: "13 × 13" is one separator, "13××13" or a trailing "×" is not a shape.
  const parts = t.replace(/\s*[x×X*,，]\s*/g, ',').replace(/\s+/g, ',').split(',');
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}

export function parseAnswer(answer: Answer, text: string): Parsed {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  if (answer.type === 'int') {
    const v = parseInteger(text);
    return v === null ? { ok: false, reason: 'not-a-number' } : { ok: true, value: v };
  }
  if (answer.type === 'real') {
    const v = parseReal(text);
    return v === null ? { ok: false, reason: 'not-a-number' } : { ok: true, value: v };
  }
  // A shape or a set: whole numbers separated by ×, commas or spaces.
  const v = parseShape(text);
  return v === null ? { ok: false, reason: 'not-a-shape' } : { ok: true, value: v };
}

const sameDims = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export type Verdict = { status: 'right' } | { status: 'wrong' } | { status: 'unreadable'; reason: 'empty' | 'not-a-number' | 'not-a-shape' };

/** Check a typed answer against the question's answer. */
export function checkAnswer(answer: Answer, text: string): Verdict {
  const p = parseAnswer(answer, text);
  if (!p.ok) return { status: 'unreadable', reason: p.reason };
  let right: boolean;
  if (answer.type === 'int') right = p.value === answer.value;
  else if (answer.type === 'real') {
    // Right when it agrees to the asked number of decimals: |v − answer| < half a unit in the last place.
    right = Math.abs((p.value as number) - answer.value) < 0.5 * 10 ** -answer.places + 1e-9;
  } else if (answer.type === 'set') {
    const got = [...new Set(p.value as number[])].sort((a, b) => a - b);
    right = sameDims(got, [...answer.values].sort((a, b) => a - b)) && got.length === (p.value as number[]).length;
  } else {
    const dims = p.value as number[];
    right = sameDims(dims, answer.dims) || (answer.alternatives ?? []).some((alt) => sameDims(dims, alt));
  }
  return { status: right ? 'right' : 'wrong' };
}

/** The answer as it is shown after a wrong attempt. */
export function formatAnswer(answer: Answer): string {
  if (answer.type === 'int') return String(answer.value);
  if (answer.type === 'real') return answer.value.toFixed(answer.places);
  if (answer.type === 'set') return answer.values.join(', ');
  return answer.dims.join('×');
}
