// Drawing helpers: every generator draws from a seeded RNG, so a question is reproducible
// from (kind, seed) and "new question" is just a new seed.
import type { Rng } from '../../../engine/random';

export function pick<T>(r: Rng, items: readonly T[]): T {
  return items[r.int(items.length)];
}

/** Whole number in [lo, hi]. */
export function between(r: Rng, lo: number, hi: number): number {
  return lo + r.int(hi - lo + 1);
}

/** 1234567 → "1,234,567" (language-neutral grouping for the worked computation). */
export function group(n: number): string {
  return n.toLocaleString('en-US');
}

/** Signed term for a sum: "+ 3", "− 2". */
export function term(n: number): string {
  return n < 0 ? `− ${-n}` : `+ ${n}`;
}

/** "(−2)" for negatives so products read unambiguously. */
export function paren(n: number): string {
  return n < 0 ? `(−${-n})` : String(n);
}
