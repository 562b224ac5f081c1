import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averagePrecision, matchDetections, meanAveragePrecision, precisionRecallAt, iou, type Box, type Detection, type GroundTruth } from '../../src/geometry';
import { mulberry32 } from '../../src/engine/random';

const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

describe('mAP@0.5, a hand-worked example', () => {
  // class 0: three objects A, B, C in image 0. Detections by score:
  //   0.9 on A (TP), 0.8 on A again (duplicate: FP), 0.7 on B (TP), 0.6 on empty ground (FP).
  //   precision 1, 1/2, 2/3, 2/4; recall 1/3, 1/3, 2/3, 2/3; envelope 1, 2/3, 2/3, 1/2
  //   AP = 1/3 · 1 + (2/3 − 1/3) · 2/3 = 5/9.
  // class 1: one object, found (AP 1). class 2: no object, one stray detection (not averaged).
  const gts: GroundTruth[] = [
    { image: 0, classId: 0, box: box(0, 0, 10, 10) },
    { image: 0, classId: 0, box: box(20, 0, 30, 10) },
    { image: 0, classId: 0, box: box(40, 0, 50, 10) },
    { image: 1, classId: 1, box: box(0, 0, 10, 20) },
  ];
  const dets: Detection[] = [
    { image: 0, classId: 0, score: 0.8, box: box(1, 0, 11, 10) },
    { image: 0, classId: 0, score: 0.9, box: box(0, 0, 10, 10) },
    { image: 0, classId: 0, score: 0.7, box: box(20, 1, 30, 11) },
    { image: 0, classId: 0, score: 0.6, box: box(0, 40, 10, 50) },
    { image: 1, classId: 1, score: 0.5, box: box(0, 1, 10, 21) },
    { image: 1, classId: 2, score: 0.95, box: box(0, 1, 10, 21) },
  ];
  it('gives AP 5/9, 1 and mAP 7/9', () => {
    const r = meanAveragePrecision(dets, gts, 3);
    expect(r.perClass[0].ap).toBeCloseTo(5 / 9, 12);
    expect(r.perClass[1].ap).toBeCloseTo(1, 12);
    expect(r.perClass[2].groundTruths).toBe(0);
    expect(r.map).toBeCloseTo(7 / 9, 12);
    expect(r.perClass[0].curve.map((p) => [p.precision, p.recall])).toEqual([[1, 1 / 3], [1 / 2, 1 / 3], [2 / 3, 2 / 3], [2 / 4, 2 / 3]]);
  });
  it('marks the duplicate and the stray box as false positives', () => {
    const m = matchDetections(dets.slice(0, 4), gts.slice(0, 3));
    expect(m.order).toEqual([1, 0, 2, 3]);
    expect(m.tp).toEqual([true, false, true, false]);
  });
  it('precision and recall at a score threshold', () => {
    expect(precisionRecallAt(dets, gts, 3, 0.65)).toEqual({ precision: 2 / 4, recall: 2 / 4, truePositives: 2, detections: 4 });
    expect(precisionRecallAt(dets, gts, 3, 0.0)).toEqual({ precision: 3 / 6, recall: 3 / 4, truePositives: 3, detections: 6 });
  });
  it('a wrong-class or IoU < 0.5 detection never counts', () => {
    const r = meanAveragePrecision([{ image: 0, classId: 0, score: 1, box: box(5, 0, 15, 10) }], [gts[0]], 1);
    expect(iou(box(5, 0, 15, 10), gts[0].box)).toBeLessThan(0.5);
    expect(r.map).toBe(0);
  });
});

/** Brute force: for every cut-off score, match from scratch and count; AP = Σ Δrecall · (best precision at that recall or more). */
function bruteAp(dets: Detection[], gts: GroundTruth[]): number {
  if (gts.length === 0) return 0;
  const points: Array<{ p: number; r: number }> = [];
  for (const cut of dets.map((d) => d.score)) {
    const above = dets.filter((d) => d.score >= cut).sort((a, b) => b.score - a.score);
    const used = new Set<number>();
    let tp = 0;
    for (const d of above) {
      const ious = gts.map((g) => (g.image === d.image ? iou(d.box, g.box) : 0));
      const best = ious.indexOf(Math.max(...ious));
      if (ious[best] >= 0.5 && !used.has(best)) {
        used.add(best);
        tp++;
      }
    }
    points.push({ p: tp / above.length, r: tp / gts.length });
  }
  const recalls = [...new Set(points.map((q) => q.r))].sort((a, b) => a - b);
  let ap = 0, prev = 0;
  for (const r of recalls) {
    if (r === 0) continue;
    ap += (r - prev) * Math.max(...points.filter((q) => q.r >= r).map((q) => q.p));
    prev = r;
  }
  return ap;
}

describe('AP agrees with a brute-force reference', () => {
  it('on random scenes of boxes and noisy detections', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const rand = mulberry32(seed);
        const gts: GroundTruth[] = [];
        const dets: Detection[] = [];
        for (let image = 0; image < 3; image++) {
          const k = Math.floor(rand() * 4);
          for (let j = 0; j < k; j++) {
            const x = rand() * 80, y = rand() * 80, w = 5 + rand() * 20, h = 5 + rand() * 20;
            gts.push({ image, classId: 0, box: box(x, y, x + w, y + h) });
            // 0–2 detections near each object (jittered: some hit, some miss), and strays
            for (let m = Math.floor(rand() * 3); m > 0; m--) {
              const jx = (rand() - 0.5) * w, jy = (rand() - 0.5) * h;
              dets.push({ image, classId: 0, score: rand(), box: box(x + jx, y + jy, x + jx + w, y + jy + h) });
            }
          }
          for (let m = Math.floor(rand() * 2); m > 0; m--) {
            const x = rand() * 80, y = rand() * 80;
            dets.push({ image, classId: 0, score: rand(), box: box(x, y, x + 10, y + 10) });
          }
        }
        const fast = meanAveragePrecision(dets, gts, 1).perClass[0].ap;
        expect(fast).toBeCloseTo(bruteAp(dets, gts), 10);
        expect(fast).toBeGreaterThanOrEqual(0);
        expect(fast).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
  it('AP is 1 exactly when every object is found before any false positive', () => {
    expect(averagePrecision([true, true, false, true], 3)).toBeCloseTo(2 / 3 + (1 / 3) * (3 / 4), 12);
    expect(averagePrecision([true, true, true, false], 3)).toBe(1);
    expect(averagePrecision([], 2)).toBe(0);
  });
});
