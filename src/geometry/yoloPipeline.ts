// YOLO's inference on one picture's raw outputs, step by step (the lesson's pipeline):
//   1. decode every slot: S·S·B boxes with p_c and class probabilities (σ / exp / softmax);
//   2. score threshold: keep a slot if its best class score p_c·c_k ≥ threshold (yoloFilterBoxes);
//   3. non-max suppression per class on the survivors (nonMaxSuppressionPerClass).
import type { Box } from './box';
import { decodeYolo, type YoloHead } from './yoloHead';
import { yoloFilterBoxes } from './yoloFilter';
import { nonMaxSuppressionPerClass } from './nms';

export interface ScoredBox {
  slot: number;
  box: Box;
  score: number;
  classId: number;
}

export interface PipelineStages {
  /** every slot's box with its best class score (stage 1) */
  raw: ScoredBox[];
  /** survivors of the score threshold (stage 2) */
  kept: ScoredBox[];
  /** survivors of per-class NMS, best first (stage 3) */
  final: ScoredBox[];
}

export function detect(raw: ArrayLike<number>, head: YoloHead, offset: number, scoreThreshold: number, iouThreshold: number): PipelineStages {
  const d = decodeYolo(raw, head, offset);
  const all = yoloFilterBoxes(d.confidence, d.classProbs, head.classes, -Infinity).map((f) => ({ slot: f.slot, box: d.boxes[f.slot], score: f.score, classId: f.classId }));
  const kept = all.filter((b) => b.score >= scoreThreshold);
  const keep = nonMaxSuppressionPerClass(kept.map((b) => b.box), kept.map((b) => b.score), kept.map((b) => b.classId), { iouThreshold });
  return { raw: all, kept, final: keep.map((i) => kept[i]) };
}
