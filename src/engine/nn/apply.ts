// Run one layer spec on the tape: the bridge from JSON specs to differentiable ops.
import type { Rng } from '../random';
import type { LayerSpec, MergeSpec } from './specs';
import type { Variable } from './variable';
import * as ag from './autograd';
import type { Workspace } from './autograd';
import { batchNorm, dropout } from './regularise';

export interface ApplyContext {
  training: boolean;
  rng: Rng;
  /** Present when the caller reuses buffers across steps (training loop). */
  ws?: Workspace;
}

export function applyLayer(spec: LayerSpec | MergeSpec, ins: Variable[], params: Variable[], ctx: ApplyContext): Variable {
  const x = ins[0];
  const ws = ctx.ws;
  switch (spec.type) {
    case 'conv2d':
      return ag.conv2d(x, params[0], params[1] ?? null, { stride: spec.stride ?? 1, pad: spec.pad ?? 'valid' }, ws);
    case 'conv2dTranspose':
      return ag.conv2dTranspose(x, params[0], params[1] ?? null, { stride: spec.stride ?? 1, pad: spec.pad ?? 0, outputPadding: spec.outputPadding ?? 0 }, ws);
    case 'maxPool2d':
      return ag.maxPool2d(x, { size: spec.size, stride: spec.stride ?? spec.size, pad: spec.pad ?? 0 }, ws);
    case 'avgPool2d':
      return ag.avgPool2d(x, { size: spec.size, stride: spec.stride ?? spec.size, pad: spec.pad ?? 0 }, ws);
    case 'globalAvgPool':
      return ag.globalAvgPool(x, ws);
    case 'dense':
      return ag.dense(x, params[0], params[1] ?? null, ws);
    case 'flatten':
      return ag.flatten(x, ws);
    case 'relu':
      return ag.relu(x, ws);
    case 'leakyRelu':
      return ag.leakyRelu(x, spec.alpha ?? 0.2, ws);
    case 'sigmoid':
      return ag.sigmoid(x, ws);
    case 'tanh':
      return ag.tanh(x, ws);
    case 'softmax':
      return ag.softmax(x, ws);
    case 'dropout':
      return ctx.training ? dropout(x, spec.rate, ctx.rng, ws) : x;
    case 'add':
      return ins.slice(1).reduce((acc, v) => ag.add(acc, v), x);
    case 'concat':
      return ag.concatChannels(ins, ws);
    case 'batchNorm':
      return batchNorm(x, params[0], params[1], params[2], params[3], { training: ctx.training, epsilon: spec.epsilon, momentum: spec.momentum }, ws);
    default:
      throw new RangeError(`unknown layer type '${(spec as { type: string }).type}'`);
  }
}
