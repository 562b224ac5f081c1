// The YOLO loss on raw outputs (yoloHead.ts has the decoding), with its gradient.
// Labels follow "one cell owns an object": each object belongs to the cell holding its midpoint
// and to that cell's anchor whose shape has the highest IoU with it (yoloEncode). That slot is
// "responsible" (1_obj); every other slot has no object (1_noobj). Per image, in grid units:
//
//   L = λ_coord Σ 1_obj [(σ(t_x) − x̂)² + (σ(t_y) − ŷ)² + (√b_w − √ŵ)² + (√b_h − √ĥ)²]
//     +         Σ 1_obj (σ(t_o) − 1)²                       (objectness of the responsible slot)
//     + λ_noobj Σ 1_noobj σ(t_o)²                            (no object here)
//     +         Σ 1_obj −log softmax(z)_ĉ                    (class, cross-entropy)
//
// averaged over the batch. √ makes a few pixels of error count more on a small box than on a
// big one. λ_coord = 5 and λ_noobj = 0.5 are the original YOLO's weights: most slots hold no
// object, so without λ_noobj their "nothing here" terms would drown the few object terms.
// Gradients, with s = σ(t) and ∂s/∂t = s(1 − s), and ∂√b_w/∂t_w = √b_w / 2:
//   ∂/∂t_x = 2λ_coord (s_x − x̂) s_x(1 − s_x),   ∂/∂t_w = λ_coord (√b_w − √ŵ) √b_w,
//   ∂/∂t_o = 2(s_o − 1) s_o(1 − s_o) or 2λ_noobj s_o · s_o(1 − s_o),   ∂/∂z_k = p_k − [k = ĉ].
import { yoloEncode, type YoloObject } from './yolo';
import { sigma, softmaxInto, type YoloHead } from './yoloHead';

export interface YoloLossWeights {
  coord: number;
  noobj: number;
}

export const YOLO_LAMBDAS: YoloLossWeights = { coord: 5, noobj: 0.5 };

/** The loss and its four parts (each already weighted, averaged over the batch). */
export interface YoloLossParts {
  total: number;
  box: number;
  objectness: number;
  noObject: number;
  classes: number;
  /** objects that got a slot (a second object on a taken slot is dropped, as in yoloEncode) */
  assigned: number;
}

/**
 * raw: n images × S·S·B·(5 + C) outputs. objects: per image, boxes as fractions of the image.
 * grad (same length as raw), when given, receives ∂L/∂raw.
 */
export function yoloLoss(
  raw: ArrayLike<number>,
  objects: readonly (readonly YoloObject[])[],
  head: YoloHead,
  weights: YoloLossWeights = YOLO_LAMBDAS,
  grad?: Float32Array,
): YoloLossParts {
  const { grid: S, anchors, classes: C } = head;
  const B = anchors.length, D = 5 + C, slots = S * S * B, n = objects.length;
  if (raw.length !== n * slots * D) throw new RangeError(`yoloLoss: ${n} images need ${n * slots * D} outputs, got ${raw.length}`);
  if (grad && grad.length !== raw.length) throw new RangeError('yoloLoss: grad must have the length of raw');
  const parts: YoloLossParts = { total: 0, box: 0, objectness: 0, noObject: 0, classes: 0, assigned: 0 };
  const p = new Float64Array(C);
  const inv = 1 / n;
  for (let i = 0; i < n; i++) {
    const { target, assignments } = yoloEncode(objects[i], { grid: S, anchors, classes: C });
    parts.assigned += assignments.length;
    for (let slot = 0; slot < slots; slot++) {
      const at = (i * slots + slot) * D, t = slot * D;
      const so = sigma(raw[at]);
      if (target[t] !== 1) {
        parts.noObject += weights.noobj * so * so * inv;
        if (grad) {
          grad[at] = 2 * weights.noobj * so * so * (1 - so) * inv;
          for (let k = 1; k < D; k++) grad[at + k] = 0;
        }
        continue;
      }
      parts.objectness += (so - 1) ** 2 * inv;
      if (grad) grad[at] = 2 * (so - 1) * so * (1 - so) * inv;
      // midpoint, relative to the cell
      for (const k of [1, 2]) {
        const s = sigma(raw[at + k]);
        parts.box += weights.coord * (s - target[t + k]) ** 2 * inv;
        if (grad) grad[at + k] = 2 * weights.coord * (s - target[t + k]) * s * (1 - s) * inv;
      }
      // height (k = 3) and width (k = 4) in grid units, against the anchor's shape
      for (const k of [3, 4]) {
        const prior = (k === 3 ? anchors[slot % B][1] : anchors[slot % B][0]) * S;
        const root = Math.sqrt(prior * Math.exp(raw[at + k]));
        const diff = root - Math.sqrt(target[t + k]);
        parts.box += weights.coord * diff * diff * inv;
        if (grad) grad[at + k] = weights.coord * diff * root * inv;
      }
      softmaxInto(raw, at + 5, C, p, 0);
      for (let k = 0; k < C; k++) {
        const hot = target[t + 5 + k];
        if (hot === 1) parts.classes += -Math.log(Math.max(p[k], 1e-12)) * inv;
        if (grad) grad[at + 5 + k] = (p[k] - hot) * inv;
      }
    }
  }
  parts.total = parts.box + parts.objectness + parts.noObject + parts.classes;
  return parts;
}
