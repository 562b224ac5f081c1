// Precision, recall and mean average precision (mAP@0.5), the way detectors are scored.
// Per class, over all test images: sort the detections by score, best first. Walking down the
// list, a detection is a true positive (TP) if its IoU with a ground-truth box of its class in
// its image is ≥ 0.5 and that box is not already taken by a higher-scoring detection; otherwise
// it is a false positive (FP) (a duplicate, or a box in the wrong place). After the first k:
//   precision = TP / k          (how many of the boxes we output are right)
//   recall    = TP / (#ground-truth boxes of the class)   (how many objects we found)
// AP is the area under the precision–recall curve, with precision made non-increasing first
// (p_interp(r) = max precision at any recall ≥ r, PASCAL VOC 2010+ and COCO "all points"):
//   AP = Σ_k (r_k − r_{k−1}) · p_interp(r_k)
// mAP is the mean of AP over the classes that have ground truth.
import type { Box } from './box';
import { iou } from './iou';

export interface Detection {
  image: number;
  box: Box;
  score: number;
  classId: number;
}

export interface GroundTruth {
  image: number;
  box: Box;
  classId: number;
}

export interface PrPoint {
  recall: number;
  precision: number;
  /** the score of the k-th detection: the curve's point if we cut there */
  score: number;
}

export interface ClassAp {
  classId: number;
  ap: number;
  groundTruths: number;
  detections: number;
  truePositives: number;
  /** one point per detection, in score order */
  curve: PrPoint[];
}

export interface MapResult {
  /** mean of AP over classes with ground truth (0 when there is none) */
  map: number;
  perClass: ClassAp[];
}

/** TP (true) / FP (false) for one class's detections, in descending score order (ties: input order). */
export function matchDetections(dets: readonly Detection[], gts: readonly GroundTruth[], iouThreshold = 0.5): { order: number[]; tp: boolean[] } {
  const order = dets.map((_, i) => i).sort((a, b) => dets[b].score - dets[a].score || a - b);
  const taken = new Uint8Array(gts.length);
  const tp = order.map((d) => {
    let best = -1, bestIou = iouThreshold;
    gts.forEach((g, j) => {
      if (g.image !== dets[d].image || g.classId !== dets[d].classId) return;
      const v = iou(dets[d].box, g.box);
      if (v >= bestIou && (best < 0 || v > bestIou)) [best, bestIou] = [j, v];
    });
    // the best-overlapping box; if it is already taken, this detection is a duplicate (FP)
    if (best < 0 || taken[best]) return false;
    taken[best] = 1;
    return true;
  });
  return { order, tp };
}

/** AP from TP flags in score order and the number of ground-truth boxes. */
export function averagePrecision(tp: readonly boolean[], groundTruths: number): number {
  if (groundTruths === 0) return 0;
  const n = tp.length;
  const precision = new Float64Array(n), recall = new Float64Array(n);
  let hits = 0;
  for (let k = 0; k < n; k++) {
    if (tp[k]) hits++;
    precision[k] = hits / (k + 1);
    recall[k] = hits / groundTruths;
  }
  // the envelope: precision non-increasing from the right
  for (let k = n - 2; k >= 0; k--) precision[k] = Math.max(precision[k], precision[k + 1]);
  let ap = 0, prev = 0;
  for (let k = 0; k < n; k++) {
    if (recall[k] > prev) ap += (recall[k] - prev) * precision[k];
    prev = recall[k];
  }
  return ap;
}

/** AP per class and mAP at the given IoU threshold (0.5 for mAP@0.5). */
export function meanAveragePrecision(dets: readonly Detection[], gts: readonly GroundTruth[], classes: number, iouThreshold = 0.5): MapResult {
  const perClass: ClassAp[] = [];
  for (let c = 0; c < classes; c++) {
    const cd = dets.filter((d) => d.classId === c);
    const cg = gts.filter((g) => g.classId === c);
    const { order, tp } = matchDetections(cd, cg, iouThreshold);
    let hits = 0;
    const curve = order.map((d, k) => {
      if (tp[k]) hits++;
      return { recall: cg.length ? hits / cg.length : 0, precision: hits / (k + 1), score: cd[d].score };
    });
    perClass.push({ classId: c, ap: averagePrecision(tp, cg.length), groundTruths: cg.length, detections: cd.length, truePositives: hits, curve });
  }
  const scored = perClass.filter((p) => p.groundTruths > 0);
  return { map: scored.length ? scored.reduce((s, p) => s + p.ap, 0) / scored.length : 0, perClass };
}

/** Precision and recall of all classes together when every detection with score ≥ threshold is kept. */
export function precisionRecallAt(dets: readonly Detection[], gts: readonly GroundTruth[], classes: number, scoreThreshold: number, iouThreshold = 0.5): { precision: number; recall: number; truePositives: number; detections: number } {
  let tpCount = 0, detCount = 0;
  for (let c = 0; c < classes; c++) {
    const cd = dets.filter((d) => d.classId === c && d.score >= scoreThreshold);
    const { tp } = matchDetections(cd, gts.filter((g) => g.classId === c), iouThreshold);
    tpCount += tp.filter(Boolean).length;
    detCount += cd.length;
  }
  return { precision: detCount ? tpCount / detCount : 1, recall: gts.length ? tpCount / gts.length : 0, truePositives: tpCount, detections: detCount };
}
