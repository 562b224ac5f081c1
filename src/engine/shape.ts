// Shape maths has one home. The engine, the geometry code and every lesson call these,
// so a lesson can never disagree with the engine.
//
//   output size   ⌊(n + 2p − f) / s⌋ + 1        (p per side; floor: the window must fit)
//   same padding  total = max((⌈n/s⌉ − 1)·s + f − n, 0); TensorFlow puts the extra
//                 row/column (odd total) at the bottom/right.

export type Padding = number | 'valid' | 'same';

/** Explicit per-side padding, as TensorFlow resolves 'same' (extra goes after). */
export interface PadSides {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function assertInt(name: string, v: number, min: number): void {
  if (!Number.isFinite(v) || !Number.isInteger(v)) {
    throw new RangeError(`${name} must be a whole number, got ${v}`);
  }
  if (v < min) throw new RangeError(`${name} must be at least ${min}, got ${v}`);
}

/**
 * ⌊(n + 2p − f)/s⌋ + 1: the number of window positions along one axis.
 * Throws a RangeError with a readable message when the window cannot fit even once.
 */
export function convOutputSize(n: number, f: number, p: number, s: number): number {
  assertInt('input size n', n, 1);
  assertInt('filter size f', f, 1);
  assertInt('padding p', p, 0);
  assertInt('stride s', s, 1);
  if (f > n + 2 * p) {
    throw new RangeError(
      `filter size f = ${f} is larger than the padded input n + 2p = ${n} + 2·${p} = ${n + 2 * p}`,
    );
  }
  return Math.floor((n + 2 * p - f) / s) + 1;
}

/** Same as convOutputSize but with asymmetric padding (before + after instead of 2p). */
export function convOutputSizeSides(n: number, f: number, padBefore: number, padAfter: number, s: number): number {
  assertInt('input size n', n, 1);
  assertInt('filter size f', f, 1);
  assertInt('padding', padBefore, 0);
  assertInt('padding', padAfter, 0);
  assertInt('stride s', s, 1);
  const padded = n + padBefore + padAfter;
  if (f > padded) {
    throw new RangeError(`filter size f = ${f} is larger than the padded input ${n} + ${padBefore} + ${padAfter} = ${padded}`);
  }
  return Math.floor((padded - f) / s) + 1;
}

/** True when (n + 2p − f) is a multiple of s, i.e. the last window ends exactly at the edge. */
export function strideDivides(n: number, f: number, p: number, s: number): boolean {
  return (n + 2 * p - f) % s === 0;
}

/** The course's "same" padding for stride 1 and odd f: p = (f − 1)/2. */
export function samePadding(f: number): number {
  assertInt('filter size f', f, 1);
  return (f - 1) / 2;
}

/**
 * TensorFlow's 'same' padding along one axis: output ⌈n/s⌉, total padding split with the
 * extra unit after (bottom/right). For odd f and s = 1 this is (f−1)/2 on each side.
 */
export function samePadSides(n: number, f: number, s: number): { before: number; after: number; out: number } {
  assertInt('input size n', n, 1);
  assertInt('filter size f', f, 1);
  assertInt('stride s', s, 1);
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + f - n, 0);
  const before = Math.floor(total / 2);
  return { before, after: total - before, out };
}

/** Resolve a Padding for a 2-D window into per-side padding. */
export function resolvePadding(h: number, w: number, fh: number, fw: number, stride: number, pad: Padding): PadSides {
  if (pad === 'valid') return { top: 0, bottom: 0, left: 0, right: 0 };
  if (pad === 'same') {
    const r = samePadSides(h, fh, stride);
    const c = samePadSides(w, fw, stride);
    return { top: r.before, bottom: r.after, left: c.before, right: c.after };
  }
  assertInt('padding p', pad, 0);
  return { top: pad, bottom: pad, left: pad, right: pad };
}

/** Pooling uses the same window arithmetic as convolution. */
export function poolOutputSize(n: number, f: number, s: number, p = 0): number {
  return convOutputSize(n, f, p, s);
}

/** Parameters of a conv layer: (f·f·n_C_prev + 1)·n_C (weights plus one bias per filter). */
export function convParamCount(f: number, cIn: number, cOut: number, bias = true): number {
  return (f * f * cIn + (bias ? 1 : 0)) * cOut;
}

/** Parameters of a dense layer: (n_in + 1)·n_out. */
export function denseParamCount(nIn: number, nOut: number, bias = true): number {
  return (nIn + (bias ? 1 : 0)) * nOut;
}

/** Multiplies of a conv layer: every output value costs f·f·n_C_prev multiplies. */
export function convMultiplyCount(outH: number, outW: number, cOut: number, f: number, cIn: number): number {
  return outH * outW * cOut * f * f * cIn;
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Resolve a Padding along one axis (conv1d, conv3d) into before/after padding. */
export function resolvePadding1d(n: number, f: number, stride: number, pad: Padding): { before: number; after: number } {
  if (pad === 'valid') return { before: 0, after: 0 };
  if (pad === 'same') {
    const r = samePadSides(n, f, stride);
    return { before: r.before, after: r.after };
  }
  assertInt('padding p', pad, 0);
  return { before: pad, after: pad };
}

/**
 * Multiplies of a depthwise convolution: one f×f filter per input channel, each channel
 * convolved with its own filter only, so every output value costs f·f multiplies:
 * outH·outW·c·f·f. (A pointwise step is convMultiplyCount(outH, outW, cOut, 1, c).)
 */
export function depthwiseMultiplyCount(outH: number, outW: number, f: number, c: number): number {
  return outH * outW * c * f * f;
}

/** Parameters of a depthwise convolution: c filters of f×f (+ one bias each). */
export function depthwiseParamCount(f: number, c: number, bias = true): number {
  return (f * f + (bias ? 1 : 0)) * c;
}

/**
 * Parameters of a conv layer with any number of spatial axes (1-D: [f], 2-D: [f, f],
 * 3-D: [f, f, f]): (Π filterShape · n_C_prev + 1) · n_C.
 */
export function convParamCountNd(filterShape: readonly number[], cIn: number, cOut: number, bias = true): number {
  return (sizeOf(filterShape) * cIn + (bias ? 1 : 0)) * cOut;
}

/**
 * Transposed convolution ("up-convolution", U-Net): each input cell stamps the f×f filter,
 * scaled by its value, into the output at stride s; overlaps add. The full stamp area is
 * (n − 1)·s + f; padding p crops p rows/columns on each side and output padding adds
 * `outputPadding` back at the bottom/right (PyTorch's output_padding): p = 1, op = 1 crops the
 * top row/left column only, which is the lecture's figure. TensorFlow's 'same' gives the same
 * size but crops the bottom/right instead, so its values sit one pixel over.
 * 2×2, f = 3, s = 2, p = 1, op = 1 → 4×4.
 */
export function transposedConvOutputSize(n: number, f: number, p: number, s: number, outputPadding = 0): number {
  assertInt('input size n', n, 1);
  assertInt('filter size f', f, 1);
  assertInt('padding p', p, 0);
  assertInt('stride s', s, 1);
  assertInt('output padding', outputPadding, 0);
  if (outputPadding >= s && outputPadding > 0) throw new RangeError(`output padding must be smaller than the stride (${s}), got ${outputPadding}`);
  const out = (n - 1) * s + f - 2 * p + outputPadding;
  if (out < 1) throw new RangeError(`padding p = ${p} crops away the whole ${(n - 1) * s + f}-wide output`);
  return out;
}
