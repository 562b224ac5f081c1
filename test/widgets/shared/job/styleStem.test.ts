// The packed ResNet-50 stem (BN folded, float16) run by our engine vs TensorFlow.js running the
// original Keras layers (fixture made by styleOracle.make.mjs); the §40–41 costs by hand; a
// gradient check of J_style with respect to the INPUT image through a tiny conv net.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeStem, stemBuffers, stemForward, stemPreprocess, STEM_LAYERS, type StemManifest } from '../../../../src/engine/nn/resnetStem';
import { contentCost, styleCost, weightedSum } from '../../../../src/engine/nn/styleCost';
import { variable, backward } from '../../../../src/engine/nn/variable';
import { conv2d, tanh } from '../../../../src/engine/nn/autograd';
import { gramMatrix } from '../../../../src/engine/ops/gramMatrix';
import type { Tensor } from '../../../../src/engine/tensor';

const fixture = JSON.parse(readFileSync(new URL('./styleOracle.fixture.json', import.meta.url), 'utf8'));
const manifest: StemManifest = JSON.parse(readFileSync(new URL('../../../../public/models/resnet50-stem.json', import.meta.url), 'utf8'));
const bin = readFileSync(new URL('../../../../public/models/resnet50-stem.bin', import.meta.url));
const res3Manifest: StemManifest = JSON.parse(readFileSync(new URL('../../../../public/models/resnet50-res3.json', import.meta.url), 'utf8'));
const res3Bin = readFileSync(new URL('../../../../public/models/resnet50-res3.bin', import.meta.url));

describe('packed ResNet-50 stem', () => {
  test('is small and complete', () => {
    expect(bin.byteLength).toBeLessThan(1.5e6);
    expect(manifest.tensors.map((t) => t.name)).toContain('res2c_branch2c/w');
    // conv3_x: 1,216,000 float16 values (res3a 376,832 + 3 × 278,528 weights, plus biases)
    expect(res3Bin.byteLength).toBe(2 * 1216000);
    expect(res3Manifest.tensors.map((t) => t.name)).toContain('res3d_branch2c/w');
  });

  test('reused buffers (stemBuffers) give the same activations and input gradient as fresh ones, call after call', () => {
    const W = decodeStem(manifest, bin);
    const n = 24;
    const img: Tensor = { shape: [1, n, n, 3], data: Float32Array.from({ length: n * n * 3 }, (_, i) => 100 * Math.sin(i * 0.37)) };
    const run = (bufs?: ReturnType<typeof stemBuffers>) => {
      const x = variable(img, true);
      const a = stemForward(W, x, 'res2c', bufs);
      // a cost that reaches x through both the residual adds and every style layer
      const zeros = (t: Tensor): Tensor => ({ shape: t.shape, data: new Float32Array(t.data.length) });
      const gramTarget: Tensor = { shape: [1, 256, 256], data: new Float32Array(256 * 256) };
      const j = weightedSum([styleCost(a.res2c!, gramTarget), contentCost(a.conv1!, zeros(a.conv1!.value))], [1e-3, 1]);
      backward(j);
      return { y: Float32Array.from(a.res2c!.value.data), dx: Float32Array.from(x.grad!.data), j: j.value.data[0] };
    };
    const fresh = run();
    const bufs = stemBuffers();
    run(bufs);
    const again = run(bufs);
    expect(again.j).toBe(fresh.j);
    expect(again.y).toEqual(fresh.y);
    expect(again.dx).toEqual(fresh.dx);
    expect(fresh.dx.some((v) => v !== 0)).toBe(true);
  });

  test('agrees with TensorFlow.js on the original model (BN unfolded, BGR caffe input)', () => {
    const W = { ...decodeStem(manifest, bin), ...decodeStem(res3Manifest, res3Bin) };
    const n: number = fixture.size;
    // the same picture as styleOracle.make.mjs
    const rgb = new Float32Array(n * n * 3);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const p = (i * n + j) * 3;
      rgb[p] = 128 + 100 * Math.sin(i / 3);
      rgb[p + 1] = j > 15 ? 220 : 30;
      rgb[p + 2] = (i * 7 + j * 3) % 256;
    }
    const acts = stemForward(W, variable(stemPreprocess({ shape: [1, n, n, 3], data: rgb })), 'res3d');
    for (const name of STEM_LAYERS) {
      const ref = fixture.layers[name];
      const a = acts[name]!.value;
      expect(a.shape).toEqual(ref.shape);
      // float16 weights: relative error of ~1e-3 per weight, a little more after 11 convs
      const scale = Math.sqrt(ref.sumSq / a.data.length);
      let worst = 0;
      ref.indices.forEach((idx: number, k: number) => (worst = Math.max(worst, Math.abs(a.data[idx] - ref.values[k]))));
      expect(worst / scale, `${name}: worst sampled error relative to the RMS activation`).toBeLessThan(0.02);
      const sum = a.data.reduce((s, v) => s + v, 0);
      expect(Math.abs(sum - ref.sum) / Math.abs(ref.sum)).toBeLessThan(0.005);
    }
  });
});

