// Reading a YOLOv2-style output volume. The network ends in S×S×B·(5 + C) numbers: for each
// cell (row, col) and anchor a, a slot of raw outputs [t_o, t_x, t_y, t_h, t_w, z_1 … z_C]
// (the course's [p_c, b_x, b_y, b_h, b_w, c_1 … c_C] before the squashing). Decoding, in grid
// units, with (c_x, c_y) the cell's top-left corner and (p_w, p_h) the anchor's shape:
//   p_c = σ(t_o)            b_x = σ(t_x) + c_x      b_y = σ(t_y) + c_y
//   b_w = p_w·e^(t_w)       b_h = p_h·e^(t_h)       c_k = softmax(z)_k
// σ keeps the midpoint inside its cell (the cell that owns the object); e^t keeps the size
// positive while letting the box be smaller or larger than its anchor.
import { fromCenter, type Box } from './box';
import type { Shape } from './anchors';

export interface YoloHead {
  grid: number;
  /** anchor shapes [width, height] as fractions of the image */
  anchors: Shape[];
  classes: number;
}

export const slotSize = (h: YoloHead): number => 5 + h.classes;
export const slotCount = (h: YoloHead): number => h.grid * h.grid * h.anchors.length;

export const sigma = (t: number): number => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** softmax of z[at … at + C) into out[o … o + C) */
export function softmaxInto(z: ArrayLike<number>, at: number, C: number, out: Float32Array | Float64Array, o: number): void {
  let m = -Infinity;
  for (let k = 0; k < C; k++) m = Math.max(m, z[at + k]);
  let s = 0;
  for (let k = 0; k < C; k++) s += out[o + k] = Math.exp(z[at + k] - m);
  for (let k = 0; k < C; k++) out[o + k] /= s;
}

export interface DecodedSlots {
  /** one box per slot, as fractions of the image, in (row, col, anchor) order */
  boxes: Box[];
  /** p_c = σ(t_o) per slot */
  confidence: Float32Array;
  /** C class probabilities per slot */
  classProbs: Float32Array;
}

/** Decode one image's raw outputs (S·S·B·(5 + C) numbers starting at `offset`). */
export function decodeYolo(raw: ArrayLike<number>, head: YoloHead, offset = 0): DecodedSlots {
  const { grid: S, anchors, classes: C } = head;
  const B = anchors.length, D = 5 + C, n = S * S * B;
  if (raw.length - offset < n * D) throw new RangeError(`decodeYolo: need ${n * D} outputs for ${S}×${S}×${B}×${D}, got ${raw.length - offset}`);
  const boxes: Box[] = new Array(n);
  const confidence = new Float32Array(n);
  const classProbs = new Float32Array(n * C);
  for (let row = 0; row < S; row++) {
    for (let col = 0; col < S; col++) {
      for (let a = 0; a < B; a++) {
        const slot = (row * S + col) * B + a;
        const at = offset + slot * D;
        confidence[slot] = sigma(raw[at]);
        const bx = (sigma(raw[at + 1]) + col) / S;
        const by = (sigma(raw[at + 2]) + row) / S;
        const bh = anchors[a][1] * Math.exp(raw[at + 3]);
        const bw = anchors[a][0] * Math.exp(raw[at + 4]);
        boxes[slot] = fromCenter(bx, by, bw, bh);
        softmaxInto(raw, at + 5, C, classProbs, slot * C);
      }
    }
  }
  return { boxes, confidence, classProbs };
}
