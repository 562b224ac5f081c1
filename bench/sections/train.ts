// The LeNet-style training step on batch 32 of 28×28×1:
// conv 5×5×8 → relu → pool 2 → conv 5×5×16 → relu → pool 2 → dense 10 → softmax CE → SGD.
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, timeInterleaved } from '../harness';
import { loadTf } from '../tfjs';
import { loadTfWasm, trainableConv2d, useTfBackend } from '../tfjsWasm';
import { loadConvNetJS } from '../convnet';
import { oursTrainer } from '../ours';

export const BATCH = 32;
const LR = 0.01;

export function benchBatch(): { x: Float32Array; labels: Int32Array } {
  const x = new Float32Array(BATCH * 28 * 28);
  fillRandom(x, 7, 0.5);
  for (let i = 0; i < x.length; i++) x[i] += 0.5; // pixels in [0, 1] like MNIST
  const labels = new Int32Array(BATCH);
  for (let i = 0; i < BATCH; i++) labels[i] = i % 10;
  return { x, labels };
}

async function tfStep(x: Float32Array, labels: Int32Array, wasm: boolean): Promise<() => void> {
  const tf = await loadTf();
  const v = (shape: number[], seed: number, scale: number) => {
    const d = new Float32Array(shape.reduce((a, b) => a * b, 1));
    fillRandom(d, seed, scale);
    return tf.variable(tf.tensor(d, shape));
  };
  const w1 = v([5, 5, 1, 8], 11, 0.3), b1 = tf.variable(tf.zeros([8]));
  const w2 = v([5, 5, 8, 16], 12, 0.1), b2 = tf.variable(tf.zeros([16]));
  const w3 = v([256, 10], 13, 0.1), b3 = tf.variable(tf.zeros([10]));
  const xs = tf.tensor4d(x, [BATCH, 28, 28, 1]);
  const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
  const opt = tf.train.sgd(LR);
  // TF.js WASM has no 2-D filter-gradient kernel: there the conv's gradient is spelled out
  const conv = wasm ? trainableConv2d(1, 'valid') : (a: import('@tensorflow/tfjs-core').Tensor4D, f: import('@tensorflow/tfjs-core').Tensor4D) => tf.conv2d(a, f, 1, 'valid');
  return () => {
    const cost = opt.minimize(() => {
      let a = tf.relu(tf.add(conv(xs, w1 as import('@tensorflow/tfjs-core').Tensor4D), b1)) as import('@tensorflow/tfjs-core').Tensor4D;
      a = tf.maxPool(a, 2, 2, 'valid');
      a = tf.relu(tf.add(conv(a, w2 as import('@tensorflow/tfjs-core').Tensor4D), b2)) as import('@tensorflow/tfjs-core').Tensor4D;
      a = tf.maxPool(a, 2, 2, 'valid');
      const logits = tf.add(tf.matMul(tf.reshape(a, [BATCH, 256]), w3), b3);
      return tf.losses.softmaxCrossEntropy(ys, logits) as import('@tensorflow/tfjs-core').Scalar;
    }, true);
    cost?.dispose();
  };
}

function convnetStep(x: Float32Array, labels: Int32Array): () => void {
  const cn = loadConvNetJS();
  const net = new cn.Net();
  net.makeLayers([
    { type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 8, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'softmax', num_classes: 10 },
  ]);
  const trainer = new cn.Trainer(net, { method: 'sgd', learning_rate: LR, batch_size: BATCH, momentum: 0, l2_decay: 0 });
  const vols = Array.from({ length: BATCH }, (_, i) => {
    const v = new cn.Vol(28, 28, 1, 0);
    for (let j = 0; j < 784; j++) v.w[j] = x[i * 784 + j];
    return v;
  });
  return () => {
    for (let i = 0; i < BATCH; i++) trainer.train(vols[i], labels[i]);
  };
}

export const trainSection: BenchSection = {
  name: 'training step',
  async run() {
    const { x, labels } = benchBatch();
    const section = 'LeNet-style training step, batch 32';
    const label = 'conv5×5×8·relu·pool·conv5×5×16·relu·pool·dense10·CE·SGD';
    const rows: BenchRow[] = [];
    const row = (engine: string, ms: number): BenchRow => ({ section, case: label, engine, ms, rate: (BATCH * 1000) / ms, rateUnit: 'images/s' });
    // interleaved rounds (ours, TF.js WASM, ConvNetJS, TF.js CPU, ours, …) so all four meet the
    // same machine load; TF.js CPU takes over a second per step (a median of 5 single steps)
    const ours = oursTrainer(x, labels, LR).step;
    for (let i = 0; i < 20; i++) ours(); // settle the JIT and the reused buffers
    await loadTfWasm();
    useTfBackend('wasm');
    const tfWasm = await tfStep(x, labels, true);
    useTfBackend('cpu');
    const tfCpu = await tfStep(x, labels, false);
    const enter = [undefined, () => useTfBackend('wasm'), undefined, () => useTfBackend('cpu')];
    const [a, w, b, c] = timeInterleaved([ours, tfWasm, convnetStep(x, labels), tfCpu], { warmup: 2, rounds: 5, perRoundMs: 400, enter });
    rows.push(emit(row('ConvLab', a)));
    rows.push(emit(row('TF.js WASM', w)));
    rows.push(emit(row('ConvNetJS', b)));
    rows.push(emit(row('TF.js CPU', c)));
    return rows;
  },
};
