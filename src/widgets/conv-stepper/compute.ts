// The ONE place the stepper gets convolution outputs: the engine's conv2d, in the worker.
// Several filters go in one call as the output channels of an HWIO filter (the stepper sends
// the filter and, for the true-convolution view, its 180° flip).
import { computeClient } from '../../worker/client';
import { tensor, type Tensor } from '../../engine/tensor';
import type { Conv2dArgs } from './job';

export interface ConvMaps {
  outH: number;
  outW: number;
  /** One outH×outW map per filter, row-major. */
  maps: Float32Array[];
}

export interface SingleChannelImage {
  rows: number;
  cols: number;
  values: readonly number[];
}

/** The conv2d request for a 1-channel image and k f×f filters (HWIO with I = 1: w[(u·f+v)·k + o]). */
export function convArgs(image: SingleChannelImage, filters: readonly (readonly number[])[], f: number, stride: number, pad: number): Conv2dArgs {
  const k = filters.length;
  const w = new Float32Array(f * f * k);
  filters.forEach((flt, o) => flt.forEach((v, i) => (w[i * k + o] = v)));
  return { x: tensor(image.values, [1, image.rows, image.cols, 1]), w: tensor(w, [f, f, 1, k]), stride, pad };
}

/** Split the NHWC result [1, outH, outW, k] into k row-major maps. */
export function splitMaps(y: Tensor): ConvMaps {
  const [, outH, outW, k] = y.shape;
  const maps: Float32Array[] = [];
  for (let o = 0; o < k; o++) {
    const m = new Float32Array(outH * outW);
    for (let i = 0; i < m.length; i++) m[i] = y.data[i * k + o];
    maps.push(m);
  }
  return { outH, outW, maps };
}

/** Cross-correlate a single-channel image with each f×f filter (no bias), in the worker. */
export async function crossCorrelate(
  image: SingleChannelImage, filters: readonly (readonly number[])[], f: number, stride: number, pad: number,
): Promise<ConvMaps> {
  return splitMaps(await computeClient().request('conv2d', convArgs(image, filters, f, stride, pad)));
}
