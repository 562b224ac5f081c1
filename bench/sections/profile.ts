// Where the LeNet training step spends its time: each op of the step timed on its own,
// on the step's exact shapes (`npm run bench -- profile`). Ours only; for finding work.
import type { BenchRow, BenchSection } from '../harness';
import { emit, fillRandom, timeMedian } from '../harness';
import type { Tensor } from '../../src/engine/tensor';
import { conv2d, conv2dBackward } from '../../src/engine/ops/conv2d';
import { maxPool2d, maxPool2dBackward } from '../../src/engine/ops/maxPool2d';
import { relu, reluBackward } from '../../src/engine/ops/relu';
import { oursTrainer } from '../ours';
import { readFileSync } from 'node:fs';
import { sequential, trainStep } from '../../src/engine/nn';
import { createOptimiser } from '../../src/engine/nn/optimisers';
import { gatherBatch, makeDigitSet, MNIST_PIXELS, type DigitSet } from '../../src/data/mnist';
import { INPUT_SHAPE, PRESET_LAYERS, PRESET_SETTINGS } from '../../src/data/mnistPresets';

/** The packed training digits, straight from public/data (as the app serves them). */
function realDigits(): DigitSet {
  const dir = new URL('../public/data/', `file://${process.cwd()}/bench/`);
  return makeDigitSet(new Uint8Array(readFileSync(new URL('mnist-train-images.u8', dir))), new Uint8Array(readFileSync(new URL('mnist-train-labels.u8', dir))));
}
import { benchBatch, BATCH } from './train';

function t(shape: number[], seed: number, scale = 0.5): Tensor {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
  fillRandom(data, seed, scale);
  return { shape, data };
}

export const profileSection: BenchSection = {
  name: 'profile',
  async run() {
    const section = 'LeNet step, op by op (ours)';
    const rows: BenchRow[] = [];
    const add = (name: string, fn: () => void) => rows.push(emit({ section, case: name, engine: 'ConvLab', ms: timeMedian(fn, { warmup: 20, budgetMs: 1500 }), rate: 0, rateUnit: '' }));
    const x = t([BATCH, 28, 28, 1], 1), w1 = t([5, 5, 1, 8], 2, 0.3), b1 = t([8], 3);
    const y1 = conv2d(x, w1, b1);
    add('conv1 forward', () => conv2d(x, w1, b1, { out: y1 }));
    const r1 = relu(y1);
    add('relu 1 forward', () => relu(y1, r1));
    const p1 = maxPool2d(r1, { size: 2, stride: 2 });
    add('pool 1 forward', () => maxPool2d(r1, { size: 2, stride: 2, out: p1 }));
    const dp1 = maxPool2dBackward(p1, r1, { size: 2, stride: 2, argmax: p1.argmax });
    add('pool 1 backward', () => maxPool2dBackward(p1, r1, { size: 2, stride: 2, argmax: p1.argmax, dx: dp1.dx }));
    // the gradient a conv receives in this net: through max pool (argmax only) and relu
    const dy1 = reluBackward(dp1.dx, y1).dx;
    const g1 = conv2dBackward(dy1, x, w1, { skipDx: true });
    add('conv1 backward (dw, db), dy via pool + relu', () => conv2dBackward(dy1, x, w1, { skipDx: true, grads: g1 }));
    add('conv1 backward (dw, db), dense dy', () => conv2dBackward(y1, x, w1, { skipDx: true, grads: g1 }));
    const w2 = t([5, 5, 8, 16], 4, 0.1), b2 = t([16], 5);
    const y2 = conv2d(p1, w2, b2);
    add('conv2 forward', () => conv2d(p1, w2, b2, { out: y2 }));
    const r2 = relu(y2);
    const p2 = maxPool2d(r2, { size: 2, stride: 2 });
    const dy2 = reluBackward(maxPool2dBackward(p2, r2, { size: 2, stride: 2, argmax: p2.argmax }).dx, y2).dx;
    const g2x = conv2dBackward(dy2, p1, w2);
    add('conv2 backward dx, dw, db, dy via pool + relu', () => conv2dBackward(dy2, p1, w2, { grads: g2x }));
    add('conv2 backward dx, dw, db, dense dy', () => conv2dBackward(y2, p1, w2, { grads: g2x }));
    const dr = reluBackward(y1, y1);
    add('relu 1 backward', () => reluBackward(y1, y1, dr.dx));
    const { x: bx, labels } = benchBatch();
    const step = oursTrainer(bx, labels, 0.01).step;
    add('whole step (trainStep)', step);
    // the lab's default preset on real digits (mostly background: empty windows skipped)
    const digits = realDigits();
    const lab = sequential(PRESET_LAYERS.lenet5, INPUT_SHAPE, { seed: 1 });
    const opt = createOptimiser({ kind: 'adam', lr: PRESET_SETTINGS.lenet5.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    const LB = PRESET_SETTINGS.lenet5.batchSize;
    const lx = new Float32Array(LB * MNIST_PIXELS), ly = new Int32Array(LB);
    const lxt: Tensor = { shape: [LB, 28, 28, 1], data: lx };
    const rx: Tensor = { shape: [BATCH, 28, 28, 1], data: new Float32Array(BATCH * MNIST_PIXELS) };
    gatherBatch(digits, Array.from({ length: BATCH }, (_, i) => i), rx.data, new Int32Array(BATCH));
    const ry1 = conv2d(rx, w1, b1);
    add('conv1 forward, real digits', () => conv2d(rx, w1, b1, { out: ry1 }));
    const rg1 = conv2dBackward(y1, rx, w1, { skipDx: true });
    add('conv1 backward (dw, db), real digits, dense dy', () => conv2dBackward(y1, rx, w1, { skipDx: true, grads: rg1 }));
    let at = 0;
    add(`lab preset step on real digits (lenet5, Adam, batch ${LB})`, () => {
      const idx = Array.from({ length: LB }, (_, i) => (at + i) % digits.count);
      at += LB;
      gatherBatch(digits, idx, lx, ly);
      trainStep(lab, lxt, ly, opt);
    });

    return rows;
  },
};
