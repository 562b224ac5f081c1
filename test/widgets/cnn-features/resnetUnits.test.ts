// Units of the packed ResNet-50: the top-9 job's answers are checked against an independent
// forward pass on the picture each one names, and gradient ascent raises a unit's activation.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cnnFeaturesResnet, cnnFeaturesResnetAscent, bestPositions } from '../../../src/widgets/cnn-features/job/resnetUnits';
import { resnetPictures } from '../../../src/widgets/cnn-features/job/resnetPictures';
import { decodeStem, stemForward, stemPreprocess } from '../../../src/engine/nn/resnetStem';
import { variable } from '../../../src/engine/nn/variable';

const read = (name: string) => ({
  manifest: JSON.parse(readFileSync(`public/models/${name}.json`, 'utf8')),
  bytes: new Uint8Array(readFileSync(`public/models/${name}.bin`)),
});
const stem = read('resnet50-stem'), res3 = read('resnet50-res3');
const model = { ...stem, res3 };

let snap: NonNullable<ReturnType<NonNullable<typeof cnnFeaturesResnet.snapshot>>>;
beforeAll(() => {
  const st = cnnFeaturesResnet.init({ model });
  while (!cnnFeaturesResnet.step(st));
  snap = cnnFeaturesResnet.snapshot!(st)!;
}, 120_000);

describe('ResNet-50 top-9 patches', () => {
  it('each reported value is the unit’s activation at that picture and position; best first; ≤ 3 per picture', () => {
    expect(snap.layers.map((l) => [l.layer, l.units, l.side, l.rf.size])).toEqual([['conv1', 64, 64, 7], ['res2c', 256, 32, 35], ['res3d', 512, 16, 99]]);
    const W = { ...decodeStem(stem.manifest, stem.bytes), ...decodeStem(res3.manifest, res3.bytes) };
    const pics = resnetPictures();
    const acts = pics.map((p) => stemForward(W, variable(stemPreprocess({ shape: [1, 128, 128, 3], data: Float32Array.from(p.image.data, (v) => 255 * v) })), 'res3d'));
    for (const l of snap.layers) {
      for (const u of [0, 7, l.units - 1]) {
        const counts = new Map<number, number>();
        for (let i = 0; i < 9; i++) {
          const k = u * 9 + i;
          if (l.pictures[k] < 0) continue;
          if (i > 0) expect(l.values[k]).toBeLessThanOrEqual(l.values[k - 1]);
          const a = acts[l.pictures[k]][l.layer]!.value;
          const c = a.shape[3];
          expect(a.data[(l.rows[k] * l.side + l.cols[k]) * c + u]).toBeCloseTo(l.values[k], 4);
          counts.set(l.pictures[k], (counts.get(l.pictures[k]) ?? 0) + 1);
        }
        for (const n of counts.values()) expect(n).toBeLessThanOrEqual(3);
      }
    }
  }, 120_000);

  it('bestPositions keeps picks apart and ignores units that are off', () => {
    // 1 channel on a 1×5 map: peaks at 0 (5) and 1 (4, too close with gap 2) and 3 (3)
    const d = Float32Array.of(5, 4, 0, 3, 0);
    expect(bestPositions(d, 1, 5, 1, 0, 3, 2)).toEqual([{ value: 5, row: 0, col: 0 }, { value: 3, row: 0, col: 3 }]);
    expect(bestPositions(new Float32Array(5), 1, 5, 1, 0, 3, 1)).toEqual([]);
  });
});

describe('ResNet-50 activation maximisation', () => {
  it('excites conv1 and res2c units beyond their best patch in the pictures', () => {
    for (const [layer, unit] of [['conv1', 3], ['res2c', 5]] as const) {
      const best = snap.layers.find((l) => l.layer === layer)!.values[unit * 9];
      const st = cnnFeaturesResnetAscent.init({ model, layer, unit, steps: 60 });
      while (!cnnFeaturesResnetAscent.step(st));
      const p = cnnFeaturesResnetAscent.progress(st);
      expect(p.activation, `${layer} unit ${unit + 1}`).toBeGreaterThan(Math.max(best, p.startActivation + 5));
    }
    const st = cnnFeaturesResnetAscent.init({ model, layer: 'conv1', unit: 3, steps: 2 });
    while (!cnnFeaturesResnetAscent.step(st));
    const img = cnnFeaturesResnetAscent.snapshot!(st);
    expect(img.side).toBe(16);
    expect(img.image.length).toBe(3 * 16 * 16);
  }, 120_000);
});
