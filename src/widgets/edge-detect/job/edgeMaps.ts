// edge-maps: run a bank of 3×3 filters over one grayscale picture in ONE conv2d call
// (filters stacked as HWIO [3, 3, 1, k]), and the gradient magnitude √(Gx² + Gy²) for the
// pairs of (vertical, horizontal) maps the page asks for. Valid padding, as in the course:
// an n×m picture gives (n − 2)×(m − 2) maps.
import { conv2d } from '../../../engine/ops/conv2d';
import type { Tensor } from '../../../engine/tensor';
import { defineRequest } from '../../../worker/job';

export interface EdgeMapsArgs {
  /** Grayscale picture [1, h, w, 1]. */
  image: Tensor;
  /** Filter bank [3, 3, 1, k]. */
  bank: Tensor;
  /** Channel pairs [gx, gy] whose magnitude to compute. */
  magnitudes?: [number, number][];
}

export interface EdgeMapsResult {
  height: number;
  width: number;
  /** k maps, each height·width, row-major (channel-separated for drawing). */
  maps: Float32Array[];
  magnitudes: Float32Array[];
}

export function edgeMapsOf(args: EdgeMapsArgs): EdgeMapsResult {
  const y = conv2d(args.image, args.bank, null, { stride: 1, pad: 'valid' });
  const [, height, width, k] = y.shape;
  const n = height * width;
  const maps = Array.from({ length: k }, () => new Float32Array(n));
  for (let i = 0; i < n; i++) for (let c = 0; c < k; c++) maps[c][i] = y.data[i * k + c];
  const magnitudes = (args.magnitudes ?? []).map(([gx, gy]) => {
    if (!maps[gx] || !maps[gy]) throw new RangeError(`edge-maps: channel pair [${gx}, ${gy}] is not in a bank of ${k} filters`);
    const m = new Float32Array(n);
    for (let i = 0; i < n; i++) m[i] = Math.hypot(maps[gx][i], maps[gy][i]);
    return m;
  });
  return { height, width, maps, magnitudes };
}

export const edgeMaps = defineRequest<EdgeMapsArgs, EdgeMapsResult>(edgeMapsOf);
