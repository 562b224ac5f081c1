// Pools, dense, batch norm, softmax cross-entropy and activations against TensorFlow.js.
import { beforeAll, describe, it } from 'vitest';
import { maxPool2d, maxPool2dBackward } from '../../../src/engine/ops/maxPool2d';
import { avgPool2d, avgPool2dBackward } from '../../../src/engine/ops/avgPool2d';
import { globalAvgPool, globalAvgPoolBackward } from '../../../src/engine/ops/globalAvgPool';
import { dense, denseBackward } from '../../../src/engine/ops/dense';
import { batchNorm, batchNormBackward } from '../../../src/engine/ops/batchNorm';
import { softmaxCrossEntropy } from '../../../src/engine/ops/softmaxCrossEntropy';
import { softmax } from '../../../src/engine/ops/softmax';
import { relu, reluBackward } from '../../../src/engine/ops/relu';
import { leakyRelu, leakyReluBackward } from '../../../src/engine/ops/leakyRelu';
import { sigmoid, sigmoidBackward } from '../../../src/engine/ops/sigmoid';
import { tanh, tanhBackward } from '../../../src/engine/ops/tanh';
import { zeros } from '../../../src/engine/tensor';
import type { Padding } from '../../../src/engine/shape';
import { draw, expectAgree, seeded, tf, toTf, useCpu } from './tf';

beforeAll(useCpu);

describe('maxPool2d / avgPool2d agree with tf.maxPool / tf.avgPool (forward and dx)', () => {
  const r = seeded(31);
  const cases: { x: number[]; size: number; stride: number; pad: Padding }[] = [];
  while (cases.length < 24) {
    const size = 1 + r.int(4), stride = 1 + r.int(3);
    const pad: Padding = (['valid', 'same', 0, 1] as Padding[])[r.int(4)];
    const x = [1 + r.int(3), 2 + r.int(8), 2 + r.int(8), 1 + r.int(4)];
    const p = typeof pad === 'number' ? pad : 0;
    if (size > x[1] + 2 * p || size > x[2] + 2 * p || p >= size) continue;
    cases.push({ x, size, stride, pad });
  }
  cases.forEach((c, i) => {
    it(`#${i}: x ${c.x.join('×')} window ${c.size} s${c.stride} pad ${c.pad}`, () => {
      const rr = seeded(700 + i);
      const x = draw(rr, c.x);
      const opts = { size: c.size, stride: c.stride, pad: c.pad };
      const ym = maxPool2d(x, opts), ya = avgPool2d(x, opts);
      const dy = draw(rr, ym.shape);
      const dxm = maxPool2dBackward(dy, x, { ...opts, argmax: ym.argmax }).dx;
      const dxa = avgPool2dBackward(dy, x, opts).dx;
      tf.tidy(() => {
        const pad = c.pad as 'valid' | 'same' | number;
        const mp = (t: tf.Tensor) => tf.maxPool(t as tf.Tensor4D, c.size, c.stride, pad);
        const ap = (t: tf.Tensor) => tf.avgPool(t as tf.Tensor4D, c.size, c.stride, pad);
        expectAgree('max y', ym, mp(toTf(x)));
        expectAgree('avg y', ya, ap(toTf(x)));
        expectAgree('max dx', dxm, tf.grad((t: tf.Tensor) => tf.sum(tf.mul(mp(t), toTf(dy))))(toTf(x)));
        // tf.avgPool's own gradient divides by f·f even where its forward (rightly) averaged
        // fewer real cells next to the padding, so differentiate an equivalent formulation:
        // window sums / window counts, both as depthwise convolutions with a ones filter.
        const ones = tf.ones([c.size, c.size, c.x[3], 1]) as tf.Tensor4D;
        const count = tf.depthwiseConv2d(tf.onesLike(toTf(x)) as tf.Tensor4D, ones, c.stride, pad);
        const ap2 = (t: tf.Tensor) => tf.div(tf.depthwiseConv2d(t as tf.Tensor4D, ones, c.stride, pad), count);
        expectAgree('avg y (sums/counts)', ya, ap2(toTf(x)));
        expectAgree('avg dx', dxa, tf.grad((t: tf.Tensor) => tf.sum(tf.mul(ap2(t), toTf(dy))))(toTf(x)));
      });
    });
  });

  it('globalAvgPool = tf.mean over height and width', () => {
    const rr = seeded(5);
    const x = draw(rr, [3, 4, 5, 6]), dy = draw(rr, [3, 6]);
    tf.tidy(() => {
      const g = (t: tf.Tensor) => tf.mean(t, [1, 2]);
      expectAgree('y', globalAvgPool(x), g(toTf(x)));
      expectAgree('dx', globalAvgPoolBackward(dy, x).dx, tf.grad((t: tf.Tensor) => tf.sum(tf.mul(g(t), toTf(dy))))(toTf(x)));
    });
  });
});

