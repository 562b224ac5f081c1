// Dropout and batch normalisation on the tape (both behave differently in training).
// Dropout: the op's seeded inverted mask; backward dx = dy ⊙ mask.
// Batch norm: the op normalises with batch statistics in training (updating the running
// ones in place) and with the running statistics at inference; backward from the op.
import type { Rng } from '../random';
import type { Variable } from './variable';
import { accumulateGrad } from './variable';
import { dropout as dropoutOp, dropoutBackward } from '../ops/dropout';
import { batchNorm as batchNormOp, batchNormBackward } from '../ops/batchNorm';
import { keep, prior, record, type Workspace } from './autograd';

export function dropout(x: Variable, rate: number, rng: Rng, ws?: Workspace): Variable {
  const r = dropoutOp(x.value, rate, rng, { training: true, out: prior(ws, 'y', x.value) });
  const mask = r.mask;
  return record(keep(ws, 'y', r.y, x.value), [x], (self) => {
    accumulateGrad(x, dropoutBackward(self.grad!, mask).dx);
  }, ws);
}

export interface BatchNormArgs {
  training: boolean;
  epsilon?: number;
  momentum?: number;
}

/** params: γ, β (trained) and the running mean and variance (updated in training). */
export function batchNorm(x: Variable, gamma: Variable, beta: Variable, runningMean: Variable, runningVar: Variable, o: BatchNormArgs, ws?: Workspace): Variable {
  const r = batchNormOp(x.value, gamma.value, beta.value, { runningMean: runningMean.value, runningVar: runningVar.value }, {
    training: o.training,
    eps: o.epsilon ?? 1e-3,
    momentum: o.momentum ?? 0.99,
    out: prior(ws, 'y', x.value),
  });
  return record(keep(ws, 'y', r.y, x.value), [x, gamma, beta], (self) => {
    const g = batchNormBackward(self.grad!, x.value, gamma.value, r);
    accumulateGrad(x, g.dx);
    accumulateGrad(gamma, g.dgamma);
    accumulateGrad(beta, g.dbeta);
  }, ws);
}
