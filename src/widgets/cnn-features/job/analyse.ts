// The top-9 analysis of a trained model: run the test digits through it in chunks (one chunk
// per job step, so the job stays pausable), keep each conv unit's nine best (image, position)
// and, at the end, crop from each image the patch of input pixels that position sees.
import type { Model } from '../../../engine/nn/model';
import { sequentialSpecs } from '../../../engine/nn/model';
import { digitToFloat, MNIST_PIXELS, MNIST_SIDE, type DigitSet } from '../../../data/mnist';
import { fieldStart, receptiveFields, type ReceptiveField } from './receptiveField';
import { offerMaps, topK, type TopK } from './topK';

export const TOP = 9;

export interface ConvLayerRef {
  /** The model's layer id (e.g. conv2d_2) and 1-based conv layer number. */
  id: string;
  number: number;
  units: number;
  /** Filter size f (f×f window on the layer below). */
  kernel: number;
  /** Side of the layer's output map. */
  side: number;
  rf: ReceptiveField;
}

export interface Analysis {
  layers: ConvLayerRef[];
  tops: TopK[][];
  next: number;
  correct: number;
}

/** The conv layers of a sequential model with their receptive fields. */
export function convLayers(model: Model): ConvLayerRef[] {
  const rfs = receptiveFields(sequentialSpecs(model), model.inputShape[0]);
  const out: ConvLayerRef[] = [];
  model.layers.forEach((l, k) => {
    const spec = model.spec.nodes[k];
    if (spec.type === 'conv2d') out.push({ id: l.id, number: out.length + 1, units: l.outShape[2], kernel: spec.size, side: l.outShape[0], rf: rfs[k] });
  });
  return out;
}

export function startAnalysis(model: Model): Analysis {
  const layers = convLayers(model);
  return { layers, tops: layers.map((l) => Array.from({ length: l.units }, () => topK(TOP))), next: 0, correct: 0 };
}

/** Run the next `chunk` test digits; true when every digit has been seen. */
export function analyseChunk(model: Model, test: DigitSet, a: Analysis, chunk: number): boolean {
  const n = Math.min(chunk, test.count - a.next);
  if (n <= 0) return true;
  const x = new Float32Array(n * MNIST_PIXELS);
  for (let b = 0; b < n; b++) digitToFloat(test, a.next + b, x, b * MNIST_PIXELS);
  const index = new Map(a.layers.map((l, k) => [l.id, k]));
  const logits = model.forward({ shape: [n, MNIST_SIDE, MNIST_SIDE, 1], data: x }, {
    reuseBuffers: 'eval',
    onActivation: (id, value) => {
      const k = index.get(id);
      if (k !== undefined) offerMaps(a.tops[k], value, a.next);
    },
  }).value;
  const classes = logits.shape[1];
  for (let b = 0; b < n; b++) {
    let arg = 0;
    for (let j = 1; j < classes; j++) if (logits.data[b * classes + j] > logits.data[b * classes + arg]) arg = j;
    if (arg === test.labels[a.next + b]) a.correct++;
  }
  a.next += n;
  return a.next >= test.count;
}

export interface LayerFeatures extends ConvLayerRef {
  /** units × 9 patches of rf.size² pixels in [0, 1] (outside the image: 0, the background). */
  patches: Float32Array;
  /** units × 9: the activations (conv outputs, before the ReLU), best first. */
  values: Float32Array;
  /** units × 9: test digit index and the unit's position (row, col) in the layer's map. */
  images: Int32Array;
  /** units × 9: the digit each patch comes from (its label). */
  labels: Uint8Array;
  /** units × 9 × 784: the whole test digit of each patch (0–255), to show the patch in context. */
  digits: Uint8Array;
  rows: Int32Array;
  cols: Int32Array;
  /** units × rf.size²: mean of the nine patches, the unit's thumbnail. */
  thumbs: Float32Array;
}

/** Crop the input patch a unit at (row, col) sees: rf.size² pixels, zero outside the digit. */
export function cropPatch(test: DigitSet, image: number, rf: ReceptiveField, row: number, col: number, out: Float32Array, offset: number): void {
  const r0 = fieldStart(rf, row), c0 = fieldStart(rf, col);
  const base = image * MNIST_PIXELS;
  for (let i = 0; i < rf.size; i++) {
    for (let j = 0; j < rf.size; j++) {
      const r = r0 + i, c = c0 + j;
      const inside = r >= 0 && c >= 0 && r < MNIST_SIDE && c < MNIST_SIDE;
      out[offset + i * rf.size + j] = inside ? test.images[base + r * MNIST_SIDE + c] / 255 : 0;
    }
  }
}

export function finishAnalysis(a: Analysis, test: DigitSet): LayerFeatures[] {
  return a.layers.map((l, k) => {
    const area = l.rf.size * l.rf.size;
    const patches = new Float32Array(l.units * TOP * area);
    const values = new Float32Array(l.units * TOP);
    const images = new Int32Array(l.units * TOP).fill(-1);
    const labels = new Uint8Array(l.units * TOP);
    const digits = new Uint8Array(l.units * TOP * MNIST_PIXELS);
    const rows = new Int32Array(l.units * TOP);
    const cols = new Int32Array(l.units * TOP);
    const thumbs = new Float32Array(l.units * area);
    for (let u = 0; u < l.units; u++) {
      const t = a.tops[k][u];
      let found = 0;
      for (let i = 0; i < TOP; i++) {
        const slot = u * TOP + i;
        values[slot] = t.values[i];
        if (t.images[i] < 0) continue;
        images[slot] = t.images[i];
        labels[slot] = test.labels[t.images[i]];
        digits.set(test.images.subarray(t.images[i] * MNIST_PIXELS, (t.images[i] + 1) * MNIST_PIXELS), slot * MNIST_PIXELS);
        rows[slot] = t.rows[i];
        cols[slot] = t.cols[i];
        cropPatch(test, t.images[i], l.rf, t.rows[i], t.cols[i], patches, slot * area);
        for (let p = 0; p < area; p++) thumbs[u * area + p] += patches[slot * area + p];
        found++;
      }
      if (found) for (let p = 0; p < area; p++) thumbs[u * area + p] /= found;
    }
    return { ...l, rf: { ...l.rf }, patches, values, images, labels, digits, rows, cols, thumbs };
  });
}
