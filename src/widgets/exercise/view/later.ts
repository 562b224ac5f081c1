// Question generators for weeks 2–4 (1×1 convs, Inception bottleneck, MobileNet,
// IoU, YOLO, triplet loss, 1-D/3-D). Answers come from engine/shape.ts and src/geometry.
import { rng } from '../../../engine/random';
import { convOutputSize, convMultiplyCount } from '../../../engine/shape';
import { iou, nonMaxSuppression, tripletLoss, type Box } from '../../../geometry';
import type { Constraints, Question } from './types';
import { between, group, pick } from './draw';

export function oneByOne(seed: number): Question {
  const r = rng(seed);
  const n = pick(r, [6, 7, 14, 28, 32]);
  const c = pick(r, [16, 32, 64, 192, 256]);
  const k = pick(r, [1, 8, 16, 32, 64].filter((x) => x !== c));
  const out = convOutputSize(n, 1, 0, 1);
  return {
    kind: 'one-by-one',
    seed,
    vars: { n, c, k },
    answer: { type: 'shape', dims: [out, out, k] },
    work: [`⌊(${n} + 0 − 1)/1⌋ + 1 = ${out}`, `${k} × (1×1×${c}) → ${out}×${out}×${k}`],
  };
}

export function bottleneckCost(seed: number): Question {
  const r = rng(seed);
  const n = pick(r, [14, 28]);
  const c = pick(r, [128, 192, 256]);
  const b = pick(r, [16, 24, 32]);
  const f = pick(r, [3, 5]);
  const k = pick(r, [32, 64]);
  const first = convMultiplyCount(n, n, b, 1, c);
  const second = convMultiplyCount(n, n, k, f, b);
  return {
    kind: 'bottleneck-cost',
    seed,
    vars: { n, c, b, f, k },
    answer: { type: 'int', value: first + second },
    work: [
      `1×1: ${n}·${n}·${b} · 1·1·${c} = ${group(first)}`,
      `${f}×${f}: ${n}·${n}·${k} · ${f}·${f}·${b} = ${group(second)}`,
      `${group(first)} + ${group(second)} = ${group(first + second)}`,
      `(${f}×${f} directly: ${group(convMultiplyCount(n, n, k, f, c))})`,
    ],
  };
}

export function depthwiseCost(seed: number): Question {
  const r = rng(seed);
  const nOut = pick(r, [4, 7, 14, 28]);
  const f = 3;
  const c = pick(r, [3, 16, 32, 64]);
  const k = pick(r, [5, 32, 64, 128]);
  // Depthwise: one f×f filter per input channel (n_out²·f²·n_c); pointwise: 1×1×n_c ×n_c'.
  const depthwise = convMultiplyCount(nOut, nOut, c, f, 1);
  const pointwise = convMultiplyCount(nOut, nOut, k, 1, c);
  const normal = convMultiplyCount(nOut, nOut, k, f, c);
  return {
    kind: 'depthwise-cost',
    seed,
    vars: { nOut, f, c, k },
    answer: { type: 'int', value: depthwise + pointwise },
    work: [
      `depthwise: ${nOut}²·${f}²·${c} = ${group(depthwise)}`,
      `pointwise: ${nOut}²·${c}·${k} = ${group(pointwise)}`,
      `${group(depthwise)} + ${group(pointwise)} = ${group(depthwise + pointwise)}`,
      `normal: ${nOut}²·${f}²·${c}·${k} = ${group(normal)}  (×${(normal / (depthwise + pointwise)).toFixed(1)})`,
    ],
  };
}

export function iouQ(seed: number): Question {
  const r = rng(seed);
  // Two boxes on a 10×10 grid with whole-number corners that overlap (IoU > 0).
  for (;;) {
    const a = { x1: between(r, 0, 5), y1: between(r, 0, 5), x2: 0, y2: 0 };
    a.x2 = a.x1 + between(r, 2, 5);
    a.y2 = a.y1 + between(r, 2, 5);
    const b = { x1: between(r, 0, 6), y1: between(r, 0, 6), x2: 0, y2: 0 };
    b.x2 = b.x1 + between(r, 2, 4);
    b.y2 = b.y1 + between(r, 2, 4);
    const value = iou(a, b);
    if (value <= 0 || value >= 1) continue;
    const inter = (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) * (Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));
    const areaA = (a.x2 - a.x1) * (a.y2 - a.y1);
    const areaB = (b.x2 - b.x1) * (b.y2 - b.y1);
    const union = areaA + areaB - inter;
    return {
      kind: 'iou',
      seed,
      vars: { ax1: a.x1, ay1: a.y1, ax2: a.x2, ay2: a.y2, bx1: b.x1, by1: b.y1, bx2: b.x2, by2: b.y2 },
      answer: { type: 'real', value, places: 2 },
      work: [
        `∩ = ${Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)}·${Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1)} = ${inter}`,
        `∪ = ${areaA} + ${areaB} − ${inter} = ${union}`,
        `IoU = ${inter}/${union} ≈ ${value.toFixed(2)}`,
      ],
    };
  }
}

