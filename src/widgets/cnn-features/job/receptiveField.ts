// The receptive field of a unit: which input pixels can change its value. Walking the layer
// stack from the input, with r the field's side, j the jump (input pixels between two
// neighbouring units of the layer) and o the input coordinate of the top-left pixel of unit 0:
//
//   a conv or pool layer of window f, stride s, padding p (before):
//     r ← r + (f − 1)·j        (f neighbouring units of the layer below, j apart)
//     o ← o − p·j              (padding shifts the window up/left)
//     j ← j·s
//   element-wise layers (relu, batch norm, …) change nothing.
//
// LeNet-5-like: conv 5 → (r 5, j 1); pool 2 → (r 6, j 2); conv 5 → (r 6 + 4·2 = 14, j 2);
// pool 2 → (r 16, j 4). Unit (y, x) of a layer sees input rows o + y·j … o + y·j + r − 1.
import { convOutputSizeSides, resolvePadding } from '../../../engine/shape';
import type { LayerSpec } from '../../../engine/nn/specs';

export interface ReceptiveField {
  /** Side of the square of input pixels one unit sees. */
  size: number;
  /** Input pixels between neighbouring units. */
  jump: number;
  /** Input coordinate of the first pixel of unit 0 (negative when padding reaches outside). */
  offset: number;
}

/** The field after each layer of a chain of specs (index k = output of layer k), on an h×w input. */
export function receptiveFields(layers: readonly LayerSpec[], inputSide: number): ReceptiveField[] {
  let rf: ReceptiveField = { size: 1, jump: 1, offset: 0 };
  let n = inputSide;
  const out: ReceptiveField[] = [];
  for (const l of layers) {
    if (l.type === 'conv2d' || l.type === 'maxPool2d' || l.type === 'avgPool2d') {
      const f = l.size;
      const s = l.stride ?? (l.type === 'conv2d' ? 1 : l.size);
      const p = resolvePadding(n, n, f, f, s, l.pad ?? (l.type === 'conv2d' ? 'valid' : 0));
      rf = { size: rf.size + (f - 1) * rf.jump, offset: rf.offset - p.top * rf.jump, jump: rf.jump * s };
      n = convOutputSizeSides(n, f, p.top, p.bottom, s);
    } else if (l.type === 'flatten' || l.type === 'dense' || l.type === 'globalAvgPool') {
      // Every unit of a dense layer sees the whole input.
      rf = { size: inputSide, jump: 0, offset: 0 };
      n = 1;
    }
    out.push(rf);
  }
  return out;
}

/** Top-left input pixel (row or column) of unit coordinate k of a layer with field rf. */
export function fieldStart(rf: ReceptiveField, k: number): number {
  return rf.offset + k * rf.jump;
}
