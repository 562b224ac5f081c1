// The detector learns: seeded, in Node, on the same job the worker runs. mAP@0.5 on the
// held-out scenes starts near 0 and is clearly up within a modest number of steps.
import { describe, expect, it } from 'vitest';
import { initYoloLab, stepYoloLab, yoloLab, TEST_EVERY } from '../../../src/widgets/yolo-lab/job/train';
import { JobError } from '../../../src/worker/job';
import { TEST_COUNT } from '../../../src/widgets/yolo-lab/params';

describe('yolo-lab job', () => {
  it('prepares anchors from k-means and learns: mAP@0.5 rises from ~0 to well above 0.5', () => {
    const steps = Number(process.env.YOLO_STEPS ?? 60);
    const s = initYoloLab({ anchors: 3, seed: 1, maxSteps: steps });
    const t0 = performance.now();
    while (!s.session) stepYoloLab(s);
    const prep = performance.now() - t0;
    const a = s.session.clusters.anchors;
    expect(a).toHaveLength(3);
    // the tall pedestrians get the first (smallest) anchor: taller than wide
    expect(a[0][1]).toBeGreaterThan(a[0][0]);
    expect(a[2][0]).toBeGreaterThan(a[2][1]);
    let done = false;
    let firstMap: number | null = null;
    const t1 = performance.now();
    while (!done) {
      done = stepYoloLab(s);
      if (firstMap === null && s.maps.length) firstMap = s.maps[0];
    }
    const trained = performance.now() - t1;
    const map = s.maps[s.maps.length - 1];
    console.log(`yolo-lab: prep ${prep.toFixed(0)} ms, ${steps} steps in ${(trained / 1000).toFixed(1)} s (training ${s.seconds.toFixed(1)} s, scoring ${s.testSeconds.toFixed(1)} s); mAP@0.5 by pass: ${s.maps.map((m) => m.toFixed(3)).join(' ')}`);
    expect(s.mapSteps.slice(0, 2)).toEqual([0, TEST_EVERY]);
    expect(s.mapSteps[s.mapSteps.length - 1]).toBe(steps);
    expect(firstMap!).toBeLessThan(0.1); // the untrained network
    expect(map).toBeGreaterThan(0.6);
    expect(map).toBeGreaterThan(firstMap! + 0.5);
    // the snapshot carries each held-out scene's raw outputs once per pass
    const snap = yoloLab.snapshot!(s);
    expect(snap.testRaw.length).toBe(TEST_COUNT * 8 * 8 * 3 * 8);
    expect(yoloLab.snapshot!(s).testRaw.length).toBe(0);
    expect(yoloLab.progress(s).map50).toBe(map);
  }, 600_000);

  it('stops with a readable non-finite-loss error when the weights blow up', () => {
    const s = initYoloLab({ anchors: 2, seed: 3 });
    while (!s.session) stepYoloLab(s);
    s.session.net.out.b.value.data[0] = NaN;
    let caught: unknown = null;
    // the first steps score the untrained network; the first training step then meets the NaN
    for (let k = 0; k < 20 && !caught; k++) {
      try {
        stepYoloLab(s);
      } catch (e) {
        caught = e;
      }
    }
    expect(caught).toBeInstanceOf(JobError);
    expect((caught as JobError).code).toBe('non-finite-loss');
  });

  it('refuses an anchor count it does not offer', () => {
    expect(() => initYoloLab({ anchors: 7 })).toThrow(/anchors must be one of/);
  });
});
