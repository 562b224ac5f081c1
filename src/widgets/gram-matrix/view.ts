// Lesson 44 (§41): small editable activation volumes for the Gram-matrix widget. A volume is
// kept as channels (each a row-major n_H·n_W list, as the lesson writes them) and packed to
// NHWC [1, n_H, n_W, n_C] for the engine (worker job 'gram-style').
import { tensor, type Tensor } from '../../engine/tensor';

export type Channels = number[][];

/** The lesson's worked example: channel 1 = [1 0; 2 1], channel 2 = [0 1; 1 1] → G = [[6, 3], [3, 3]]. */
export const LESSON_S: Channels = [[1, 0, 2, 1], [0, 1, 1, 1]];
/** A generated image whose channel 1 has moved: [1 0; 0 1] → G = [[2, 1], [1, 3]]. */
export const DEFAULT_G: Channels = [[1, 0, 0, 1], [0, 1, 1, 1]];

export function packChannels(ch: Channels, side: number): Tensor {
  const c = ch.length;
  const x = new Float32Array(side * side * c);
  for (let k = 0; k < c; k++) for (let p = 0; p < side * side; p++) x[p * c + k] = ch[k][p];
  return tensor(x, [1, side, side, c]);
}

/**
 * Resize a volume to `channels` × side², keeping every value the user entered where it still
 * fits (row, column, channel); new cells start at 0.
 */
export function resizeChannels(ch: Channels, oldSide: number, side: number, channels: number): Channels {
  return Array.from({ length: channels }, (_, k) =>
    Array.from({ length: side * side }, (_, p) => {
      const r = Math.floor(p / side), c = p % side;
      return k < ch.length && r < oldSide && c < oldSide ? ch[k][r * oldSide + c] : 0;
    }),
  );
}

/** Move channel k one position along (row-major, wrapping): its total activity is unchanged, its places are not. */
export function rollChannel(ch: Channels, k: number): Channels {
  return ch.map((v, i) => (i === k ? [v[v.length - 1], ...v.slice(0, -1)] : v.slice()));
}

/** The products a_ij,k · a_ij,k' of one Gram entry, position by position (what G_kk' adds up). */
export function gramTerms(ch: Channels, k: number, k2: number): { a: number; b: number }[] {
  return ch[k].map((a, p) => ({ a, b: ch[k2][p] }));
}
