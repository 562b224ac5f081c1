// Lesson 19 (MobileNet): a normal convolution vs depthwise + pointwise on n×n×n_C with f×f
// filters and n_C' outputs. Every count from engine/shape.ts:
//   normal     n_out²·f²·n_C·n_C'      depthwise n_out²·f²·n_C      pointwise n_out²·n_C·n_C'
//   separable / normal = 1/n_C' + 1/f²   (6×6×3, f 3, 5 filters: 2160 vs 432 + 240 = 672)
import { convMultiplyCount, convOutputSize, convParamCount, depthwiseMultiplyCount, depthwiseParamCount, samePadSides } from '../../engine/shape';

export type DwPadding = 'valid' | 'same';

export interface DepthwiseCosts {
  nOut: number;
  normal: { multiplies: number; params: number; outShape: [number, number, number] };
  depthwise: { multiplies: number; params: number; outShape: [number, number, number] };
  pointwise: { multiplies: number; params: number; outShape: [number, number, number] };
  separable: number;
  /** separable / normal, from the counts. */
  ratio: number;
  /** 1/n_C' + 1/f², the lesson's rule (equal to ratio). */
  rule: number;
}

/** Output size along one axis, stride 1 ('same' as TensorFlow pads it). Throws RangeError if f does not fit. */
export function dwOutputSize(n: number, f: number, pad: DwPadding): number {
  return pad === 'same' ? samePadSides(n, f, 1).out : convOutputSize(n, f, 0, 1);
}

export function depthwiseCosts(n: number, nC: number, f: number, nC2: number, pad: DwPadding = 'valid'): DepthwiseCosts {
  const o = dwOutputSize(n, f, pad);
  const normal = convMultiplyCount(o, o, nC2, f, nC);
  const dw = depthwiseMultiplyCount(o, o, f, nC);
  const pw = convMultiplyCount(o, o, nC2, 1, nC);
  return {
    nOut: o,
    normal: { multiplies: normal, params: convParamCount(f, nC, nC2), outShape: [o, o, nC2] },
    depthwise: { multiplies: dw, params: depthwiseParamCount(f, nC), outShape: [o, o, nC] },
    pointwise: { multiplies: pw, params: convParamCount(1, nC, nC2), outShape: [o, o, nC2] },
    separable: dw + pw,
    ratio: (dw + pw) / normal,
    rule: 1 / nC2 + 1 / (f * f),
  };
}

/**
 * The step-through: depthwise channel by channel, then pointwise filter by filter, in at most
 * `maxChunks` steps per stage. Step s (1-based) covers channels/filters [from, to).
 */
export interface DwStep {
  stage: 'depthwise' | 'pointwise';
  from: number;
  to: number;
  /** Separable multiplies done after this step (cumulative). */
  done: number;
}

export function depthwiseSteps(c: DepthwiseCosts, nC: number, nC2: number, maxChunks = 8): DwStep[] {
  const steps: DwStep[] = [];
  const perChannel = c.depthwise.multiplies / nC;
  const perFilter = c.pointwise.multiplies / nC2;
  let done = 0;
  const chunk = (count: number) => Math.ceil(count / maxChunks);
  for (let a = 0; a < nC; a += chunk(nC)) {
    const b = Math.min(nC, a + chunk(nC));
    done += perChannel * (b - a);
    steps.push({ stage: 'depthwise', from: a, to: b, done });
  }
  for (let a = 0; a < nC2; a += chunk(nC2)) {
    const b = Math.min(nC2, a + chunk(nC2));
    done += perFilter * (b - a);
    steps.push({ stage: 'pointwise', from: a, to: b, done });
  }
  return steps;
}

/** MobileNet v2 bottleneck block on n×n×c: expansion ×t (1×1), 3×3 depthwise (same), projection (1×1), residual. */
export function mobileNetV2Block(n: number, c: number, t = 6) {
  const e = c * t;
  return {
    input: [n, n, c] as [number, number, number],
    expand: { outShape: [n, n, e] as [number, number, number], multiplies: convMultiplyCount(n, n, e, 1, c), params: convParamCount(1, c, e) },
    depthwise: { outShape: [n, n, e] as [number, number, number], multiplies: depthwiseMultiplyCount(n, n, 3, e), params: depthwiseParamCount(3, e) },
    project: { outShape: [n, n, c] as [number, number, number], multiplies: convMultiplyCount(n, n, c, 1, e), params: convParamCount(1, e, c) },
  };
}