describe('dense agrees with tf.matMul + bias', () => {
  const r = seeded(41);
  for (let i = 0; i < 20; i++) {
    const n = 1 + r.int(9), k = 1 + r.int(40), m = 1 + r.int(20);
    it(`#${i}: [${n}, ${k}] · [${k}, ${m}]`, () => {
      const rr = seeded(800 + i);
      const x = draw(rr, [n, k]), w = draw(rr, [k, m]), b = draw(rr, [m]), dy = draw(rr, [n, m]);
      const g = denseBackward(dy, x, w);
      tf.tidy(() => {
        const f = (tx: tf.Tensor, tw: tf.Tensor, tb: tf.Tensor) => tf.add(tf.matMul(tx as tf.Tensor2D, tw as tf.Tensor2D), tb);
        expectAgree('y', dense(x, w, b), f(toTf(x), toTf(w), toTf(b)));
        const [gx, gw, gb] = tf.grads((tx: tf.Tensor, tw: tf.Tensor, tb: tf.Tensor) => tf.sum(tf.mul(f(tx, tw, tb), toTf(dy))))(
          [toTf(x), toTf(w), toTf(b)],
        );
        expectAgree('dx', g.dx, gx);
        expectAgree('dw', g.dw, gw);
        expectAgree('db', g.db, gb);
      });
    });
  }
});

describe('batchNorm (training) agrees with tf.moments + tf.batchNorm, gradients included', () => {
  const r = seeded(51);
  for (let i = 0; i < 12; i++) {
    const shape = i % 3 === 0 ? [2 + r.int(8), 1 + r.int(6)] : [1 + r.int(3), 1 + r.int(4), 1 + r.int(4), 1 + r.int(5)];
    if (shape.length === 4 && shape[0] * shape[1] * shape[2] < 2) shape[1] = 2;
    it(`#${i}: x ${shape.join('×')}`, () => {
      const rr = seeded(900 + i);
      const x = draw(rr, shape), c = shape[shape.length - 1];
      const gamma = draw(rr, [c]), beta = draw(rr, [c]), dy = draw(rr, shape);
      const eps = 1e-3;
      const state = { runningMean: zeros([c]), runningVar: zeros([c]) };
      const fw = batchNorm(x, gamma, beta, state, { training: true, eps });
      const g = batchNormBackward(dy, x, gamma, fw);
      tf.tidy(() => {
        const axes = shape.map((_, a) => a).slice(0, -1);
        const f = (tx: tf.Tensor, tg: tf.Tensor, tb: tf.Tensor) => {
          const { mean, variance } = tf.moments(tx, axes);
          return tf.batchNorm(tx, mean, variance, tb, tg, eps);
        };
        expectAgree('y', fw.y, f(toTf(x), toTf(gamma), toTf(beta)));
        const [gx, gg, gb] = tf.grads((tx: tf.Tensor, tg: tf.Tensor, tb: tf.Tensor) => tf.sum(tf.mul(f(tx, tg, tb), toTf(dy))))(
          [toTf(x), toTf(gamma), toTf(beta)],
        );
        expectAgree('dx', g.dx, gx, 5e-4);
        expectAgree('dgamma', g.dgamma, gg);
        expectAgree('dbeta', g.dbeta, gb);
      });
    });
  }
});

describe('softmax and softmax cross-entropy agree with tf.softmax / tf.losses.softmaxCrossEntropy', () => {
  const r = seeded(61);
  for (let i = 0; i < 12; i++) {
    const n = 1 + r.int(8), k = 2 + r.int(10);
    it(`#${i}: logits [${n}, ${k}]`, () => {
      const rr = seeded(1000 + i);
      const z = draw(rr, [n, k]);
      for (let j = 0; j < z.data.length; j++) z.data[j] *= 4;
      const labels = Array.from({ length: n }, () => rr.int(k));
      const onehot = zeros([n, k]);
      labels.forEach((l, row) => (onehot.data[row * k + l] = 1));
      const ours = softmaxCrossEntropy(z, labels);
      tf.tidy(() => {
        expectAgree('softmax', softmax(z), tf.softmax(toTf(z)));
        const loss = (t: tf.Tensor) => tf.losses.softmaxCrossEntropy(toTf(onehot), t);
        expectAgree('loss', new Float32Array([ours.loss]), tf.reshape(loss(toTf(z)), [1]));
        expectAgree('dlogits', ours.dlogits, tf.grad(loss)(toTf(z)));
      });
    });
  }
});

describe('activations agree with TensorFlow.js (forward and dx)', () => {
  const rr = seeded(71);
  const x = draw(rr, [5, 13]), dy = draw(rr, [5, 13]);
  for (let i = 0; i < x.data.length; i++) x.data[i] *= 3;
  const cases: [string, (t: tf.Tensor) => tf.Tensor, () => ReturnType<typeof relu>, () => ReturnType<typeof relu>][] = [
    ['relu', (t) => tf.relu(t), () => relu(x), () => reluBackward(dy, x).dx],
    ['leakyRelu', (t) => tf.leakyRelu(t, 0.2), () => leakyRelu(x, 0.2), () => leakyReluBackward(dy, x, 0.2).dx],
    ['sigmoid', (t) => tf.sigmoid(t), () => sigmoid(x), () => sigmoidBackward(dy, sigmoid(x)).dx],
    ['tanh', (t) => tf.tanh(t), () => tanh(x), () => tanhBackward(dy, tanh(x)).dx],
  ];
  for (const [name, f, fwd, bwd] of cases) {
    it(name, () => {
      tf.tidy(() => {
        expectAgree(`${name} y`, fwd(), f(toTf(x)));
        expectAgree(`${name} dx`, bwd(), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), toTf(dy))))(toTf(x)));
      });
    });
  }
});