/** Four boxes of one class, their scores and pairwise IoUs; the answer is what NMS outputs. */
export function nmsQ(seed: number): Question {
  const r = rng(seed);
  const IOU_T = 0.5;
  const SCORE_T = 0.6;
  for (;;) {
    // Two objects; each box is a jittered detection of one of them, so some pairs overlap a lot.
    const objects = [0, 1].map(() => {
      const x1 = between(r, 1, 8);
      const y1 = between(r, 1, 8);
      return { x1, y1, w: between(r, 3, 5), h: between(r, 3, 5) };
    });
    const boxes: Box[] = [0, 1, 2, 3].map(() => {
      const o = objects[r.int(2)];
      const x1 = o.x1 + between(r, -1, 1);
      const y1 = o.y1 + between(r, -1, 1);
      return { x1, y1, x2: x1 + o.w + between(r, -1, 1), y2: y1 + o.h + between(r, -1, 1) };
    });
    const pool = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.55];
    const scores = [0, 1, 2, 3].map(() => pool.splice(r.int(pool.length), 1)[0]);
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) pairs.push([i, j, iou(boxes[i], boxes[j])]);
    // Shown to 2 decimals: redraw when rounding could move an IoU across the threshold.
    if (pairs.some(([, , v]) => Math.abs(v - IOU_T) < 0.02)) continue;
    const kept = nonMaxSuppression(boxes, scores, { iouThreshold: IOU_T, scoreThreshold: SCORE_T });
    // Worth asking only when the IoU test suppresses something.
    if (kept.length === scores.filter((x) => x > SCORE_T).length) continue;
    const byScore = [0, 1, 2, 3].sort((a, b) => scores[b] - scores[a]);
    return {
      kind: 'nms',
      seed,
      vars: {
        scores: scores.map((s, i) => `${i + 1}: ${s.toFixed(2)}`).join(', '),
        ious: pairs.map(([i, j, v]) => `${i + 1}–${j + 1}: ${v.toFixed(2)}`).join(', '),
        iouT: IOU_T,
        scoreT: SCORE_T,
      },
      answer: { type: 'set', values: kept.map((i) => i + 1) },
      work: [
        `score > ${SCORE_T}: ${byScore.filter((i) => scores[i] > SCORE_T).map((i) => i + 1).join(', ') || '—'}`,
        `→ ${kept.map((i) => i + 1).join(', ') || '—'}`,
      ],
    };
  }
}

export function yoloOutput(seed: number, limits: Constraints = {}): Question {
  const r = rng(seed);
  const g = pick(r, [3, 7, 13, 19]);
  const a = limits.anchors ?? between(r, 1, 5);
  const c = pick(r, [1, 2, 3, 5, 20, 80]);
  return {
    kind: 'yolo-output',
    seed,
    vars: { g, a, c },
    answer: { type: 'shape', dims: [g, g, a * (5 + c)], alternatives: [[g, g, a, 5 + c]] },
    work: [`${g}×${g}×${a}·(5 + ${c}) = ${g}×${g}×${a * (5 + c)}`],
  };
}

const sq = (u: number[], v: number[]) => u.reduce((s, x, i) => s + (x - v[i]) ** 2, 0);

export function tripletLossQ(seed: number): Question {
  const r = rng(seed);
  const draw = () => [between(r, -2, 2), between(r, -2, 2)];
  const A = draw();
  const P = draw();
  const N = draw();
  const alpha = pick(r, [0.2, 0.5, 1]);
  const value = tripletLoss([A], [P], [N], alpha);
  const dp = sq(A, P);
  const dn = sq(A, N);
  const v = (x: number[]) => `(${x.join(', ')})`;
  return {
    kind: 'triplet-loss',
    seed,
    vars: { A: v(A), P: v(P), N: v(N), alpha },
    answer: { type: 'real', value, places: 2 },
    work: [
      `‖A − P‖² = ${dp};  ‖A − N‖² = ${dn}`,
      `max(${dp} − ${dn} + ${alpha}, 0) = ${value.toFixed(2)}`,
    ],
  };
}

export function conv1d3d(seed: number): Question {
  const r = rng(seed);
  const dims = pick(r, [1, 3] as const);
  const n = between(r, 8, 32);
  const f = pick(r, [3, 5, 7]);
  const k = pick(r, [4, 8, 16, 32]);
  const out = convOutputSize(n, f, 0, 1);
  const shape = dims === 1 ? [out, k] : [out, out, out, k];
  return {
    kind: 'conv-1d-3d',
    seed,
    vars: { dims, n, f, k },
    answer: { type: 'shape', dims: shape },
    work: [`${n} − ${f} + 1 = ${out}`, shape.join('×')],
  };
}
