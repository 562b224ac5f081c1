// The lab's training, step for step, equals TensorFlow.js (CPU backend) training the same
// LeNet-5-like network from the same weights on the same batches with Adam 3e-3.
import { it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { tf, useCpu } from '../../../engine/oracle/tf';
import { makeDigitSet } from '../../../../src/data/mnist';
import { createSession, attachData, sessionStep } from '../../../../src/widgets/shared/job/mnist/session';
import { PRESET_SETTINGS } from '../../../../src/data/mnistPresets';

const rd = (f: string) => new Uint8Array(readFileSync(`public/data/${f}`));

it('three Adam steps of the LeNet-5-like preset match TF.js (weights within 1e-5)', async () => {
  await useCpu();
  const data = { train: makeDigitSet(rd('mnist-train-images.u8'), rd('mnist-train-labels.u8')), test: makeDigitSet(rd('mnist-test-images.u8'), rd('mnist-test-labels.u8')) };
  const s = createSession('oracle', 'lenet5', 1, PRESET_SETTINGS.lenet5, () => 0);
  s.externalEval = true;
  attachData(s, data);
  const P = s.model.parameters();
  const [w1, b1, w2, b2, w3, b3, w4, b4] = P.map((p) => tf.variable(tf.tensor(p.value.data.slice(), p.value.shape)));
  const opt = tf.train.adam(3e-3, 0.9, 0.999, 1e-7);
  const n = s.settings.batchSize;
  for (let i = 0; i < 3; i++) {
    sessionStep(s); // gathers the next batch into s.x / s.y, then trains on it
    const x = tf.tensor4d(s.x.data.slice(), [n, 28, 28, 1]);
    const y = tf.oneHot(tf.tensor1d(Array.from(s.y), 'int32'), 10);
    const cost = opt.minimize(() => {
      let a = tf.relu(tf.add(tf.conv2d(x, w1 as tf.Tensor4D, 1, 'valid'), b1)) as tf.Tensor4D;
      a = tf.maxPool(a, 2, 2, 'valid');
      a = tf.relu(tf.add(tf.conv2d(a, w2 as tf.Tensor4D, 1, 'valid'), b2)) as tf.Tensor4D;
      a = tf.maxPool(a, 2, 2, 'valid');
      const h = tf.relu(tf.add(tf.matMul(tf.reshape(a, [n, 256]), w3 as tf.Tensor2D), b3)) as tf.Tensor2D;
      return tf.losses.softmaxCrossEntropy(y, tf.add(tf.matMul(h, w4 as tf.Tensor2D), b4)) as tf.Scalar;
    }, true)!;
    if (i === 0) expect((await cost.data())[0]).toBeCloseTo(s.recentLoss, 5); // the first batch's loss
  }
  const tfWeights = [w1, b1, w2, b2, w3, b3, w4, b4].map((v) => v.dataSync());
  P.forEach((p, k) => {
    let d = 0;
    for (let j = 0; j < p.value.data.length; j++) d = Math.max(d, Math.abs(p.value.data[j] - tfWeights[k][j]));
    expect(d, p.name).toBeLessThan(1e-5);
  });
  expect(s.step).toBe(3);
}, 120_000);
