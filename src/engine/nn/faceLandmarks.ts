// face-api's tiny 68-point landmark net (weights packed by scripts/pack-face.mjs) on our ops:
// a 112×112 face → 68 points (x, y), each relative to the input (0…1): jaw 0–16, brows 17–26,
// nose 27–35, eyes 36–41 and 42–47, mouth 48–67. Used to align a face before it is encoded.
//   x' = (x − mean)/255
//   3 dense blocks (112 → 56 → 28 → 14; 32, 64, 128 channels), each:
//     a₁ = ReLU(conv₀(x)) (stride 2; a plain 3×3 conv in the first block, separable after)
//     a₂ = sep₁(a₁),  a₃ = sep₂(ReLU(a₁ + a₂)),  out = ReLU(a₁ + a₂ + a₃)
//   sep = depthwise 3×3 ('same') → pointwise 1×1 → + bias
//   average pool 14×14 → 128 → dense → 136 = 68 × (x, y)
import type { Tensor } from '../tensor';
import { conv2d } from '../ops/conv2d';
import { relu } from '../ops/relu';
import { add } from '../ops/add';
import { dense } from '../ops/dense';
import { globalAvgPool } from '../ops/globalAvgPool';
import { zeroPad2d } from '../ops/zeroPad2d';
import { resolvePadding } from '../shape';
import { decodePacked, FACE_MEAN, type PackedNetManifest } from './faceNet';
import { depthwiseConv2d } from './tinyFaceDetector';

export const LANDMARK_INPUT_SIZE = 112;
export type LandmarkWeights = Map<string, Tensor>;

export function decodeLandmarks(manifest: PackedNetManifest, bytes: ArrayBuffer | Uint8Array): LandmarkWeights {
  return decodePacked(manifest, bytes);
}

function get(W: LandmarkWeights, name: string): Tensor {
  const t = W.get(name);
  if (!t) throw new RangeError(`landmark net: missing tensor ${name}`);
  return t;
}

/** Depthwise 3×3 then pointwise 1×1, TF 'same' padding, + bias. */
function separable(W: LandmarkWeights, name: string, x: Tensor, stride: number): Tensor {
  const padded = zeroPad2d(x, resolvePadding(x.shape[1], x.shape[2], 3, 3, stride, 'same'));
  const d = depthwiseConv2d(padded, get(W, `${name}/depthwise_filter`), stride);
  return conv2d(d, get(W, `${name}/pointwise_filter`), get(W, `${name}/bias`), { stride: 1, pad: 'valid' });
}

function denseBlock(W: LandmarkWeights, b: number, x: Tensor): Tensor {
  const a1 = relu(b === 0
    ? conv2d(x, get(W, 'dense0/conv0/filters'), get(W, 'dense0/conv0/bias'), { stride: 2, pad: 'same' })
    : separable(W, `dense${b}/conv0`, x, 2));
  const a2 = separable(W, `dense${b}/conv1`, a1, 1);
  const a3 = separable(W, `dense${b}/conv2`, relu(add(a1, a2)), 1);
  return relu(add(a1, add(a2, a3)));
}

/** RGB 0–255 faces [n,112,112,3] → [n,136]: x₀, y₀, x₁, y₁, … relative to the input square. */
export function landmarksForward(W: LandmarkWeights, rgb: Tensor): Tensor {
  const [, h, w, c] = rgb.shape;
  if (h !== LANDMARK_INPUT_SIZE || w !== LANDMARK_INPUT_SIZE || c !== 3) throw new RangeError(`landmark net: expected [n,112,112,3], got [${rgb.shape}]`);
  let a: Tensor = { shape: rgb.shape.slice(), data: Float32Array.from(rgb.data, (v, i) => (v - FACE_MEAN[i % 3]) / 255) };
  for (let b = 0; b < 3; b++) a = denseBlock(W, b, a);
  return dense(globalAvgPool(a), get(W, 'fc/weights'), get(W, 'fc/bias'));
}
