// Inverted dropout (training only): keep each unit with probability q = 1 − rate and
// scale the survivors by 1/q, so inference needs no change. The mask comes from the
// model's seeded stream: same seed, same masks.
//   forward  y = x · m / q,  m ~ Bernoulli(q)        backward  dx = dy · m / q
import type { Rng } from '../random';
import type { Variable } from './variable';
import { gradSink } from './variable';
import { keep, prior, record, type Workspace } from './autograd';

export function dropout(x: Variable, rate: number, rng: Rng, ws?: Workspace): Variable {
  if (!(rate >= 0 && rate < 1)) throw new RangeError(`dropout: rate must be in [0, 1), got ${rate}`);
  const n = x.value.data.length;
  const q = 1 - rate;
  const scaleMask = prior(ws, 'mask', x.value) ?? { shape: x.value.shape.slice(), data: new Float32Array(n) };
  const y = prior(ws, 'y', x.value) ?? { shape: x.value.shape.slice(), data: new Float32Array(n) };
  const m = scaleMask.data, xd = x.value.data, yd = y.data;
  for (let i = 0; i < n; i++) {
    m[i] = rng.next() < q ? 1 / q : 0;
    yd[i] = xd[i] * m[i];
  }
  keep(ws, 'mask', scaleMask, x.value);
  keep(ws, 'y', y, x.value);
  return record(y, [x], (self) => {
    const sx = gradSink(x);
    const g = self.grad!.data, o = sx.out.data;
    for (let i = 0; i < n; i++) o[i] = g[i] * m[i];
    sx.finish();
  }, ws);
}
