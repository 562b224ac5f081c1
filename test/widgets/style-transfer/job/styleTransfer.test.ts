// The style-transfer and content-activations jobs on the packed ResNet-50 stem: a few Adam
// steps on G's pixels lower J(G); G stays in 0…255; β follows the balance setting; the content
// cost is 0 for G = C and grows with noise; ∂J/∂G through the frozen stem matches central
// differences on a few pixels.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { styleTransfer, styleCosts, type StyleTransferState } from '../../../../src/widgets/style-transfer/job/styleTransfer';
import { contentActivations } from '../../../../src/widgets/content-cost/job';
import { drawStylePictures } from '../../../../src/data/stylePictures';
import { JobError } from '../../../../src/worker/job';

const manifest = JSON.parse(readFileSync(new URL('../../../../public/models/resnet50-stem.json', import.meta.url), 'utf8'));
const bytes = new Uint8Array(readFileSync(new URL('../../../../public/models/resnet50-stem.bin', import.meta.url)));
const model = { manifest, bytes };
const res3 = {
  manifest: JSON.parse(readFileSync(new URL('../../../../public/models/resnet50-res3.json', import.meta.url), 'utf8')),
  bytes: new Uint8Array(readFileSync(new URL('../../../../public/models/resnet50-res3.bin', import.meta.url))),
};
const size = 32; // small, so the test is quick; the widget uses 64
const pics = drawStylePictures(size);

describe('style-transfer job', () => {
  test('a few steps lower J(G); pixels stay in range; β = 10^balance', () => {
    const s = styleTransfer.init({ model, content: pics.contents.house, style: pics.styles.swirl, size, init: 'noise', balance: 5, seed: 2 });
    expect(s.beta).toBe(1e5);
    const first = styleCosts(s, false).total;
    for (let i = 0; i < 6; i++) styleTransfer.step(s);
    const after = styleCosts(s, false);
    expect(after.total).toBeLessThan(0.9 * first);
    expect(after.content).toBeGreaterThan(0);
    expect(after.style).toBeGreaterThan(0);
    expect(Math.min(...s.g.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...s.g.data)).toBeLessThanOrEqual(255);
    const p = styleTransfer.progress(s);
    expect(p.step).toBe(6);
    expect(styleTransfer.snapshot!(s).image.length).toBe(size * size * 3);
    styleTransfer.update!(s, { balance: 3 });
    expect(s.beta).toBe(1e3);
    expect(() => styleTransfer.update!(s, { balance: Number.NaN })).toThrow(JobError);
  }, 60_000);

  test('contentOnly: β = 0, no style image needed, J_content at the chosen layer falls from noise', () => {
    const s = styleTransfer.init({ model, content: pics.contents.house, size, init: 'noise', balance: 0, contentOnly: true, contentLayer: 'conv1', learningRate: 8, seed: 4 });
    expect(s.beta).toBe(0);
    expect(s.aC.shape).toEqual([1, 16, 16, 64]);
    const first = styleCosts(s, false);
    expect(first.style).toBe(0);
    expect(first.total).toBe(first.content);
    for (let i = 0; i < 5; i++) styleTransfer.step(s);
    expect(styleCosts(s, false).content).toBeLessThan(0.8 * first.content);
    expect(() => styleTransfer.init({ model, content: pics.contents.house, size, init: 'noise', balance: 5 })).toThrow(/style image S/);
  }, 60_000);

  test('G = C gives J_content = 0: the picture G is preprocessed (caffe mean) exactly as C is', () => {
    for (const contentLayer of ['conv1', 'res2b'] as const) {
      const s = styleTransfer.init({ model, content: pics.contents.house, style: pics.styles.swirl, size, init: 'content', balance: 5, contentLayer, seed: 2 });
      s.g.data.set(Float32Array.from(pics.contents.house.data, (v) => 255 * v));
      expect(styleCosts(s, false).content).toBeLessThan(1e-6);
    }
  }, 60_000);

  test('a res3 content layer: a(C) at 1/8 scale with 512 channels, J falls; refused without the conv3_x file', () => {
    const s = styleTransfer.init({ model: { ...model, res3 }, content: pics.contents.house, style: pics.styles.swirl, size, init: 'noise', balance: 5, contentLayer: 'res3d', seed: 3 });
    expect(s.aC.shape).toEqual([1, size / 8, size / 8, 512]);
    const first = styleCosts(s, false);
    for (let i = 0; i < 5; i++) styleTransfer.step(s);
    const after = styleCosts(s, false);
    expect(after.total).toBeLessThan(0.9 * first.total);
    expect(after.content).toBeGreaterThan(0);
    expect(() => styleTransfer.init({ model, content: pics.contents.house, style: pics.styles.swirl, size, init: 'noise', balance: 5, contentLayer: 'res3a' })).toThrow(/conv3_x/);
  }, 60_000);

  test('∂J/∂G through the frozen ResNet stem matches central differences', () => {
    const small = drawStylePictures(16);
    const s: StyleTransferState = styleTransfer.init({ model, content: small.contents.house, style: small.styles.stripes, size: 16, init: 'content', balance: 4, seed: 5 });
    const { dG } = styleCosts(s, true);
    const g0 = Float32Array.from(s.g.data);
    const h = 0.5; // pixel units (0–255); J is piecewise smooth (ReLU, max-pool)
    let agree = 0;
    const idx = [100, 301, 402, 517, 650, 700];
    for (const i of idx) {
      s.g.data.set(g0); s.g.data[i] = g0[i] + h;
      const jp = styleCosts(s, false).total;
      s.g.data.set(g0); s.g.data[i] = g0[i] - h;
      const jm = styleCosts(s, false).total;
      const num = (jp - jm) / (2 * h);
      if (Math.abs(num - dG!.data[i]) <= 0.05 * Math.abs(num) + 1e-3 * Math.abs(jp)) agree++;
    }
    s.g.data.set(g0);
    // ReLU kinks can spoil a difference quotient now and then; most must agree
    expect(agree).toBeGreaterThanOrEqual(idx.length - 1);
  }, 60_000);
});

describe('content-activations job', () => {
  test('J_content is 0 for G = C, grows with the noise, and sums the per-channel parts', () => {
    const run = (noise: number, layer = 'res2b') => contentActivations.run({ model, content: pics.contents.house, noise, size, layer, seed: 1, channels: 4 });
    expect(run(0).cost).toBe(0);
    const a = run(20), b = run(80);
    expect(a.cost).toBeGreaterThan(0);
    expect(b.cost).toBeGreaterThan(a.cost);
    expect(a.shape).toEqual([1, 8, 8, 256]);
    expect(a.perChannel.reduce((x, y) => x + y, 0)).toBeCloseTo(a.cost, 0);
    expect(a.aC.length).toBe(4 * 8 * 8);
    expect(run(20, 'conv1').shape).toEqual([1, 16, 16, 64]);
    expect(() => run(20, 'res9z')).toThrow(/unknown layer/);
    const other = contentActivations.run({ model, content: pics.contents.house, other: pics.contents.cat, noise: 0, size, layer: 'pool1' });
    expect(other.cost).toBeGreaterThan(0);
  }, 60_000);
});
