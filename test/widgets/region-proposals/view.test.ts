// Region-proposal pipelines (course §31): forward-pass counts and costs from the number of
// proposals; and the proposal/detection pipeline of the worker job on a seeded scene.
import { describe, expect, it } from 'vitest';
import { COST, compareCosts, pipelineCost, sampleIndices } from '../../../src/widgets/region-proposals/view';
import { runRegionProposals } from '../../../src/widgets/region-proposals/job/pipelines';
import { blobAdjacency, groupedBoxes, makeProposalScene } from '../../../src/data/proposals';
import { mulberry32 } from '../../../src/engine/random';
import { iou } from '../../../src/geometry/iou';

describe('forward passes and cost', () => {
  it('R-CNN runs the ConvNet once per region: 2,000 proposals → 2,000 passes; Fast and Faster once', () => {
    expect(pipelineCost('rcnn', 2000).forwardPasses).toBe(2000);
    expect(pipelineCost('fast', 2000).forwardPasses).toBe(1);
    expect(pipelineCost('faster', 300).forwardPasses).toBe(1);
    expect(pipelineCost('rcnn', 0).forwardPasses).toBe(0);
    expect(() => pipelineCost('rcnn', 2.5)).toThrow(RangeError);
  });

  it('costs: R-CNN = 90 + 2000 = 2090; Fast = 90 + 10 + 20 = 120; Faster = 1 + 10 + 3 = 14', () => {
    const [r, f, ff] = compareCosts(2000);
    expect(r.total).toBe(COST.segmentation + 2000);
    expect(r.total).toBe(2090);
    expect(f.total).toBeCloseTo(120, 10);
    expect(ff.total).toBeCloseTo(14, 10);
    expect(ff.proposer).toBe('rpn');
    // the ratios of the papers' timings (47 s : 2.3 s : 0.2 s) within a factor of ~1.5
    expect(r.total / f.total).toBeGreaterThan(47 / 2.3 / 1.5);
    expect(r.total / f.total).toBeLessThan((47 / 2.3) * 1.5);
    expect(f.total / ff.total).toBeGreaterThan(2.3 / 0.2 / 1.5);
  });

  it('R-CNN cost grows linearly with the proposals; Fast R-CNN barely', () => {
    expect(pipelineCost('rcnn', 1000).total - pipelineCost('rcnn', 500).total).toBe(500);
    expect(pipelineCost('fast', 1000).total - pipelineCost('fast', 500).total).toBeCloseTo(5, 10);
  });

  it('sampleIndices spreads k of n', () => {
    expect(sampleIndices(10, 5)).toEqual([0, 2, 4, 6, 8]);
    expect(sampleIndices(3, 5)).toEqual([0, 1, 2]);
  });
});

describe('proposals on a seeded scene', () => {
  it('grouping two touching blobs of an object gives that object\'s box exactly', () => {
    const scene = makeProposalScene(mulberry32(3));
    const adj = blobAdjacency(scene);
    expect(adj.has('0,1')).toBe(true); // the two parts of object 0 touch
    const grouped = groupedBoxes(scene);
    for (const o of scene.objects) expect(Math.max(...grouped.map((g) => iou(g, o.box)))).toBeGreaterThan(0.8);
  });

  it('job: exactly N segmentation proposals, ≤ 300 RPN proposals, detections after NMS near the objects, seeded', () => {
    const a = runRegionProposals({ seed: 3, proposals: 2000 });
    expect(a.segmentation.boxes).toHaveLength(2000);
    expect(a.rpn.boxes.length).toBeLessThanOrEqual(300);
    expect(a.rpn.boxes.length).toBeGreaterThan(50);
    for (const det of [a.segmentation.detections, a.rpn.detections]) {
      // NMS leaves few boxes, each one on an object, at most one per object and class
      expect(det.length).toBeGreaterThanOrEqual(a.scene.objects.length - 1);
      expect(det.length).toBeLessThanOrEqual(a.scene.objects.length + 2);
      for (const d of det) expect(Math.max(...a.scene.objects.map((o) => iou(d.box, o.box)))).toBeGreaterThan(0.5);
    }
    expect(a.segmentation.candidates).toBeGreaterThan(a.segmentation.detections.length);
    const b = runRegionProposals({ seed: 3, proposals: 2000 });
    expect(b.segmentation.boxes[1999]).toEqual(a.segmentation.boxes[1999]);
    expect(() => runRegionProposals({ seed: 1, proposals: 0 })).toThrow(/proposals/);
  });
});
