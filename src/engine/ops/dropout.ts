// Inverted dropout with a seeded mask (same seed ⇒ same units dropped).
//   forward  mask_i = 1/(1−rate) with probability 1−rate, else 0;  y = x ⊙ mask
//            (inference: y = x — the scaling at training time keeps expectations equal)
//   backward dx = dy ⊙ mask
import type { Tensor } from '../tensor';
import { rng, type Rng } from '../random';
import { fmtShape, outTensor } from './check';

export interface DropoutResult {
  y: Tensor;
  /** 0 or 1/(1−rate) per element; null at inference (identity). */
  mask: Float32Array | null;
}

export function dropout(x: Tensor, rate: number, seedOrRng: number | Rng, opts: { training?: boolean; out?: Tensor } = {}): DropoutResult {
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`dropout: rate must be in [0, 1), got ${rate}`);
  const training = opts.training ?? true;
  if (!training || rate === 0) {
    const y = outTensor('dropout', x.shape.slice(), opts.out);
    y.data.set(x.data);
    return { y, mask: null };
  }
  const r = typeof seedOrRng === 'number' ? rng(seedOrRng) : seedOrRng;
  const keep = 1 / (1 - rate);
  const mask = new Float32Array(x.data.length);
  const y = outTensor('dropout', x.shape.slice(), opts.out);
  const xd = x.data, yd = y.data;
  for (let i = 0; i < xd.length; i++) {
    const m = r.next() < rate ? 0 : keep;
    mask[i] = m;
    yd[i] = xd[i] * m;
  }
  return { y, mask };
}

export function dropoutBackward(dy: Tensor, mask: Float32Array | null): { dx: Tensor } {
  if (mask && mask.length !== dy.data.length) {
    throw new RangeError(`dropout: mask has ${mask.length} entries but dy ${fmtShape(dy.shape)} has ${dy.data.length}`);
  }
  const d = new Float32Array(dy.data.length);
  if (!mask) d.set(dy.data);
  else for (let i = 0; i < d.length; i++) d[i] = dy.data[i] * mask[i];
  return { dx: { shape: dy.shape.slice(), data: d } };
}
