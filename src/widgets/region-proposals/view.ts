// The three region-proposal pipelines (course §31) and what each costs, from the number of
// proposals. Cost unit: one ConvNet forward pass over one warped region (R-CNN's unit of work).
//   R-CNN:        segmentation + N ConvNet passes (one per region, nothing shared)
//   Fast R-CNN:   segmentation + 1 ConvNet pass over the whole image + N cheap heads on the
//                 shared feature map (RoI pooling: the convolutional implementation of sliding windows)
//   Faster R-CNN: 1 ConvNet pass + the RPN's small conv head + M cheap heads (no segmentation)
// The constants are calibrated on the papers' timings with VGG-16 (R-CNN ≈ 47 s/image with
// ≈ 2 s of selective search, Fast R-CNN ≈ 2.3 s, Faster R-CNN ≈ 0.2 s): a region pass ≈ 22 ms,
// so segmentation ≈ 90 passes, the whole-image pass ≈ 10, a per-region head ≈ 0.01.

export type Pipeline = 'rcnn' | 'fast' | 'faster';
export const PIPELINES: readonly Pipeline[] = ['rcnn', 'fast', 'faster'];

export const COST = { segmentation: 90, regionPass: 1, imagePass: 10, rpnHead: 1, regionHead: 0.01 } as const;

/** Faster R-CNN keeps the RPN's 300 best regions (Ren et al., 2015). */
export const RPN_PROPOSALS = 300;

export interface PipelineCost {
  pipeline: Pipeline;
  proposals: number;
  /** forward passes of the ConvNet's convolutional layers */
  forwardPasses: number;
  /** who proposes the regions */
  proposer: 'segmentation' | 'rpn';
  /** cost in region-pass units, split into parts for the bar */
  parts: { propose: number; conv: number; heads: number };
  total: number;
}

export function pipelineCost(pipeline: Pipeline, proposals: number): PipelineCost {
  if (!Number.isInteger(proposals) || proposals < 0) throw new RangeError(`pipelineCost: proposals must be a whole number ≥ 0, got ${proposals}`);
  let parts: PipelineCost['parts'];
  let forwardPasses: number;
  if (pipeline === 'rcnn') {
    forwardPasses = proposals;
    parts = { propose: COST.segmentation, conv: proposals * COST.regionPass, heads: 0 };
  } else if (pipeline === 'fast') {
    forwardPasses = 1;
    parts = { propose: COST.segmentation, conv: COST.imagePass, heads: proposals * COST.regionHead };
  } else {
    forwardPasses = 1;
    parts = { propose: COST.rpnHead, conv: COST.imagePass, heads: proposals * COST.regionHead };
  }
  return { pipeline, proposals, forwardPasses, proposer: pipeline === 'faster' ? 'rpn' : 'segmentation', parts, total: parts.propose + parts.conv + parts.heads };
}

/** The three pipelines with N segmentation proposals (R-CNN, Fast) and the RPN's M (Faster). */
export function compareCosts(segProposals: number, rpnProposals = RPN_PROPOSALS): PipelineCost[] {
  return [pipelineCost('rcnn', segProposals), pipelineCost('fast', segProposals), pipelineCost('faster', rpnProposals)];
}

/** An evenly spread sample of k indices out of n (the boxes drawn; all n are counted). */
export function sampleIndices(n: number, k: number): number[] {
  if (k >= n) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}

const CLASS_HUES = [215, 28, 140]; // car blue, person orange, sign green (as the box colours)

/**
 * The colour of a blob. Picture: objects in their class hue (upper part lighter), background
 * sky-like above the middle and road-like below. Segmentation: one distinct hue per blob
 * (golden-angle steps), as a segmentation algorithm's output is usually shown.
 */
export function blobColour(blob: number, classId: number, part: number, centreY: number, segmentation: boolean): string {
  if (segmentation) return `hsl(${(blob * 137.508) % 360}, 62%, ${58 + (blob % 3) * 8}%)`;
  if (classId >= 0) return `hsl(${CLASS_HUES[classId % 3]}, 55%, ${part === 0 ? 62 : 44}%)`;
  return centreY < 0.45 ? `hsl(205, 45%, ${80 + (blob % 3) * 4}%)` : `hsl(90, 12%, ${58 + (blob % 4) * 5}%)`;
}
