// The architecture shape calculator's table: from an input h×w×c and a list of layers,
// each layer's output shape, activation size, parameters and multiplies — all from
// engine/shape.ts. A layer that cannot work gets a reason; the rows after it are blocked
// (shown as "—"), never a crash.
import {
  convOutputSize,
  convOutputSizeSides,
  samePadSides,
  poolOutputSize,
  convParamCount,
  denseParamCount,
  convMultiplyCount,
  sizeOf,
} from '../../../engine/shape';

export type LayerSpec =
  | { kind: 'conv'; f: number; s: number; p: number | 'same'; filters: number }
  | { kind: 'maxpool' | 'avgpool'; f: number; s: number }
  | { kind: 'flatten' }
  | { kind: 'dense'; units: number }
  /** A dense layer followed by softmax (the course's "softmax (10)" row). */
  | { kind: 'softmax'; units: number };

export type LayerKind = LayerSpec['kind'];

export interface InputSpec {
  h: number;
  w: number;
  c: number;
}

/** Why a layer cannot work, with the numbers for the message (text is in the widget's strings). */
export type LayerProblem =
  | { code: 'filter-too-big'; f: number; padded: number; axis: 'h' | 'w' }
  | { code: 'not-whole'; field: string }
  | { code: 'needs-volume' }
  | { code: 'bad-input' };

export interface LayerRow {
  layer: LayerSpec | null; // null for the input row
  output: number[] | null; // null when blocked or failed
  activation: number | null;
  params: number | null;
  multiplies: number | null;
  problem?: LayerProblem;
  /** An earlier layer failed: this row cannot be computed. */
  blocked: boolean;
}

export interface LayerTable {
  rows: LayerRow[];
  totals: { params: number; multiplies: number } | null; // null when any row failed
}

const isWhole = (v: number, min: number) => Number.isInteger(v) && v >= min;

function fieldProblem(layer: LayerSpec): LayerProblem | null {
  const checks: [string, number, number][] = [];
  if (layer.kind === 'conv') {
    checks.push(['f', layer.f, 1], ['s', layer.s, 1], ['filters', layer.filters, 1]);
    if (layer.p !== 'same') checks.push(['p', layer.p, 0]);
  } else if (layer.kind === 'maxpool' || layer.kind === 'avgpool') {
    checks.push(['f', layer.f, 1], ['s', layer.s, 1]);
  } else if (layer.kind === 'dense' || layer.kind === 'softmax') {
    checks.push(['units', layer.units, 1]);
  }
  for (const [field, v, min] of checks) if (!isWhole(v, min)) return { code: 'not-whole', field };
  return null;
}

/** One axis of a conv or pool window; returns the size or the reason it cannot fit. */
function axisOut(n: number, f: number, s: number, p: number | 'same', axis: 'h' | 'w'): number | LayerProblem {
  if (p === 'same') {
    const { before, after } = samePadSides(n, f, s);
    if (f > n + before + after) return { code: 'filter-too-big', f, padded: n + before + after, axis };
    return convOutputSizeSides(n, f, before, after, s);
  }
  if (f > n + 2 * p) return { code: 'filter-too-big', f, padded: n + 2 * p, axis };
  return convOutputSize(n, f, p, s);
}

function step(shape: number[], layer: LayerSpec): { output: number[]; params: number; multiplies: number } | LayerProblem {
  const fp = fieldProblem(layer);
  if (fp) return fp;
  switch (layer.kind) {
    case 'conv':
    case 'maxpool':
    case 'avgpool': {
      if (shape.length !== 3) return { code: 'needs-volume' };
      const [h, w, c] = shape;
      const p = layer.kind === 'conv' ? layer.p : 0;
      const oh = axisOut(h, layer.f, layer.s, p, 'h');
      if (typeof oh !== 'number') return oh;
      const ow = axisOut(w, layer.f, layer.s, p, 'w');
      if (typeof ow !== 'number') return ow;
      if (layer.kind === 'conv') {
        return {
          output: [oh, ow, layer.filters],
          params: convParamCount(layer.f, c, layer.filters),
          multiplies: convMultiplyCount(oh, ow, layer.filters, layer.f, c),
        };
      }
      // Pooling: same window arithmetic, channel by channel, no parameters, no multiplies.
      if (p === 0) poolOutputSize(h, layer.f, layer.s); // the one formula (throws only if the checks above missed)
      return { output: [oh, ow, c], params: 0, multiplies: 0 };
    }
    case 'flatten':
      return { output: [sizeOf(shape)], params: 0, multiplies: 0 };
    case 'dense':
    case 'softmax': {
      // A dense layer after a volume flattens it implicitly (as the course's tables do).
      const nIn = sizeOf(shape);
      return { output: [layer.units], params: denseParamCount(nIn, layer.units), multiplies: nIn * layer.units };
    }
  }
}

export function layerTable(input: InputSpec, layers: readonly LayerSpec[]): LayerTable {
  const rows: LayerRow[] = [];
  const inputOk = isWhole(input.h, 1) && isWhole(input.w, 1) && isWhole(input.c, 1);
  let shape: number[] | null = inputOk ? [input.h, input.w, input.c] : null;
  rows.push({
    layer: null,
    output: shape,
    activation: shape ? sizeOf(shape) : null,
    params: 0,
    multiplies: 0,
    problem: inputOk ? undefined : { code: 'bad-input' },
    blocked: false,
  });
  let params = 0;
  let multiplies = 0;
  for (const layer of layers) {
    if (!shape) {
      rows.push({ layer, output: null, activation: null, params: null, multiplies: null, blocked: true });
      continue;
    }
    const r = step(shape, layer);
    if ('code' in r) {
      rows.push({ layer, output: null, activation: null, params: null, multiplies: null, problem: r, blocked: false });
      shape = null;
      continue;
    }
    shape = r.output;
    params += r.params;
    multiplies += r.multiplies;
    rows.push({ layer, output: r.output, activation: sizeOf(r.output), params: r.params, multiplies: r.multiplies, blocked: false });
  }
  return { rows, totals: shape ? { params, multiplies } : null };
}
