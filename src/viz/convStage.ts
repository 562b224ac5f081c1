// One conv layer of a cost diagram (Inception, bottleneck, MobileNet): input and output shapes,
// parameters and multiplies — every number from engine/shape.ts, never a second formula.
import { convMultiplyCount, convOutputSize, convParamCount, samePadding } from '../engine/shape';

export interface ConvStage {
  /** Filter size f (f × f × cIn filters). */
  f: number;
  cIn: number;
  cOut: number;
  inShape: [number, number, number];
  outShape: [number, number, number];
  params: number;
  multiplies: number;
}

/** A stride-1 "same" convolution of an n×n×cIn volume with cOut filters of f×f×cIn. */
export function sameConvStage(n: number, cIn: number, f: number, cOut: number): ConvStage {
  const out = convOutputSize(n, f, samePadding(f), 1);
  return {
    f, cIn, cOut,
    inShape: [n, n, cIn],
    outShape: [out, out, cOut],
    params: convParamCount(f, cIn, cOut),
    multiplies: convMultiplyCount(out, out, cOut, f, cIn),
  };
}
