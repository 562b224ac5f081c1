// conv2d, conv1d, conv3d forward and every gradient against TensorFlow.js on seeded random shapes.
import { beforeAll, describe, it } from 'vitest';
import { conv2d, conv2dBackward } from '../../../src/engine/ops/conv2d';
import { conv1d, conv1dBackward } from '../../../src/engine/ops/conv1d';
import { conv3d, conv3dBackward } from '../../../src/engine/ops/conv3d';
import type { Padding } from '../../../src/engine/shape';
import { draw, expectAgree, seeded, tf, toTf, useCpu } from './tf';

beforeAll(useCpu);

const pads: Padding[] = ['valid', 'same', 0, 1, 2];

interface Case { x: number[]; w: number[]; stride: number; pad: Padding }

function drawCases(seed: number, count: number, dims: 1 | 2 | 3, padChoices: Padding[] = pads): Case[] {
  const r = seeded(seed);
  const cases: Case[] = [];
  while (cases.length < count) {
    const n = 1 + r.int(3), c = 1 + r.int(4), k = 1 + r.int(5);
    const f = 1 + r.int(dims === 3 ? 3 : 5), stride = 1 + r.int(3);
    const pad = padChoices[r.int(padChoices.length)];
    const p = typeof pad === 'number' ? pad : 0;
    const sizes = Array.from({ length: dims }, () => (dims === 3 ? 2 : 3) + r.int(dims === 3 ? 4 : 8));
    if (sizes.some((s) => f > s + 2 * p)) continue; // the filter must fit (bad input is tested elsewhere)
    // tfjs's 3-D 'same' forgets TensorFlow's max(·, 0) on the total padding (it shifts the
    // window when (⌈n/s⌉ − 1)·s + f < n); the 1-D/2-D paths clamp. Keep 3-D draws where it agrees.
    if (dims === 3 && pad === 'same' && sizes.some((n) => (Math.ceil(n / stride) - 1) * stride + f < n)) continue;
    cases.push({ x: [n, ...sizes, c], w: [...Array(dims).fill(f), c, k], stride, pad });
  }
  return cases;
}

type TfPad = 'valid' | 'same' | number;

describe('conv2d agrees with tf.conv2d (forward, dx, dw, db)', () => {
  drawCases(2024, 25, 2).forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad}`, () => {
      const r = seeded(100 + i);
      const x = draw(r, c.x), w = draw(r, c.w), b = draw(r, [c.w[3]]);
      const opts = { stride: c.stride, pad: c.pad };
      const y = conv2d(x, w, b, opts);
      const dy = draw(r, y.shape);
      const ours = conv2dBackward(dy, x, w, opts);
      tf.tidy(() => {
        const f = (tx: tf.Tensor, tw: tf.Tensor, tb: tf.Tensor) =>
          tf.add(tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, c.stride, c.pad as TfPad), tb);
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

// The backward pass takes a sparse path when most of dy is zero (after relu and max
// pooling, ≥ 75% is): the same gradients, summed over the nonzero entries only.
describe('conv2d backward with a mostly-zero dy (the sparse path) agrees with tf.conv2d', () => {
  drawCases(4096, 16, 2).forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad}`, () => {
      const r = seeded(300 + i);
      const x = draw(r, c.x), w = draw(r, c.w), b = draw(r, [c.w[3]]);
      const opts = { stride: c.stride, pad: c.pad };
      const y = conv2d(x, w, b, opts);
      const dy = draw(r, y.shape);
      // keep one entry in five (at least one), as a 2×2 max pool after a relu leaves it
      for (let j = 0; j < dy.data.length; j++) if (j % 5 !== i % 5) dy.data[j] = 0;
      if (dy.data.every((v) => v === 0)) dy.data[0] = 0.5;
      const ours = conv2dBackward(dy, x, w, opts);
      // without dx (a first layer) the sparse path is taken below one in ten: keep one in twelve
      const dyFew: typeof dy = { shape: dy.shape, data: dy.data.map((v, j) => (j % 12 === i % 12 ? v : 0)) };
      if (dyFew.data.every((v) => v === 0)) dyFew.data[0] = 0.5;
      const firstLayer = conv2dBackward(dyFew, x, w, { ...opts, skipDx: true });
      tf.tidy(() => {
        const f = (tx: tf.Tensor, tw: tf.Tensor) => tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, c.stride, c.pad as TfPad);
        const [gx, gw] = tf.grads((tx: tf.Tensor, tw: tf.Tensor) => tf.sum(tf.mul(f(tx, tw), toTf(dy))))([toTf(x), toTf(w)]);
        expectAgree('dx', ours.dx, gx);
        expectAgree('dw', ours.dw, gw);
        const [gwFew] = tf.grads((tw: tf.Tensor) => tf.sum(tf.mul(f(toTf(x), tw), toTf(dyFew))))([toTf(w)]);
        expectAgree('dw (no dx, sparser dy)', firstLayer.dw, gwFew);
        expectAgree('db', ours.db, tf.sum(toTf(dy), [0, 1, 2]));
      });
    });
  });
});

