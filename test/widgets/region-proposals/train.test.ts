// Region proposals for real: selective-search proposals on a held-out scene, classified by the
// trained window classifier R-CNN style (a whole pass per proposal) and in one pass (shared
// convolution, FC head per region): the same numbers, both timed, detections after NMS.
import { describe, expect, it } from 'vitest';
import { initRpTrain, proposalsOnScene, stepRpTrain, windowFor } from '../../../src/widgets/region-proposals/job/train';
import { iou } from '../../../src/geometry/iou';
import { windowTestScene } from '../../../src/widgets/shared/job/windowTraining';

describe('train-region-proposals', () => {
  it('maps a proposal to the stride-2 window centred nearest to it', () => {
    expect(windowFor({ x1: 0, y1: 0, x2: 14, y2: 14 }, 8)).toEqual({ row: 0, col: 0 });
    expect(windowFor({ x1: 20, y1: 10, x2: 28, y2: 16 }, 8)).toEqual({ row: 3, col: 7 }); // centre (24, 13) → col clamps to 7
    expect(windowFor({ x1: 8, y1: 8, x2: 20, y2: 20 }, 8)).toEqual({ row: 4, col: 4 }); // centre 14: (14 − 7)/2 = 3.5 rounds up to 4
  });

  it('trains, then both ways agree and the detections find objects', () => {
    const s = initRpTrain({ seed: 1, trainSteps: 200 });
    let guard = 0;
    while (!s.result && guard++ < 1000) stepRpTrain(s);
    const r = s.result!;
    expect(r.proposals.length).toBeGreaterThan(3);
    expect(r.windows).toHaveLength(r.proposals.length);
    expect(r.maxDiff).toBeLessThan(1e-5);
    expect(r.msRcnn).toBeGreaterThan(0);
    expect(r.msOnePass).toBeGreaterThan(0);
    // over the six held-out scenes, most objects get a detection of their class at IoU ≥ 0.3
    let hit = 0, total = 0;
    for (let k = 0; k < 6; k++) {
      const q = proposalsOnScene(s.net, k, s.step);
      for (const o of windowTestScene(k).objects) {
        total++;
        if (q.detections.some((d) => d.classId === o.classId && iou(d.box, o.box) >= 0.3)) hit++;
      }
    }
    console.log(`proposals ${r.proposals.length}, segments ${r.segments}; R-CNN ${r.msRcnn.toFixed(1)} ms, one pass ${r.msOnePass.toFixed(1)} ms; found ${hit}/${total}`);
    expect(hit / total).toBeGreaterThan(0.5);
  }, 300_000);
});
