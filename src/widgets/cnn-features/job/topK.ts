// The k largest activations of each unit (channel) of a conv layer over many images, as in
// Zeiler & Fergus: for every image, a unit's best position; over all images, the k best of
// those. One entry per image keeps the nine patches from being nine shifts of one stroke.
import type { Tensor } from '../../../engine/tensor';

export interface TopK {
  k: number;
  /** Descending; -Infinity where empty. */
  values: Float32Array;
  images: Int32Array;
  rows: Int32Array;
  cols: Int32Array;
}

export function topK(k: number): TopK {
  return { k, values: new Float32Array(k).fill(-Infinity), images: new Int32Array(k).fill(-1), rows: new Int32Array(k), cols: new Int32Array(k) };
}

/** Insert (value at image, row, col) if it is among the k best so far. */
export function offer(t: TopK, value: number, image: number, row: number, col: number): void {
  const v = t.values;
  if (!(value > v[t.k - 1])) return;
  let i = t.k - 1;
  while (i > 0 && v[i - 1] < value) {
    v[i] = v[i - 1];
    t.images[i] = t.images[i - 1];
    t.rows[i] = t.rows[i - 1];
    t.cols[i] = t.cols[i - 1];
    i--;
  }
  v[i] = value;
  t.images[i] = image;
  t.rows[i] = row;
  t.cols[i] = col;
}

/**
 * Offer a batch of activation maps [n, h, w, c] (NHWC; image b of the batch is image
 * firstImage + b): for each image and channel, its maximum position goes to tops[channel].
 */
export function offerMaps(tops: TopK[], map: Tensor, firstImage: number): void {
  const [n, h, w, c] = map.shape;
  if (tops.length !== c) throw new RangeError(`${tops.length} top lists for ${c} channels`);
  const d = map.data;
  const best = new Float32Array(c);
  const at = new Int32Array(c);
  for (let b = 0; b < n; b++) {
    best.fill(-Infinity);
    const base = b * h * w * c;
    for (let p = 0; p < h * w; p++) {
      const o = base + p * c;
      for (let ch = 0; ch < c; ch++) {
        if (d[o + ch] > best[ch]) {
          best[ch] = d[o + ch];
          at[ch] = p;
        }
      }
    }
    for (let ch = 0; ch < c; ch++) offer(tops[ch], best[ch], firstImage + b, Math.floor(at[ch] / w), at[ch] % w);
  }
}