// Windows of pure background are skipped (their im2col rows are zeros): inputs that are
// mostly zero, like a digit on its background, take that path.
describe('conv2d on a mostly-zero input (empty windows skipped) agrees with tf.conv2d', () => {
  drawCases(8192, 12, 2).forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad}`, () => {
      const r = seeded(500 + i);
      const x = draw(r, c.x), w = draw(r, c.w), b = draw(r, [c.w[3]]);
      // keep one small blob of "ink" per image: everything else is background
      const [n, h, wd, ch] = c.x;
      for (let bi = 0; bi < n; bi++) {
        const cy = r.int(h), cx = r.int(wd);
        for (let y = 0; y < h; y++) for (let xx = 0; xx < wd; xx++) {
          if (Math.abs(y - cy) + Math.abs(xx - cx) > 1) for (let k = 0; k < ch; k++) x.data[((bi * h + y) * wd + xx) * ch + k] = 0;
        }
      }
      const opts = { stride: c.stride, pad: c.pad };
      const withBias = conv2d(x, w, b, opts), noBias = conv2d(x, w, null, opts);
      const dy = draw(r, withBias.shape);
      const ours = conv2dBackward(dy, x, w, opts);
      tf.tidy(() => {
        const f = (tx: tf.Tensor, tw: tf.Tensor) => tf.conv2d(tx as tf.Tensor4D, tw as tf.Tensor4D, c.stride, c.pad as TfPad);
        expectAgree('y', withBias, tf.add(f(toTf(x), toTf(w)), toTf(b)));
        expectAgree('y (no bias)', noBias, f(toTf(x), toTf(w)));
        const [gx, gw] = tf.grads((tx: tf.Tensor, tw: tf.Tensor) => tf.sum(tf.mul(f(tx, tw), toTf(dy))))([toTf(x), toTf(w)]);
        expectAgree('dx', ours.dx, gx);
        expectAgree('dw', ours.dw, gw);
      });
    });
  });
});

// Inputs with fewer than 4 channels take the direct path (windows read straight from x);
// these shapes have whole and partial groups of 4 columns and of 4 filters.
describe('conv2d forward with few input channels (the direct path) agrees with tf.conv2d', () => {
  const cases: Case[] = [
    { x: [2, 28, 28, 1], w: [5, 5, 1, 8], stride: 1, pad: 'valid' },
    { x: [1, 13, 11, 3], w: [3, 3, 3, 6], stride: 2, pad: 'same' },
    { x: [2, 9, 10, 2], w: [4, 4, 2, 5], stride: 1, pad: 1 },
    { x: [1, 7, 7, 1], w: [2, 2, 1, 1], stride: 1, pad: 'same' },
  ];
  cases.forEach((c, i) => {
    it(`x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad}`, () => {
      const r = seeded(700 + i);
      const x = draw(r, c.x), w = draw(r, c.w), b = draw(r, [c.w[3]]);
      const opts = { stride: c.stride, pad: c.pad };
      tf.tidy(() => {
        const ref = tf.conv2d(toTf(x) as tf.Tensor4D, toTf(w) as tf.Tensor4D, c.stride, c.pad as TfPad);
        expectAgree('y', conv2d(x, w, b, opts), tf.add(ref, toTf(b)));
        expectAgree('y (no bias)', conv2d(x, w, null, opts), ref);
      });
    });
  });
});

describe('conv1d agrees with tf.conv1d', () => {
  drawCases(77, 8, 1).forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad}`, () => {
      const r = seeded(300 + i);
      const x = draw(r, c.x), w = draw(r, c.w);
      const opts = { stride: c.stride, pad: c.pad };
      const y = conv1d(x, w, null, opts);
      const dy = draw(r, y.shape);
      const ours = conv1dBackward(dy, x, w, opts);
      tf.tidy(() => {
        // tf.conv1d mishandles numeric padding (it pads the dummy height too), so run the
        // oracle as tf.conv2d on a height-1 image with explicit width padding
        const [n, len, ch] = c.x, [fw, , k] = c.w;
        const pad: 'valid' | 'same' | [number, number][] =
          typeof c.pad === 'number' ? [[0, 0], [0, 0], [c.pad, c.pad], [0, 0]] : c.pad;
        const f = (tx: tf.Tensor, tw: tf.Tensor) =>
          tf.reshape(
            tf.conv2d(tf.reshape(tx, [n, 1, len, ch]) as tf.Tensor4D, tf.reshape(tw, [1, fw, ch, k]) as tf.Tensor4D, [1, c.stride], pad as 'valid'),
            y.shape,
          );
        expectAgree('y', y, f(toTf(x), toTf(w)));
        const [gx, gw] = tf.grads((tx: tf.Tensor, tw: tf.Tensor) => tf.sum(tf.mul(f(tx, tw), toTf(dy))))([toTf(x), toTf(w)]);
        expectAgree('dx', ours.dx, gx);
        expectAgree('dw', ours.dw, gw);
      });
    });
  });
});

describe('conv3d agrees with tf.conv3d', () => {
  // tf.conv3d takes only 'valid' | 'same'
  drawCases(55, 8, 3, ['valid', 'same']).forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} w ${c.w.join('×')} s${c.stride} pad ${c.pad}`, () => {
      const r = seeded(500 + i);
      const x = draw(r, c.x), w = draw(r, c.w);
      const opts = { stride: c.stride, pad: c.pad };
      const y = conv3d(x, w, null, opts);
      const dy = draw(r, y.shape);
      const ours = conv3dBackward(dy, x, w, opts);
      tf.tidy(() => {
        const f = (tx: tf.Tensor, tw: tf.Tensor) => tf.conv3d(tx as tf.Tensor5D, tw as tf.Tensor5D, c.stride, c.pad as 'valid' | 'same');
        expectAgree('y', y, f(toTf(x), toTf(w)));
        const [gx, gw] = tf.grads((tx: tf.Tensor, tw: tf.Tensor) => tf.sum(tf.mul(f(tx, tw), toTf(dy))))([toTf(x), toTf(w)]);
        expectAgree('dx', ours.dx, gx);
        expectAgree('dw', ours.dw, gw);
      });
    });
  });
});
