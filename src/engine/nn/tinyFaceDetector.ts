// face-api's tiny face detector (a Tiny-YOLOv2-style net, weights packed by scripts/pack-face.mjs)
// on our own ops. A 416×416 RGB picture → a 13×13 grid, 5 anchor boxes per cell, 5 numbers per
// box (t_x, t_y, t_w, t_h, t_o), as in the course's YOLO (§26–29):
//   conv 3×3 ×16 (valid) → leaky ReLU (0.1) → max-pool 2/2 (same)
//   5 × [depthwise 3×3 (zero pad 1) → pointwise 1×1 → + bias → leaky ReLU → max-pool]   ×32 … ×512
//     (the last pool has stride 1), then a 1×1 conv → 25 channels.
//   box centre = ((col + σ(t_x))/13, (row + σ(t_y))/13), size = (p_w·e^{t_w}/13, p_h·e^{t_h}/13),
//   score = σ(t_o); boxes below the score threshold are dropped, the rest go through NMS (IoU 0.4).
import type { Tensor } from '../tensor';
import { conv2d } from '../ops/conv2d';
import { leakyRelu } from '../ops/leakyRelu';
import { maxPool2d } from '../ops/maxPool2d';
import { zeroPad2d } from '../ops/zeroPad2d';
import { decodePacked, type PackedNetManifest } from './faceNet';

export const DETECTOR_INPUT_SIZE = 416;
export const DETECTOR_MEAN = [117.001, 114.697, 97.404] as const;
const LEAK = 0.10000000149011612; // face-api's 0.1 as a float32

export interface DetectorWeights {
  t: Map<string, Tensor>;
  anchors: [number, number][];
}

export function decodeDetector(manifest: PackedNetManifest, bytes: ArrayBuffer | Uint8Array): DetectorWeights {
  if (!manifest.anchors || manifest.anchors.length !== 5) throw new RangeError('tiny face detector: the file has no 5 anchors');
  return { t: decodePacked(manifest, bytes), anchors: manifest.anchors.map(([w, h]) => [w, h]) };
}

function get(W: DetectorWeights, name: string): Tensor {
  const t = W.t.get(name);
  if (!t) throw new RangeError(`tiny face detector: missing tensor ${name}`);
  return t;
}

/**
 * Depthwise convolution, valid, stride s: one f×f filter per channel, channels never mix.
 *   y[b,i,j,c] = Σ_{u,v} x[b, i·s+u, j·s+v, c] · k[u,v,c]
 */
export function depthwiseConv2d(x: Tensor, k: Tensor, stride = 1): Tensor {
  const [n, h, w, c] = x.shape;
  const [fh, fw, kc] = k.shape;
  if (kc !== c) throw new RangeError(`depthwiseConv2d: filter has ${kc} channels, x has ${c}`);
  const oh = Math.floor((h - fh) / stride) + 1, ow = Math.floor((w - fw) / stride) + 1;
  const y = new Float32Array(n * oh * ow * c);
  const xd = x.data, kd = k.data;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const o = ((b * oh + i) * ow + j) * c;
        for (let u = 0; u < fh; u++) {
          for (let v = 0; v < fw; v++) {
            const src = ((b * h + i * stride + u) * w + j * stride + v) * c, kk = (u * fw + v) * c;
            for (let ch = 0; ch < c; ch++) y[o + ch] += xd[src + ch] * kd[kk + ch];
          }
        }
      }
    }
  }
  return { shape: [n, oh, ow, c], data: y };
}

function separable(W: DetectorWeights, name: string, x: Tensor): Tensor {
  const d = depthwiseConv2d(zeroPad2d(x, 1), get(W, `${name}/depthwise_filter`));
  return leakyRelu(conv2d(d, get(W, `${name}/pointwise_filter`), get(W, `${name}/bias`), { stride: 1, pad: 'valid' }), LEAK);
}

/** RGB 0–255 [n,416,416,3] → the raw grid [n,13,13,25]. */
export function detectorForward(W: DetectorWeights, rgb: Tensor): Tensor {
  const [, h, w, c] = rgb.shape;
  if (h !== DETECTOR_INPUT_SIZE || w !== DETECTOR_INPUT_SIZE || c !== 3) throw new RangeError(`tiny face detector: expected [n,416,416,3], got [${rgb.shape}]`);
  const x: Tensor = { shape: rgb.shape.slice(), data: Float32Array.from(rgb.data, (v, i) => (v - DETECTOR_MEAN[i % 3]) / 255) };
  let a = leakyRelu(conv2d(x, get(W, 'conv0/filters'), get(W, 'conv0/bias'), { stride: 1, pad: 'valid' }), LEAK);
  a = maxPool2d(a, { size: 2, stride: 2, pad: 'same' });
  for (let i = 1; i <= 5; i++) {
    a = separable(W, `conv${i}`, a);
    a = maxPool2d(a, { size: 2, stride: i < 5 ? 2 : 1, pad: 'same' });
  }
  return conv2d(a, get(W, 'conv8/filters'), get(W, 'conv8/bias'), { stride: 1, pad: 'valid' });
}

export interface RawFaceBox {
  /** corners relative to the 416×416 input (0…1) */
  x1: number; y1: number; x2: number; y2: number;
  score: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Every box of one grid [1,g,g,25] whose score passes `minScore` (before NMS). */
export function decodeGrid(W: DetectorWeights, grid: Tensor, minScore: number): RawFaceBox[] {
  const [, g, , ch] = grid.shape;
  if (ch !== 5 * W.anchors.length) throw new RangeError(`tiny face detector: grid has ${ch} channels`);
  const out: RawFaceBox[] = [];
  for (let row = 0; row < g; row++) {
    for (let col = 0; col < g; col++) {
      for (let a = 0; a < W.anchors.length; a++) {
        const o = (row * g + col) * ch + 5 * a;
        const t = grid.data;
        const score = sigmoid(t[o + 4]);
        if (score <= minScore) continue;
        const cx = (col + sigmoid(t[o])) / g, cy = (row + sigmoid(t[o + 1])) / g;
        const bw = (Math.exp(t[o + 2]) * W.anchors[a][0]) / g, bh = (Math.exp(t[o + 3]) * W.anchors[a][1]) / g;
        out.push({ x1: cx - bw / 2, y1: cy - bh / 2, x2: cx + bw / 2, y2: cy + bh / 2, score });
      }
    }
  }
  return out;
}
