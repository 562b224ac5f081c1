// Pure derivation for the output-size widget (tested in Node): from the raw n, f, p, s the
// user typed (possibly impossible) to the geometry, the formula with live numbers, and —
// when it cannot work — which field is at fault and why. Sizes come from engine/shape.ts
// through viz/window (never a second formula).
import { samePadSides } from '../../engine/shape';
import { tryWindowGeometry, unreachedPadded, type WindowGeometry } from '../../viz/window';
import { formatCell } from '../../viz/format';

export type PadMode = 'number' | 'same' | 'valid';

export interface RawSettings {
  n: number | null;
  f: number | null;
  p: number | null;
  mode: PadMode;
  s: number | null;
}

export type Problem =
  | { field: 'f'; kind: 'too-big'; values: { f: number; n: number; padded: number; p: string } }
  | { field: 'n' | 'f' | 'p' | 's'; kind: 'field' };

export interface Derived {
  geom: WindowGeometry | null;
  /** (n + p_before + p_after − f)/s, unfloored. */
  quotient: number | null;
  /** true when the quotient is a whole number (no rows/columns left over). */
  exact: boolean;
  unreached: { rows: number[]; cols: number[] };
  /** The formula with the live numbers, as TeX. */
  tex: string;
  problem: Problem | null;
}

const LIMITS = { n: [1, 64], f: [1, 15], p: [0, 10], s: [1, 8] } as const;

/** A field's own problem (not a number, not whole, out of the drawable range) — null if fine. */
export function fieldOk(name: keyof typeof LIMITS, v: number | null): boolean {
  if (v === null || !Number.isInteger(v)) return false;
  return v >= LIMITS[name][0] && v <= LIMITS[name][1];
}

export function derive(raw: RawSettings): Derived {
  const generic = '\\left\\lfloor \\frac{n + 2p - f}{s} \\right\\rfloor + 1';
  const none = { geom: null, quotient: null, exact: false, unreached: { rows: [], cols: [] } };
  for (const k of ['n', 'f', 's'] as const) if (!fieldOk(k, raw[k])) return { ...none, tex: generic, problem: { field: k, kind: 'field' } };
  if (raw.mode === 'number' && !fieldOk('p', raw.p)) return { ...none, tex: generic, problem: { field: 'p', kind: 'field' } };
  const n = raw.n!, f = raw.f!, s = raw.s!;
  const padding = raw.mode === 'number' ? raw.p! : raw.mode;
  const before = raw.mode === 'same' ? samePadSides(n, f, s).before : raw.mode === 'valid' ? 0 : raw.p!;
  const after = raw.mode === 'same' ? samePadSides(n, f, s).after : before;
  const padTex = before === after ? `2\\cdot ${before}` : `${before} + ${after}`;
  const top = `${n} + ${padTex} - ${f}`;
  const r = tryWindowGeometry(n, n, f, s, padding);
  if (!r.ok) {
    const padded = n + before + after;
    return {
      ...none,
      tex: `\\left\\lfloor \\frac{${top}}{${s}} \\right\\rfloor + 1 \\quad (${f} > ${padded})`,
      problem: { field: 'f', kind: 'too-big', values: { f, n, padded, p: before === after ? `2·${before}` : `${before} + ${after}` } },
    };
  }
  const g = r.geom;
  const num = n + before + after - f;
  const quotient = num / s;
  const exact = num % s === 0;
  const lhs = before === after ? generic : '\\left\\lfloor \\frac{n + p_{\\text{before}} + p_{\\text{after}} - f}{s} \\right\\rfloor + 1';
  const mid = exact ? `${quotient}` : `\\lfloor ${formatCell(quotient, 3)} \\rfloor`;
  return {
    geom: g, quotient, exact, unreached: unreachedPadded(g),
    tex: `${lhs} = \\left\\lfloor \\frac{${top}}{${s}} \\right\\rfloor + 1 = ${mid} + 1 = ${g.outH}`,
    problem: null,
  };
}
