// region-proposals: the seeded scene of the R-CNN lesson (course §31) with its segmentation,
// N segmentation proposals (R-CNN, Fast R-CNN), the RPN's proposals (Faster R-CNN), and the
// detections after classification + NMS for each pipeline.
//   RPN proposals (Faster R-CNN): anchors of 3 scales × 3 aspect ratios at every position of a
//     coarse feature map, each scored for "objectness", the best kept after NMS (IoU 0.7).
//   The "classifier" that scores a region is a stand-in that knows the true objects (score from
//   the region's best IoU with an object): the point is the pipeline, not the network.
import { mulberry32 } from '../../../engine/random';
import type { Box } from '../../../geometry/box';
import { clamp, makeProposalScene, segmentationProposals, type ProposalScene } from '../../../data/proposals';
import { iou } from '../../../geometry/iou';
import { nonMaxSuppression, nonMaxSuppressionPerClass } from '../../../geometry/nms';
import { defineRequest, JobError } from '../../../worker/job';

export interface Detection {
  box: Box;
  classId: number;
  score: number;
}

/** Best IoU of a box with the scene's objects, and which object. */
function bestObject(scene: ProposalScene, b: Box): { k: number; v: number } {
  let k = -1, v = 0;
  scene.objects.forEach((o, i) => {
    const u = iou(b, o.box);
    if (u > v) [k, v] = [i, u];
  });
  return { k, v };
}

/**
 * RPN proposals: anchors (3 scales × 3 aspect ratios) centred on every cell of a feature map
 * with the given stride; objectness = best IoU with an object plus a little noise; NMS at
 * IoU 0.7 and the `keep` best are the proposals (Ren et al. keep 300).
 */
export function rpnProposals(scene: ProposalScene, stride: number, keep: number, rand: () => number): { anchors: number; boxes: Box[] } {
  const anchors: Box[] = [];
  const scores: number[] = [];
  for (let cy = stride / 2; cy < scene.height; cy += stride) {
    for (let cx = stride / 2; cx < scene.width; cx += stride) {
      for (const size of [12, 22, 36]) {
        for (const ratio of [0.5, 1, 2]) {
          const w = size * Math.sqrt(ratio), h = size / Math.sqrt(ratio);
          const b = { x1: clamp(cx - w / 2, 0, scene.width), y1: clamp(cy - h / 2, 0, scene.height), x2: clamp(cx + w / 2, 0, scene.width), y2: clamp(cy + h / 2, 0, scene.height) };
          anchors.push(b);
          scores.push(bestObject(scene, b).v + 0.1 * rand());
        }
      }
    }
  }
  const kept = nonMaxSuppression(anchors, scores, { iouThreshold: 0.7, maxOutput: keep });
  return { anchors: anchors.length, boxes: kept.map((i) => anchors[i]) };
}

/**
 * The classification stage: each region gets a class and a score from the stand-in classifier
 * and its box is refined (box regression: 70% of the way to the object it overlaps most);
 * regions overlapping no object by IoU ≥ 0.3 are background. Then NMS per class (§28: drop
 * score ≤ 0.6, IoU ≥ 0.5 suppresses).
 */
export function classifyAndSuppress(scene: ProposalScene, regions: readonly Box[], rand: () => number): { candidates: number; detections: Detection[] } {
  const dets: Detection[] = [];
  for (const r of regions) {
    const { k, v } = bestObject(scene, r);
    if (k < 0 || v < 0.3) continue;
    const o = scene.objects[k].box, t = 0.7;
    const box = { x1: r.x1 + t * (o.x1 - r.x1), y1: r.y1 + t * (o.y1 - r.y1), x2: r.x2 + t * (o.x2 - r.x2), y2: r.y2 + t * (o.y2 - r.y2) };
    dets.push({ box, classId: scene.objects[k].classId, score: clamp(0.35 + 0.6 * v + 0.08 * (rand() - 0.5), 0, 0.99) });
  }
  const kept = nonMaxSuppressionPerClass(dets.map((d) => d.box), dets.map((d) => d.score), dets.map((d) => d.classId), { iouThreshold: 0.5, scoreThreshold: 0.6 });
  return { candidates: dets.length, detections: kept.map((i) => dets[i]) };
}

export interface RegionProposalsArgs {
  seed: number;
  /** segmentation proposals, 1…5000 (R-CNN used about 2,000) */
  proposals: number;
  /** RPN proposals kept, 1…2000 (Faster R-CNN: 300) */
  rpnKeep?: number;
}

export interface RegionProposalsResult {
  scene: ProposalScene;
  segmentation: { boxes: Box[]; candidates: number; detections: Detection[] };
  rpn: { anchors: number; boxes: Box[]; candidates: number; detections: Detection[] };
}

export const REGION_PROPOSALS_MAX = 5000;

export function runRegionProposals(a: RegionProposalsArgs): RegionProposalsResult {
  if (!Number.isInteger(a.proposals) || a.proposals < 1 || a.proposals > REGION_PROPOSALS_MAX) {
    throw new JobError('proposals-n', `proposals must be a whole number from 1 to ${REGION_PROPOSALS_MAX}, got ${a.proposals}`, { n: a.proposals });
  }
  const rand = mulberry32(a.seed);
  const scene = makeProposalScene(rand);
  const boxes = segmentationProposals(scene, a.proposals, rand);
  const seg = classifyAndSuppress(scene, boxes, rand);
  const rpn = rpnProposals(scene, 4, a.rpnKeep ?? 300, rand);
  const rpnDet = classifyAndSuppress(scene, rpn.boxes, rand);
  return {
    scene,
    segmentation: { boxes, candidates: seg.candidates, detections: seg.detections },
    rpn: { anchors: rpn.anchors, boxes: rpn.boxes, candidates: rpnDet.candidates, detections: rpnDet.detections },
  };
}

export const regionProposals = defineRequest(runRegionProposals);
