// The trained sliding-windows classifier: the FC view on crops and the conv view over the
// whole scene give the same numbers; the job's classifier learns the held-out crops.
import { describe, expect, it } from 'vitest';
import { buildWindowClassifier, classifyCrops, classifyOnePass, windowMultiplies } from '../../../src/widgets/shared/job/windowClassifier';
import { compareOnScene, initSwTrain, stepSwTrain, swTrainProgress, swTestScene } from '../../../src/widgets/sliding-windows/job/train';
import { cropImage } from '../../../src/data/windowCrops';

describe('window classifier', () => {
  it('one convolutional pass equals the classifier run on each 14×14 crop (stride 2)', () => {
    const net = buildWindowClassifier(3, 1e-3);
    const scene = swTestScene(1);
    const one = classifyOnePass(net, { shape: [1, 28, 28, 3], data: scene.image.data });
    expect(one.shape).toEqual([1, 8, 8, 4]);
    for (const [i, j] of [[0, 0], [3, 5], [7, 7]]) {
      const crop = cropImage(scene.image, 2 * j, 2 * i, 14);
      const p = classifyCrops(net, { shape: [1, 14, 14, 3], data: crop }).data;
      for (let k = 0; k < 4; k++) expect(one.data[(i * 8 + j) * 4 + k]).toBeCloseTo(p[k], 5);
    }
  });

  it('counts multiplications from the layer shapes', () => {
    // crop: conv 10·10·(5·5·3)·16 = 120,000; FC 400·400 + 400·400 + 400·4 = 321,600
    const w = windowMultiplies(28);
    expect(w.windows).toBe(64);
    expect(w.perCrop).toBe(120_000 + 321_600);
    // one pass: conv 24·24·75·16 = 691,200 once, the FC part at each of the 64 positions
    expect(w.onePass).toBe(691_200 + 64 * 321_600);
  });

  it('trains: held-out crop accuracy rises; the two passes agree to float rounding', () => {
    const s = initSwTrain({ seed: 1, maxSteps: 150 });
    while (s.testAt !== null) stepSwTrain(s);
    const before = swTrainProgress(s).accuracy!;
    let guard = 0;
    while (!(s.step >= 150 && s.comparison?.step === 150) && guard++ < 2000) stepSwTrain(s);
    const p = swTrainProgress(s);
    expect(p.step).toBe(150);
    expect(p.accuracy!).toBeGreaterThan(0.85);
    expect(p.accuracy! - before).toBeGreaterThan(0.3);
    const c = p.comparison!;
    expect(c.windows).toBe(64);
    expect(c.maxDiff).toBeLessThan(1e-5);
    expect(c.msCrops).toBeGreaterThan(0);
    expect(c.msOnePass).toBeGreaterThan(0);
    const again = compareOnScene(s.net, 0);
    expect(Array.from(again.onePass)).toEqual(Array.from(s.onePass));
    console.log(`crop accuracy ${before.toFixed(3)} → ${p.accuracy!.toFixed(3)}; max diff ${c.maxDiff}; crops ${c.msCrops.toFixed(1)} ms, one pass ${c.msOnePass.toFixed(1)} ms`);
  }, 300_000);
});
