// The bottleneck block (1×1 → 3×3 → 1×1, identity or projection shortcut) computed by the
// engine in the 'residual-bottleneck' job, against plain loops written here.
import { describe, expect, it } from 'vitest';
import { residualBottleneck } from '../../../src/widgets/residual-block/job';
import { BOTTLENECKS, bottleneckSaving, convWeightCount, packBottleneck, sameOut } from '../../../src/widgets/residual-block/view';
import type { Tensor } from '../../../src/engine/tensor';

/** 'same' convolution of NHWC x [1,h,w,c] with w [f,f,c,k], stride s, TF-style padding (extra on the bottom/right). */
function naiveConv(x: Tensor, w: Tensor, s: number): Tensor {
  const [, h, wd, c] = x.shape;
  const [f, , , k] = w.shape;
  const oh = Math.ceil(h / s), ow = Math.ceil(wd / s);
  const padH = Math.max(0, (oh - 1) * s + f - h), padW = Math.max(0, (ow - 1) * s + f - wd);
  const top = Math.floor(padH / 2), left = Math.floor(padW / 2);
  const out = new Float32Array(oh * ow * k);
  for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let o = 0; o < k; o++) {
    let sum = 0;
    for (let di = 0; di < f; di++) for (let dj = 0; dj < f; dj++) {
      const r = i * s + di - top, q = j * s + dj - left;
      if (r < 0 || q < 0 || r >= h || q >= wd) continue;
      for (let ci = 0; ci < c; ci++) sum += x.data[(r * wd + q) * c + ci] * w.data[((di * f + dj) * c + ci) * k + o];
    }
    out[(i * ow + j) * k + o] = sum;
  }
  return { shape: [1, oh, ow, k], data: out };
}
const relu = (t: Tensor): Tensor => ({ shape: t.shape, data: t.data.map((v) => Math.max(0, v)) });

describe('residual-bottleneck', () => {
  for (const kind of ['identity', 'projection'] as const) {
    it(`${kind}: every stage matches plain loops, and the output is g(z3 + shortcut)`, () => {
      const p = packBottleneck(kind);
      const r = residualBottleneck.run(p);
      let x = p.a;
      p.convs.forEach((c, i) => {
        const z = naiveConv(x, c.w, c.stride);
        expect(r.z[i].shape).toEqual(z.shape);
        r.z[i].data.forEach((v, k) => expect(v).toBeCloseTo(z.data[k], 5));
        x = relu(z);
      });
      const sc = p.ws ? naiveConv(p.a, p.ws.w, p.ws.stride) : p.a;
      expect(r.shortcut.shape).toEqual(sc.shape);
      r.out.data.forEach((v, k) => expect(v).toBeCloseTo(Math.max(0, r.z[2].data[k] + sc.data[k]), 5));
      // the shapes the stage table shows
      const s = BOTTLENECKS[kind];
      const stride = s.convs.reduce((m, c) => m * c.stride, 1);
      expect(r.out.shape).toEqual([1, sameOut(s.input[0], stride), sameOut(s.input[1], stride), s.convs[2].cout]);
      // not a trivial block: some output differs from the shortcut, some are zeroed by the ReLU
      expect(r.out.data.some((v, k) => Math.abs(v - sc.data[k]) > 0.05)).toBe(true);
    });
  }

  it('the identity case needs no W_s; the projection case does, and it is a 1×1 conv with the stride', () => {
    expect(BOTTLENECKS.identity.ws).toBeNull();
    expect(BOTTLENECKS.identity.input[2]).toBe(BOTTLENECKS.identity.convs[2].cout);
    const ws = BOTTLENECKS.projection.ws!;
    expect([ws.f, ws.stride, ws.cin, ws.cout]).toEqual([1, 2, 8, 16]);
    expect(convWeightCount(ws)).toBe(128);
  });

  it('the bottleneck is cheap: 256 → 64 → 64 → 256 has 69,632 weights, two 3×3 on 256 channels 1,179,648', () => {
    expect(bottleneckSaving(256, 64)).toEqual({ bottleneck: 256 * 64 + 3 * 3 * 64 * 64 + 64 * 256, basic: 2 * 3 * 3 * 256 * 256 });
    expect(bottleneckSaving(256, 64)).toEqual({ bottleneck: 69632, basic: 1179648 });
  });
});