describe('style-transfer costs (§40–41)', () => {
  test('content cost ½‖a(C) − a(G)‖² and its gradient a(G) − a(C)', () => {
    const aC: Tensor = { shape: [1, 1, 2, 2], data: Float32Array.of(1, 2, 3, 4) };
    const aG = variable({ shape: [1, 1, 2, 2], data: Float32Array.of(1, 0, 3, 7) }, true);
    const J = contentCost(aG, aC);
    expect(J.value.data[0]).toBeCloseTo(0.5 * (4 + 9), 6);
    backward(J);
    expect(Array.from(aG.grad!.data)).toEqual([0, -2, 0, 3]);
  });

  test("lesson 44's Gram example [[6,3],[3,3]] and the layer style cost", () => {
    // two channels on a 1×4 map, a_1 = [2,1,0,1], a_2 = [1,1,1,0]: |a_1|² = 6, |a_2|² = 3, a_1·a_2 = 3
    const a = { shape: [1, 1, 4, 2], data: Float32Array.of(2, 1, 1, 1, 0, 1, 1, 0) };
    expect(Array.from(gramMatrix(a).data)).toEqual([6, 3, 3, 3]);
    const gS: Tensor = { shape: [1, 2, 2], data: Float32Array.of(6, 3, 3, 3) };
    const zeroG = variable({ shape: [1, 1, 4, 2], data: new Float32Array(8) }, true);
    // J = (36 + 9 + 9 + 9) / (2·1·4·2)² = 63 / 256
    expect(styleCost(zeroG, gS).value.data[0]).toBeCloseTo(63 / 256, 6);
    expect(styleCost(variable(a, true), gS).value.data[0]).toBe(0);
  });

  test('gradient of α·J_content + β·J_style with respect to the input image (central differences)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
    const w1 = variable({ shape: [3, 3, 2, 3], data: Float32Array.from({ length: 54 }, rnd) });
    const w2 = variable({ shape: [3, 3, 3, 4], data: Float32Array.from({ length: 108 }, rnd) });
    const img = (): Tensor => ({ shape: [1, 6, 6, 2], data: Float32Array.from({ length: 72 }, rnd) });
    const S = img(), C = img(), G0 = img();
    const net = (x: ReturnType<typeof variable>) => {
      const a1 = tanh(conv2d(x, w1, null, { pad: 1 }));
      return [a1, tanh(conv2d(a1, w2, null, { stride: 2, pad: 1 }))];
    };
    const [s1, s2] = net(variable(S));
    const [, c2] = net(variable(C));
    const gS1 = gramMatrix(s1.value), gS2 = gramMatrix(s2.value);
    const J = (g: Tensor) => {
      const x = variable(g, true);
      const [a1, a2] = net(x);
      return { x, j: weightedSum([contentCost(a2, c2.value), styleCost(a1, gS1), styleCost(a2, gS2)], [0.3, 50, 80]) };
    };
    const { x, j } = J(G0);
    backward(j);
    const h = 1e-2; // tanh keeps J smooth, so central differences are accurate to O(h²)
    let checked = 0;
    for (let i = 0; i < 72; i += 5) {
      const p = { shape: G0.shape, data: Float32Array.from(G0.data) }, m = { shape: G0.shape, data: Float32Array.from(G0.data) };
      p.data[i] += h; m.data[i] -= h;
      const num = (J(p).j.value.data[0] - J(m).j.value.data[0]) / (2 * h);
      expect(Math.abs(x.grad!.data[i] - num)).toBeLessThan(2e-3 * (1 + Math.abs(num)));
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
