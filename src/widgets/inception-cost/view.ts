// §17: the 5×5 branch of an Inception module on 28×28×192 → 28×28×32, directly or through a
// 1×1 "bottleneck" of k channels. Direct: 28·28·32 · 5·5·192 = 120,422,400 multiplies;
// bottleneck k = 16: 28·28·16·192 + 28·28·32·5·5·16 = 2,408,448 + 10,035,200 = 12,443,648.
import { sameConvStage, type ConvStage } from '../../viz/convStage';

export const INCEPTION_N = 28;
export const INCEPTION_C_IN = 192;
export const INCEPTION_C_OUT = 32;
export const INCEPTION_F = 5;
export const BOTTLENECK_MIN = 8;
export const BOTTLENECK_MAX = 192;
export const BOTTLENECK_DEFAULT = 16;

export interface InceptionCost {
  k: number;
  direct: ConvStage;
  /** 1×1 conv: 28×28×192 → 28×28×k. */
  reduce: ConvStage;
  /** 5×5 conv on the thin volume: 28×28×k → 28×28×32. */
  conv: ConvStage;
  bottleneckCost: number;
  /** direct / bottleneck: how many times cheaper the bottleneck is (< 1: dearer). */
  ratio: number;
  /** True when the bottleneck costs more than the direct convolution. */
  dearer: boolean;
}

export function inceptionCost(k: number): InceptionCost {
  const direct = sameConvStage(INCEPTION_N, INCEPTION_C_IN, INCEPTION_F, INCEPTION_C_OUT);
  const reduce = sameConvStage(INCEPTION_N, INCEPTION_C_IN, 1, k);
  const conv = sameConvStage(INCEPTION_N, k, INCEPTION_F, INCEPTION_C_OUT);
  const bottleneckCost = reduce.multiplies + conv.multiplies;
  return { k, direct, reduce, conv, bottleneckCost, ratio: direct.multiplies / bottleneckCost, dearer: bottleneckCost > direct.multiplies };
}

/** The smallest bottleneck width at which the bottleneck stops paying off (costs more than direct). */
export function breakEvenWidth(): number {
  for (let k = 1; k <= BOTTLENECK_MAX; k++) if (inceptionCost(k).dearer) return k;
  return Infinity;
}
