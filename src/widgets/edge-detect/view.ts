// Edge detection view logic: which filters run (stacked into one HWIO bank so the worker makes
// a single conv2d call), and which pairs give the gradient magnitude √(Gx² + Gy²).
import { FILTERS, type FilterName } from '../../viz/filters';
import type { Tensor } from '../../engine/tensor';

/** The six edge filters, in the order of the bank's output channels. */
export const EDGE_BANK = [
  'vertical', 'horizontal', 'sobel-vertical', 'sobel-horizontal', 'scharr-vertical', 'scharr-horizontal',
] as const satisfies readonly FilterName[];
export type EdgeFilterName = (typeof EDGE_BANK)[number];

/** Gx (vertical-edge filter) and Gy (horizontal-edge filter) channels for the magnitude: Sobel's. */
export const SOBEL_PAIR: [number, number] = [EDGE_BANK.indexOf('sobel-vertical'), EDGE_BANK.indexOf('sobel-horizontal')];

/** Stack k 3×3 filters into HWIO [3, 3, 1, k]: w[u, v, 0, c] = filter_c[u][v]. */
export function filterBank(names: readonly FilterName[] = EDGE_BANK): Tensor {
  const k = names.length;
  const data = new Float32Array(9 * k);
  names.forEach((name, c) => {
    const f = FILTERS[name];
    for (let i = 0; i < 9; i++) data[i * k + c] = f[i];
  });
  return { shape: [3, 3, 1, k], data };
}
