// Layer specs are plain JSON (saved in model files, edited in the lab), and shape
// inference for them. Shapes here are PER EXAMPLE: [H, W, C] for images, [n] for vectors;
// the batch dimension is added at run time. All shape maths calls ../shape.ts.
import type { Padding } from '../shape';
import { transposedConvOutputSize, convOutputSize, convParamCount, convMultiplyCount, denseParamCount, poolOutputSize, resolvePadding, convOutputSizeSides, sizeOf } from '../shape';
import type { InitName } from './init';

export type LayerSpec =
  | { type: 'conv2d'; filters: number; size: number; stride?: number; pad?: Padding; useBias?: boolean; init?: InitName }
  | { type: 'conv2dTranspose'; filters: number; size: number; stride?: number; pad?: number | 'same' | 'valid'; outputPadding?: number; useBias?: boolean; init?: InitName }
  | { type: 'maxPool2d'; size: number; stride?: number; pad?: Padding }
  | { type: 'avgPool2d'; size: number; stride?: number; pad?: Padding }
  | { type: 'globalAvgPool' }
  | { type: 'dense'; units: number; useBias?: boolean; init?: InitName }
  | { type: 'relu' }
  | { type: 'leakyRelu'; alpha?: number }
  | { type: 'sigmoid' }
  | { type: 'tanh' }
  | { type: 'softmax' }
  | { type: 'flatten' }
  | { type: 'dropout'; rate: number }
  | { type: 'batchNorm'; epsilon?: number; momentum?: number };

/** Graph-only nodes: residual add and inception's channel concat take several inputs. */
export type MergeSpec = { type: 'add' } | { type: 'concat' };

export type NodeSpec = (LayerSpec | MergeSpec) & { id: string; inputs: string[] };

export interface ParamInfo {
  name: string;
  shape: number[];
  init: InitName | 'ones';
  fanIn: number;
  fanOut: number;
  /** Running statistics (batch norm) are saved but not trained by the optimiser. */
  trainable: boolean;
}

export interface LayerShapeInfo {
  outShape: number[];
  params: ParamInfo[];
  paramCount: number;
  multiplyCount: number;
}

const fmt = (s: readonly number[]) => `[${s.join(', ')}]`;

function needImage(type: string, s: readonly number[]): [number, number, number] {
  if (s.length !== 3) throw new RangeError(`${type} needs an image input [H, W, C], got ${fmt(s)}`);
  return [s[0], s[1], s[2]];
}

function posInt(type: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new RangeError(`${type}: ${name} must be a whole number ≥ 1, got ${String(v)}`);
  return v;
}

