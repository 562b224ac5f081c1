import { describe, expect, it } from 'vitest';
import { decodeYolo, kMeansAnchors, shapeIou, yoloEncode, yoloLoss, YOLO_LAMBDAS, detect, type Shape, type YoloHead, type YoloObject } from '../../src/geometry';
import { mulberry32 } from '../../src/engine/random';

const logit = (p: number) => Math.log(p / (1 - p));

describe('anchor k-means with the 1 − IoU distance', () => {
  it('finds two obvious clusters (tall and wide), smallest first, with the mean IoU of the boxes to their anchor', () => {
    const rand = mulberry32(3);
    const shapes: Shape[] = [];
    for (let i = 0; i < 40; i++) shapes.push([0.1 + 0.02 * rand(), 0.3 + 0.02 * rand()], [0.4 + 0.02 * rand(), 0.2 + 0.02 * rand()]);
    const r = kMeansAnchors(shapes, 2, 7);
    expect(r.anchors[0][0]).toBeCloseTo(0.11, 1);
    expect(r.anchors[0][1]).toBeCloseTo(0.31, 1);
    expect(r.anchors[1][0]).toBeCloseTo(0.41, 1);
    for (let i = 0; i < shapes.length; i++) expect(r.assignment[i]).toBe(i % 2);
    const mean = shapes.reduce((s, sh, i) => s + shapeIou(sh[0], sh[1], r.anchors[r.assignment[i]][0], r.anchors[r.assignment[i]][1]), 0) / shapes.length;
    expect(r.meanIou).toBeCloseTo(mean, 12);
    expect(r.meanIou).toBeGreaterThan(0.85);
  });
  it('is deterministic for a seed, and more anchors never fit worse on these boxes', () => {
    const rand = mulberry32(9);
    const shapes: Shape[] = Array.from({ length: 120 }, () => [0.05 + 0.4 * rand(), 0.05 + 0.4 * rand()] as Shape);
    expect(kMeansAnchors(shapes, 3, 1)).toEqual(kMeansAnchors(shapes, 3, 1));
    expect(kMeansAnchors(shapes, 5, 1).meanIou).toBeGreaterThan(kMeansAnchors(shapes, 1, 1).meanIou);
  });
  it('refuses k larger than the number of boxes', () => {
    expect(() => kMeansAnchors([[0.1, 0.1]], 2)).toThrow(/cannot make 2 clusters/);
  });
});

const head: YoloHead = { grid: 2, anchors: [[0.2, 0.4], [0.5, 0.25]], classes: 3 };
const D = 8, slots = 2 * 2 * 2;

describe('decoding σ / exp against the anchors', () => {
  it('all-zero outputs give each anchor centred in its cell, p_c = ½, uniform classes', () => {
    const d = decodeYolo(new Float32Array(slots * D), head);
    // slot (row 1, col 0, anchor 1): centre ((0 + ½)/2, (1 + ½)/2), size 0.5 × 0.25
    const b = d.boxes[(1 * 2 + 0) * 2 + 1];
    expect([b.x1, b.y1, b.x2, b.y2].map((v) => +v.toFixed(12))).toEqual([0, 0.625, 0.5, 0.875]);
    expect(d.confidence[0]).toBe(0.5);
    expect(d.classProbs[5]).toBeCloseTo(1 / 3, 7);
  });
  it('inverts the encoding: t = logit(x̂), log(ŵ/p_w) decode to the labelled box', () => {
    const obj: YoloObject = { box: { x1: 0.55, y1: 0.1, x2: 0.95, y2: 0.3 }, classId: 2 };
    const { assignments } = yoloEncode([obj], { grid: 2, anchors: head.anchors, classes: 3 });
    const a = assignments[0];
    expect([a.row, a.col, a.anchor]).toEqual([0, 1, 1]);
    const raw = new Float32Array(slots * D);
    const at = ((a.row * 2 + a.col) * 2 + a.anchor) * D;
    raw.set([5, logit(a.vector[1]), logit(a.vector[2]), Math.log(a.vector[3] / 2 / 0.25), Math.log(a.vector[4] / 2 / 0.5), 0, 0, 4], at);
    const d = decodeYolo(raw, head);
    const b = d.boxes[at / D];
    for (const k of ['x1', 'y1', 'x2', 'y2'] as const) expect(b[k]).toBeCloseTo(obj.box[k], 5);
    // and the pipeline keeps exactly that box, with class 2, at a 0.5 threshold
    const stages = detect(raw, head, 0, 0.5, 0.5);
    expect(stages.raw).toHaveLength(slots);
    expect(stages.final.map((f) => [f.slot, f.classId])).toEqual([[at / D, 2]]);
  });
});

describe('the YOLO loss', () => {
  const objects: YoloObject[][] = [
    [{ box: { x1: 0.55, y1: 0.1, x2: 0.95, y2: 0.3 }, classId: 2 }, { box: { x1: 0.1, y1: 0.5, x2: 0.3, y2: 0.95 }, classId: 0 }],
    [],
  ];
  it('adds up the terms worked by hand on a one-object picture', () => {
    const raw = new Float64Array(slots * D); // all zero: σ = ½, b = anchor
    const p = yoloLoss(raw, [[objects[0][0]]], head);
    // responsible slot: (½ − 1)²; the 7 others: λ_noobj · ¼
    expect(p.objectness).toBeCloseTo(0.25, 12);
    expect(p.noObject).toBeCloseTo(7 * 0.5 * 0.25, 12);
    expect(p.classes).toBeCloseTo(Math.log(3), 12);
    // x̂ = 0.75·2 − 1 = 0.5, ŷ = 0.2·2 = 0.4; ŵ = 0.8, ĥ = 0.4 cells; anchor 1.0 × 0.5 cells
    const box = YOLO_LAMBDAS.coord * ((0.5 - 0.5) ** 2 + (0.5 - 0.4) ** 2 + (Math.sqrt(0.5) - Math.sqrt(0.4)) ** 2 + (1 - Math.sqrt(0.8)) ** 2);
    expect(p.box).toBeCloseTo(box, 6); // the targets are stored as float32
    expect(p.total).toBeCloseTo(p.box + p.objectness + p.noObject + p.classes, 12);
  });
  it('has the gradient of central differences', () => {
    const rand = mulberry32(11);
    const raw = Float64Array.from({ length: 2 * slots * D }, () => (rand() - 0.5) * 2);
    const grad = new Float32Array(raw.length);
    yoloLoss(raw, objects, head, YOLO_LAMBDAS, grad);
    const h = 1e-5;
    for (let i = 0; i < raw.length; i++) {
      const keep = raw[i];
      raw[i] = keep + h;
      const up = yoloLoss(raw, objects, head).total;
      raw[i] = keep - h;
      const down = yoloLoss(raw, objects, head).total;
      raw[i] = keep;
      expect(grad[i]).toBeCloseTo((up - down) / (2 * h), 5);
    }
  });
});
