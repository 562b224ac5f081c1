// A small U-Net on the engine's graph model (three levels, as in Ronneberger et al., shrunk):
//
//   image S×S×3 ─ conv 3×3 ─ conv 3×3 ─────────────── e1 (S×S×C) ─────────────┐ copy
//     max-pool 2 ─ conv 3×3 ─ conv 3×3 ────────────── e2 (S/2×S/2×2C) ──┐ copy │
//       max-pool 2 ─ conv 3×3 ─ conv 3×3 ──────────── bottom (S/4×S/4×4C) │      │
//       up-conv 2×2 stride 2 → S/2×S/2×2C ─ concat e2 (4C) ─ conv ─ conv  ┘      │
//     up-conv 2×2 stride 2 → S×S×C ─ concat e1 (2C) ─ conv ─ conv ───────────────┘
//   1×1 conv → S×S×4 class scores (background, car, pedestrian, motorcycle)
//
// Every 3×3 conv is 'same' and followed by batch norm and ReLU (batch norm cuts the steps to
// a good mask several-fold), so the output has the input's height and width. The network without skips is the same graph with both concats left out: its
// decoder convs see only the upsampled volume (their filters have fewer input channels).
import { graphModel, type Model } from '../../../engine/nn/model';
import type { LayerSpec, MergeSpec, NodeSpec } from '../../../engine/nn/specs';
import type { Tensor } from '../../../engine/tensor';

export const CLASS_COUNT = 4;
/**
 * Batch norm's running statistics (used when labelling the test scenes) follow the last ~10
 * batches: the network changes fast in a short run, and Keras's 0.99 (~100 batches) would
 * score it with statistics of weights it no longer has.
 */
const BN_MOMENTUM = 0.9;

export interface UnetOptions {
  /** Side of the square input (a multiple of 4). */
  size: number;
  /** Channels at the top level; the levels below have 2C and 4C. */
  width: number;
  /** Concatenate the encoder's activations into the decoder (U-Net) or not. */
  skips: boolean;
  seed: number;
}

export function unetSpec(o: UnetOptions): { inputShape: number[]; nodes: NodeSpec[] } {
  if (!Number.isInteger(o.size) || o.size < 8 || o.size % 4 !== 0) throw new RangeError(`the image side must be a multiple of 4 (two 2×2 poolings), got ${o.size}`);
  const c = o.width;
  const nodes: NodeSpec[] = [];
  let last = 'input';
  const add = (id: string, spec: LayerSpec | MergeSpec, inputs = [last]) => {
    nodes.push({ ...spec, id, inputs } as NodeSpec);
    last = id;
    return id;
  };
  const block = (name: string, filters: number) => {
    add(`${name}a`, { type: 'conv2d', filters, size: 3, pad: 'same' });
    add(`${name}a_bn`, { type: 'batchNorm', momentum: BN_MOMENTUM });
    add(`${name}a_relu`, { type: 'relu' });
    add(`${name}b`, { type: 'conv2d', filters, size: 3, pad: 'same' });
    add(`${name}b_bn`, { type: 'batchNorm', momentum: BN_MOMENTUM });
    return add(`${name}b_relu`, { type: 'relu' });
  };
  const e1 = block('enc1', c);
  add('pool1', { type: 'maxPool2d', size: 2 });
  const e2 = block('enc2', 2 * c);
  add('pool2', { type: 'maxPool2d', size: 2 });
  block('bottom', 4 * c);
  add('up2', { type: 'conv2dTranspose', filters: 2 * c, size: 2, stride: 2 });
  if (o.skips) add('skip2', { type: 'concat' }, ['up2', e2]);
  block('dec2', 2 * c);
  add('up1', { type: 'conv2dTranspose', filters: c, size: 2, stride: 2 });
  if (o.skips) add('skip1', { type: 'concat' }, ['up1', e1]);
  block('dec1', c);
  add('scores', { type: 'conv2d', filters: CLASS_COUNT, size: 1 });
  return { inputShape: [o.size, o.size, 3], nodes };
}

export function buildUnet(o: UnetOptions): Model {
  return graphModel(unetSpec(o), { seed: o.seed });
}

/** The predicted label of every pixel: argmax over the class scores [N, H, W, K] → N·H·W labels. */
export function labelsOf(scores: Tensor): Uint8Array {
  const k = scores.shape[scores.shape.length - 1];
  const n = scores.data.length / k;
  const out = new Uint8Array(n);
  const d = scores.data;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (d[i * k + j] > d[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}
