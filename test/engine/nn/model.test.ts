import { describe, expect, it } from 'vitest';
import { sequential, graphModel, type LayerSpec } from '../../../src/engine/nn';

// The errata's LeNet-5-like example (section 10): 32×32×3 → CONV f5 6 → POOL 2 → CONV f5 16
// → POOL 2 → FC120 → FC84 → softmax 10.
const LENET5_LIKE: LayerSpec[] = [
  { type: 'conv2d', filters: 6, size: 5 },
  { type: 'maxPool2d', size: 2, stride: 2 },
  { type: 'conv2d', filters: 16, size: 5 },
  { type: 'maxPool2d', size: 2, stride: 2 },
  { type: 'flatten' },
  { type: 'dense', units: 120 },
  { type: 'dense', units: 84 },
  { type: 'dense', units: 10 },
];

describe('models: shapes, parameter and multiply counts', () => {
  it('LeNet-5-like: the errata parameter table 456, 2416, 48120, 10164, 850 and activation sizes', () => {
    const m = sequential(LENET5_LIKE, [32, 32, 3]);
    const rows = m.summary();
    expect(rows.map((r) => r.paramCount)).toEqual([456, 0, 2416, 0, 0, 48120, 10164, 850]);
    const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
    expect(rows.map((r) => size(r.outShape))).toEqual([4704, 1176, 1600, 400, 400, 120, 84, 10]);
    expect(m.paramCount).toBe(456 + 2416 + 48120 + 10164 + 850);
    // conv1: every one of the 28·28·6 outputs costs 5·5·3 multiplies
    expect(rows[0].multiplyCount).toBe(28 * 28 * 6 * 75);
    expect(rows[5].multiplyCount).toBe(400 * 120);
    // parameters actually allocated agree with the counts
    const allocated = m.parameters().reduce((s, v) => s + v.value.data.length, 0);
    expect(allocated).toBe(m.paramCount);
  });

  it('a spec list survives JSON (specs are plain data) and builds the same model', () => {
    const a = sequential(LENET5_LIKE, [32, 32, 3], { seed: 5 });
    const b = sequential(JSON.parse(JSON.stringify(LENET5_LIKE)), [32, 32, 3], { seed: 5 });
    expect(b.summary()).toEqual(a.summary());
    expect(Array.from(b.parameters()[0].value.data)).toEqual(Array.from(a.parameters()[0].value.data));
  });

  it('same seed ⇒ same initial weights; another seed ⇒ different; He scale ≈ √(2/fan_in)', () => {
    const w = (seed: number) => sequential([{ type: 'conv2d', filters: 64, size: 3 }], [8, 8, 16], { seed }).parameters()[0].value.data;
    expect(Array.from(w(1))).toEqual(Array.from(w(1)));
    expect(Array.from(w(1))).not.toEqual(Array.from(w(2)));
    const d = w(3);
    let s = 0;
    for (const v of d) s += v * v;
    expect(Math.sqrt(s / d.length)).toBeCloseTo(Math.sqrt(2 / (3 * 3 * 16)), 2);
    const t = sequential([{ type: 'dense', units: 200, init: 'heTruncated' }], [100], { seed: 4 }).parameters()[0].value.data;
    const bound = (2 * Math.sqrt(2 / 100)) / 0.8796256610342398;
    expect(Math.max(...Array.from(t, Math.abs))).toBeLessThanOrEqual(bound + 1e-6);
  });

  it("'same' padding with an even filter and stride: TensorFlow's ⌈n/s⌉", () => {
    const m = sequential([{ type: 'conv2d', filters: 4, size: 4, stride: 2, pad: 'same' }, { type: 'maxPool2d', size: 3, stride: 2, pad: 'same' }], [7, 7, 1]);
    expect(m.summary().map((r) => r.outShape)).toEqual([[4, 4, 4], [2, 2, 4]]);
  });

  it('global average pooling on a non-square map gives one number per channel', () => {
    const m = sequential([{ type: 'conv2d', filters: 3, size: 1 }, { type: 'globalAvgPool' }], [2, 3, 1], { seed: 1 });
    const [w, b] = m.parameters();
    const x = { shape: [1, 2, 3, 1], data: Float32Array.of(1, 2, 3, 4, 5, 6) };
    const y = m.predict(x);
    expect(y.shape).toEqual([1, 3]);
    // 1×1 conv then mean over the 6 pixels: mean(x)·w_k + b_k, mean(x) = 3.5
    for (let k = 0; k < 3; k++) expect(y.data[k]).toBeCloseTo(3.5 * w.value.data[k] + b.value.data[k], 5);
  });

  it('bad specs throw a RangeError naming the layer and the shapes', () => {
    expect(() => sequential([{ type: 'conv2d', filters: 2, size: 7 }], [5, 5, 1])).toThrow(/conv2d_1.*filter size f = 7 is larger than the padded input/);
    expect(() => sequential([{ type: 'dense', units: 3 }], [4, 4, 1])).toThrow(/dense needs a flat input.*\[4, 4, 1\]/);
    expect(() => sequential([{ type: 'conv2d', filters: 0, size: 3 }], [5, 5, 1])).toThrow(RangeError);
    expect(() => sequential([{ type: 'bogus' } as unknown as LayerSpec], [5])).toThrow(/unknown layer type 'bogus'/);
    expect(() => graphModel({ inputShape: [4, 4, 2], nodes: [{ id: 'c', type: 'conv2d', filters: 3, size: 1, inputs: ['input'] }, { id: 'r', type: 'add', inputs: ['c', 'input'] }] })).toThrow(/add: input shapes differ: \[4, 4, 3\] vs \[4, 4, 2\]/);
    expect(() => graphModel({ inputShape: [4], nodes: [{ id: 'd', type: 'dense', units: 2, inputs: ['nope'] }] })).toThrow(/reads 'nope'/);
    const m = sequential([{ type: 'flatten' }, { type: 'dense', units: 2 }], [3, 3, 1]);
    expect(() => m.predict({ shape: [1, 4, 4, 1], data: new Float32Array(16) })).toThrow(/expects a batch \[N, 3, 3, 1\], got \[1, 4, 4, 1\]/);
  });
});
