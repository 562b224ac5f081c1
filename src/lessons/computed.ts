// {{ fn(args) }} computed numbers in lesson prose. The lesson states a formula's inputs and
// the page computes the value with the engine's shape maths, so the prose can never
// disagree with the widget beside it. A tiny expression language: calls of whitelisted
// functions whose arguments are number literals or nested calls — nothing else.
import {
  convMultiplyCount,
  convOutputSize,
  convParamCount,
  convParamCountNd,
  denseParamCount,
  depthwiseMultiplyCount,
  depthwiseParamCount,
  samePadding,
  transposedConvOutputSize,
} from '../engine/shape';
import { iou, tripletLossOne } from '../geometry';

/** arity: an exact count, a [min, max] range (optional trailing arguments), or 'many'. */
type Fn = { arity: number | readonly [number, number] | 'many'; call(args: number[]): number };

export const COMPUTED_FUNCTIONS: Record<string, Fn> = {
  convOutputSize: { arity: 4, call: ([n, f, p, s]) => convOutputSize(n, f, p, s) },
  samePadding: {
    arity: 1,
    call: ([f]) => {
      const p = samePadding(f);
      if (!Number.isInteger(p)) throw new RangeError(`samePadding needs an odd filter size, got f = ${f}`);
      return p;
    },
  },
  convParamCount: { arity: 3, call: ([f, cIn, cOut]) => convParamCount(f, cIn, cOut) },
  denseParamCount: { arity: 2, call: ([nIn, nOut]) => denseParamCount(nIn, nOut) },
  convMultiplyCount: { arity: 5, call: ([h, w, c, f, cIn]) => convMultiplyCount(h, w, c, f, cIn) },
  depthwiseParamCount: { arity: 2, call: ([f, c]) => depthwiseParamCount(f, c, false) },
  depthwiseMultiplyCount: { arity: 4, call: ([h, w, f, c]) => depthwiseMultiplyCount(h, w, f, c) },
  /** 3-D conv layer: (f·f·f·n_C + 1)·n_C'. */
  conv3dParamCount: { arity: 3, call: ([f, cIn, cOut]) => convParamCountNd([f, f, f], cIn, cOut) },
  /** (n − 1)·s + f − 2p + output padding (the U-Net "up-convolution"). */
  transposedConvOutputSize: { arity: [4, 5], call: ([n, f, p, s, op]) => transposedConvOutputSize(n, f, p, s, op ?? 0) },
  /** IoU of two boxes given by corners: iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2). */
  iou: {
    arity: 8,
    call: ([ax1, ay1, ax2, ay2, bx1, by1, bx2, by2]) => iou({ x1: ax1, y1: ay1, x2: ax2, y2: ay2 }, { x1: bx1, y1: by1, x2: bx2, y2: by2 }),
  },
  /** max(d(A,P) − d(A,N) + α, 0) from the two squared distances (as 1-D encodings 0, √d). */
  tripletLoss: {
    arity: 3,
    call: ([dAP, dAN, alpha]) => {
      if (dAP < 0 || dAN < 0) throw new RangeError('squared distances cannot be negative');
      return tripletLossOne([0], [Math.sqrt(dAP)], [Math.sqrt(dAN)], alpha);
    },
  },
  quotient: {
    arity: 2,
    call: ([a, b]) => {
      if (b === 0) throw new RangeError('division by zero');
      return a / b;
    },
  },
  /** round(x, places): x rounded to that many decimals. */
  round: { arity: 2, call: ([x, places]) => Number(x.toFixed(places)) },
  product: { arity: 'many', call: (a) => a.reduce((x, y) => x * y, 1) },
  sum: { arity: 'many', call: (a) => a.reduce((x, y) => x + y, 0) },
};

export class ComputedError extends Error {
  constructor(readonly expr: string, detail: string) {
    super(`{{ ${expr} }}: ${detail}`);
    this.name = 'ComputedError';
  }
}

/** Evaluate one expression such as `convOutputSize(7, 3, 0, 2)`. Throws ComputedError. */
export function evaluateComputed(expr: string): number {
  const src = expr.trim();
  let pos = 0;
  const fail = (msg: string): never => {
    throw new ComputedError(src, msg);
  };
  const ws = () => {
    while (pos < src.length && /\s/.test(src[pos])) pos++;
  };
  const value = (): number => {
    ws();
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    const name = /^[A-Za-z_]\w*/.exec(src.slice(pos));
    if (!name) return fail(`expected a number or a function call at position ${pos + 1}`);
    pos += name[0].length;
    const fn = COMPUTED_FUNCTIONS[name[0]];
    if (!fn || !Object.prototype.hasOwnProperty.call(COMPUTED_FUNCTIONS, name[0])) {
      return fail(`unknown function "${name[0]}" (allowed: ${Object.keys(COMPUTED_FUNCTIONS).join(', ')})`);
    }
    ws();
    if (src[pos] !== '(') return fail(`expected "(" after ${name[0]}`);
    pos++;
    const args: number[] = [];
    ws();
    if (src[pos] !== ')') {
      for (;;) {
        args.push(value());
        ws();
        if (src[pos] === ',') {
          pos++;
          continue;
        }
        if (src[pos] === ')') break;
        return fail(`expected "," or ")" at position ${pos + 1}`);
      }
    }
    pos++;
    const [lo, hi] = fn.arity === 'many' ? [1, Infinity] : typeof fn.arity === 'number' ? [fn.arity, fn.arity] : fn.arity;
    if (args.length < lo || args.length > hi) {
      const want = fn.arity === 'many' ? 'at least one' : lo === hi ? String(lo) : `${lo} to ${hi}`;
      return fail(`${name[0]} takes ${want} argument(s), got ${args.length}`);
    }
    try {
      return fn.call(args);
    } catch (e) {
      return fail(e instanceof Error ? e.message : String(e));
    }
  };
  const v = value();
  ws();
  if (pos !== src.length) fail(`unexpected "${src.slice(pos)}" after the expression`);
  if (!Number.isFinite(v)) fail('the result is not a finite number');
  return v;
}

const formatters: Record<string, Intl.NumberFormat> = {};

/** Format a computed number for the lesson's language: 14,450,688 (en and zh-CN alike). */
export function formatNumber(v: number, lang: 'en' | 'zh'): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  formatters[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  return formatters[locale].format(v);
}
