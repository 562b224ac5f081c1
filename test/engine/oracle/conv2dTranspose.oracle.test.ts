// conv2dTranspose forward and every gradient against tf.conv2dTranspose on seeded random shapes.
import { beforeAll, describe, it } from 'vitest';
import { conv2dTranspose, conv2dTransposeBackward } from '../../../src/engine/ops/conv2dTranspose';
import { draw, expectAgree, seeded, tf, toTf, useCpu } from './tf';

beforeAll(useCpu);

interface Case { x: number[]; w: number[]; stride: number; pad: number | 'same' | 'valid'; outputPadding: number }

function drawCases(seed: number, count: number): Case[] {
  const r = seeded(seed);
  const pads: Case['pad'][] = ['valid', 'same', 0, 1, 2];
  const cases: Case[] = [];
  while (cases.length < count) {
    const n = 1 + r.int(2), cIn = 1 + r.int(4), cOut = 1 + r.int(4), f = 1 + r.int(4), stride = 1 + r.int(3);
    const pad = pads[r.int(pads.length)];
    const outputPadding = typeof pad === 'number' && pad > 0 && stride > 1 ? r.int(Math.min(pad, stride - 1) + 1) : 0;
    const h = 1 + r.int(5), w = 1 + r.int(5);
    const p = typeof pad === 'number' ? pad : 0;
    if ((Math.min(h, w) - 1) * stride + f - 2 * p + outputPadding < 1) continue;
    cases.push({ x: [n, h, w, cIn], w: [f, f, cOut, cIn], stride, pad, outputPadding });
  }
  return cases;
}

describe('conv2dTranspose agrees with tf.conv2dTranspose (forward, dx, dw, db)', () => {
  drawCases(34, 25).forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad} op ${c.outputPadding}`, () => {
      const r = seeded(340 + i);
      const x = draw(r, c.x), w = draw(r, c.w), b = draw(r, [c.w[2]]);
      const opts = { stride: c.stride, pad: c.pad, outputPadding: c.outputPadding };
      const y = conv2dTranspose(x, w, b, opts);
      const dy = draw(r, y.shape);
      const ours = conv2dTransposeBackward(dy, x, w, opts);
      tf.tidy(() => {
        const f = (tx: tf.Tensor, tw: tf.Tensor, tb: tf.Tensor) =>
          tf.add(tf.conv2dTranspose(tx as tf.Tensor4D, tw as tf.Tensor4D, y.shape as [number, number, number, number], c.stride, c.pad), tb);
        expectAgree('y', y, f(toTf(x), toTf(w), toTf(b)));
        const [gx, gw, gb] = tf.grads((tx: tf.Tensor, tw: tf.Tensor, tb: tf.Tensor) => tf.sum(tf.mul(f(tx, tw, tb), toTf(dy))))(
          [toTf(x), toTf(w), toTf(b)],
        );
        expectAgree('dx', ours.dx, gx);
        expectAgree('dw', ours.dw, gw);
        expectAgree('db', ours.db, gb);
      });
    });
  });
});