/** Output shape, parameters and multiplies of one layer given its input shape(s). */
export function layerShape(spec: LayerSpec | MergeSpec, inShapes: readonly (readonly number[])[]): LayerShapeInfo {
  const none = (outShape: number[]): LayerShapeInfo => ({ outShape, params: [], paramCount: 0, multiplyCount: 0 });
  if (spec.type === 'add' || spec.type === 'concat') {
    if (inShapes.length < 2) throw new RangeError(`${spec.type} needs at least two inputs, got ${inShapes.length}`);
    const first = inShapes[0];
    if (spec.type === 'add') {
      for (const s of inShapes) {
        if (fmt(s) !== fmt(first)) throw new RangeError(`add: input shapes differ: ${inShapes.map(fmt).join(' vs ')}`);
      }
      return none(first.slice());
    }
    let c = 0;
    for (const s of inShapes) {
      const [h, w, ch] = needImage('concat', s);
      if (h !== first[0] || w !== first[1]) throw new RangeError(`concat: heights and widths differ: ${inShapes.map(fmt).join(' vs ')}`);
      c += ch;
    }
    return none([first[0], first[1], c]);
  }
  if (inShapes.length !== 1) throw new RangeError(`${spec.type} takes one input, got ${inShapes.length}`);
  const s = inShapes[0];
  switch (spec.type) {
    case 'conv2d': {
      const [h, w, c] = needImage('conv2d', s);
      const f = posInt('conv2d', 'size', spec.size);
      const k = posInt('conv2d', 'filters', spec.filters);
      const st = posInt('conv2d', 'stride', spec.stride ?? 1);
      const p = resolvePadding(h, w, f, f, st, spec.pad ?? 'valid');
      const oh = p.top === p.bottom ? convOutputSize(h, f, p.top, st) : convOutputSizeSides(h, f, p.top, p.bottom, st);
      const ow = p.left === p.right ? convOutputSize(w, f, p.left, st) : convOutputSizeSides(w, f, p.left, p.right, st);
      const bias = spec.useBias ?? true;
      const params: ParamInfo[] = [
        { name: 'w', shape: [f, f, c, k], init: spec.init ?? 'he', fanIn: f * f * c, fanOut: f * f * k, trainable: true },
      ];
      if (bias) params.push({ name: 'b', shape: [k], init: 'zeros', fanIn: 1, fanOut: 1, trainable: true });
      return { outShape: [oh, ow, k], params, paramCount: convParamCount(f, c, k, bias), multiplyCount: convMultiplyCount(oh, ow, k, f, c) };
    }
    case 'conv2dTranspose': {
      // each input pixel paints an f×f×k block: (n − 1)·s + f − 2p + output padding
      const [h, w, c] = needImage('conv2dTranspose', s);
      const f = posInt('conv2dTranspose', 'size', spec.size);
      const k = posInt('conv2dTranspose', 'filters', spec.filters);
      const st = posInt('conv2dTranspose', 'stride', spec.stride ?? 1);
      const pad = spec.pad ?? 0, op = spec.outputPadding ?? 0;
      const size = (n: number) => (pad === 'same' ? n * st : pad === 'valid' ? (n - 1) * st + f : transposedConvOutputSize(n, f, pad, st, op));
      if (typeof pad === 'number' && op > pad) throw new RangeError(`conv2dTranspose: output padding ${op} is larger than the padding ${pad}`);
      const [oh, ow] = [size(h), size(w)];
      // He's fan-in: each output pixel sums about (f/s)² input pixels of c channels
      const fanIn = Math.max(c, Math.round((f * f * c) / (st * st)));
      const bias = spec.useBias ?? true;
      const params: ParamInfo[] = [
        { name: 'w', shape: [f, f, k, c], init: spec.init ?? 'he', fanIn, fanOut: f * f * k, trainable: true },
      ];
      if (bias) params.push({ name: 'b', shape: [k], init: 'zeros', fanIn: 1, fanOut: 1, trainable: true });
      // every input pixel multiplies its c values into f·f·k outputs
      return { outShape: [oh, ow, k], params, paramCount: convParamCount(f, c, k, bias), multiplyCount: h * w * f * f * c * k };
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const [h, w, c] = needImage(spec.type, s);
      const f = posInt(spec.type, 'size', spec.size);
      const st = posInt(spec.type, 'stride', spec.stride ?? spec.size);
      const p = resolvePadding(h, w, f, f, st, spec.pad ?? 0);
      if (p.top === p.bottom && p.left === p.right) return none([poolOutputSize(h, f, st, p.top), poolOutputSize(w, f, st, p.left), c]);
      return none([convOutputSizeSides(h, f, p.top, p.bottom, st), convOutputSizeSides(w, f, p.left, p.right, st), c]);
    }
    case 'globalAvgPool': {
      const [, , c] = needImage('globalAvgPool', s);
      return none([c]);
    }
    case 'dense': {
      if (s.length !== 1) throw new RangeError(`dense needs a flat input [n] (add a flatten layer), got ${fmt(s)}`);
      const units = posInt('dense', 'units', spec.units);
      const bias = spec.useBias ?? true;
      const params: ParamInfo[] = [{ name: 'w', shape: [s[0], units], init: spec.init ?? 'he', fanIn: s[0], fanOut: units, trainable: true }];
      if (bias) params.push({ name: 'b', shape: [units], init: 'zeros', fanIn: 1, fanOut: 1, trainable: true });
      return { outShape: [units], params, paramCount: denseParamCount(s[0], units, bias), multiplyCount: s[0] * units };
    }
    case 'flatten':
      return none([sizeOf(s)]);
    case 'batchNorm': {
      const c = s[s.length - 1];
      const mk = (name: string, init: 'zeros' | 'ones', trainable: boolean): ParamInfo => ({ name, shape: [c], init, fanIn: 1, fanOut: 1, trainable });
      const params = [mk('gamma', 'ones', true), mk('beta', 'zeros', true), mk('movingMean', 'zeros', false), mk('movingVar', 'ones', false)];
      return { outShape: s.slice(), params, paramCount: 4 * c, multiplyCount: 0 };
    }
    case 'dropout':
      if (!(spec.rate >= 0 && spec.rate < 1)) throw new RangeError(`dropout: rate must be in [0, 1), got ${spec.rate}`);
      return none(s.slice());
    case 'relu':
    case 'leakyRelu':
    case 'sigmoid':
    case 'tanh':
    case 'softmax':
      return none(s.slice());
    default:
      throw new RangeError(`unknown layer type '${(spec as { type: string }).type}'`);
  }
}
