// The ONE place the pooling widget gets its numbers: the engine's max/avg pooling in the worker.
import { computeClient } from '../../worker/client';
import { tensor } from '../../engine/tensor';
import type { Pool2dResult } from './job';

export function pool(data: number[], n: number, c: number, mode: 'max' | 'avg', f: number, s: number): Promise<Pool2dResult> {
  return computeClient().request('pool2d', { x: tensor(data, [1, n, n, c]), mode, size: f, stride: s });
}

/** Input cell (row, col) of the winner of output value o, from the engine's argmax (NHWC flat indices). */
export function winnerCell(argmax: Int32Array, o: number, n: number, c: number): { row: number; col: number } {
  const pixel = Math.floor(argmax[o] / c);
  return { row: Math.floor(pixel / n), col: pixel % n };
}
