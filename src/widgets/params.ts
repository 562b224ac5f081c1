// Small schema helpers for widget params: each widget describes its params once and gets
// defaults-merging and readable validation errors for free.
import type { Validation } from './types';

export interface Field<T> {
  check(v: unknown, key: string): { ok: true; value: T } | { ok: false; error: string };
}

export function int(min: number, max: number): Field<number> {
  return {
    check(v, key) {
      if (typeof v !== 'number' || !Number.isInteger(v)) return { ok: false, error: `${key} must be a whole number` };
      if (v < min || v > max) return { ok: false, error: `${key} must be between ${min} and ${max}, got ${v}` };
      return { ok: true, value: v };
    },
  };
}

export function num(min: number, max: number): Field<number> {
  return {
    check(v, key) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return { ok: false, error: `${key} must be a number` };
      if (v < min || v > max) return { ok: false, error: `${key} must be between ${min} and ${max}, got ${v}` };
      return { ok: true, value: v };
    },
  };
}

export function bool(): Field<boolean> {
  return {
    check(v, key) {
      return typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, error: `${key} must be true or false` };
    },
  };
}

export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  return {
    check(v, key) {
      return typeof v === 'string' && (values as readonly string[]).includes(v)
        ? { ok: true, value: v as T }
        : { ok: false, error: `${key} must be one of ${values.join(', ')}; got ${JSON.stringify(v)}` };
    },
  };
}

export function intOrOneOf<const T extends string>(min: number, max: number, values: readonly T[]): Field<number | T> {
  const i = int(min, max);
  const o = oneOf(values);
  return {
    check(v, key) {
      return typeof v === 'number' ? i.check(v, key) : o.check(v, key);
    },
  };
}

export function numberList(minLen: number, maxLen: number): Field<number[]> {
  return {
    check(v, key) {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
        return { ok: false, error: `${key} must be a list of numbers` };
      }
      if (v.length < minLen || v.length > maxLen) return { ok: false, error: `${key} must have ${minLen}–${maxLen} numbers` };
      return { ok: true, value: v.slice() };
    },
  };
}

type Schema<P> = { [K in keyof P]: Field<P[K]> };

/** Build validate(raw) from a schema and defaults: unknown keys and bad values are errors. */
export function schema<P extends Record<string, unknown>>(fields: Schema<P>, defaults: P): (raw: unknown) => Validation<P> {
  return (raw) => {
    if (raw === undefined || raw === null) return { ok: true, params: { ...defaults } };
    if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, errors: ['params must be a JSON object'] };
    const errors: string[] = [];
    const out = { ...defaults } as P;
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (!Object.hasOwn(fields, k)) {
        errors.push(`unknown param "${k}" (known: ${Object.keys(fields).join(', ')})`);
        continue;
      }
      const r = fields[k as keyof P].check(v, k);
      if (r.ok) out[k as keyof P] = r.value;
      else errors.push(r.error);
    }
    return errors.length ? { ok: false, errors } : { ok: true, params: out };
  };
}
