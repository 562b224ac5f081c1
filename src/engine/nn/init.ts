// Weight initialisation. Scale matters: with ReLU, He's Var(w) = 2/fan_in keeps the
// activations' variance constant layer to layer; Glorot's 2/(fan_in + fan_out) does the
// same for tanh/sigmoid. Truncation at 2σ (Keras' he_normal / truncated_normal) redraws
// the rare huge weights; we rescale by 1/0.87962566 so the variance is still the target.
export type InitName = 'he' | 'heTruncated' | 'glorot' | 'glorotUniform' | 'zeros';

import type { Rng } from '../random';

// Std of a standard normal truncated to [-2, 2].
const TRUNC2_STD = 0.8796256610342398;

export function initWeights(out: Float32Array, init: InitName, fanIn: number, fanOut: number, r: Rng): void {
  const n = out.length;
  switch (init) {
    case 'zeros':
      out.fill(0);
      return;
    case 'he': {
      const s = Math.sqrt(2 / fanIn);
      for (let i = 0; i < n; i++) out[i] = r.normal(0, s);
      return;
    }
    case 'heTruncated': {
      const s = Math.sqrt(2 / fanIn) / TRUNC2_STD;
      for (let i = 0; i < n; i++) out[i] = r.truncatedNormal(0, s);
      return;
    }
    case 'glorot': {
      const s = Math.sqrt(2 / (fanIn + fanOut));
      for (let i = 0; i < n; i++) out[i] = r.normal(0, s);
      return;
    }
    case 'glorotUniform': {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < n; i++) out[i] = r.uniform(-a, a);
      return;
    }
    default:
      throw new RangeError(`unknown initialisation '${String(init)}'`);
  }
}
