import { describe, expect, it } from 'vitest';
import { tensor } from '../../../src/engine/tensor';
import { relu, reluBackward } from '../../../src/engine/ops/relu';
import { leakyRelu, leakyReluBackward } from '../../../src/engine/ops/leakyRelu';
import { sigmoid, sigmoidBackward } from '../../../src/engine/ops/sigmoid';
import { tanh, tanhBackward } from '../../../src/engine/ops/tanh';
import { softmax, softmaxBackward } from '../../../src/engine/ops/softmax';
import { gradCheck, randTensor } from '../gradcheck';

/** Random values kept away from 0 (the ReLU kink) by more than ε. */
function awayFromZero(shape: number[], seed: number) {
  const t = randTensor(shape, seed);
  for (let i = 0; i < t.data.length; i++) t.data[i] = t.data[i] >= 0 ? t.data[i] + 0.05 : t.data[i] - 0.05;
  return t;
}

describe('activations: worked examples', () => {
  const x = tensor([-2, -0.5, 0, 0.5, 2], [5]);
  it('relu', () => {
    expect(Array.from(relu(x).data)).toEqual([0, 0, 0, 0.5, 2]);
    expect(Array.from(reluBackward(tensor([1, 1, 1, 1, 1], [5]), x).dx.data)).toEqual([0, 0, 0, 1, 1]);
  });
  it('leakyRelu (α = 0.1)', () => {
    expect(Array.from(leakyRelu(x, 0.1).data)).toEqual([-0.2, -0.05, 0, 0.5, 2].map(Math.fround));
    expect(Array.from(leakyReluBackward(tensor([1, 1, 1, 1, 1], [5]), x, 0.1).dx.data)).toEqual([0.1, 0.1, 0.1, 1, 1].map(Math.fround));
  });
  it('sigmoid: σ(0) = 1/2, σ(2) = 1/(1+e^−2), σ′(0) = 1/4; no overflow at ±1000', () => {
    const y = sigmoid(x);
    expect(y.data[2]).toBe(0.5);
    expect(y.data[4]).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    expect(sigmoidBackward(tensor([1, 1, 1, 1, 1], [5]), y).dx.data[2]).toBe(0.25);
    expect(Array.from(sigmoid(tensor([-1000, 1000], [2])).data)).toEqual([0, 1]);
  });
  it('tanh: tanh′(0) = 1', () => {
    const y = tanh(x);
    expect(y.data[4]).toBeCloseTo(Math.tanh(2), 6);
    expect(tanhBackward(tensor([1, 1, 1, 1, 1], [5]), y).dx.data[2]).toBe(1);
  });
  it('softmax: [1, 2, 3] → e^k / Σ, rows sum to 1, shift-invariant', () => {
    const y = softmax(tensor([1, 2, 3, 1001, 1002, 1003], [2, 3]));
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0] + e[1] + e[2];
    for (let j = 0; j < 3; j++) {
      expect(y.data[j]).toBeCloseTo(e[j] / s, 6);
      expect(y.data[3 + j]).toBeCloseTo(e[j] / s, 6);
    }
  });
});

describe('activations: gradient checks', () => {
  it('relu', () => {
    const x = awayFromZero([3, 7], 1);
    gradCheck('relu', [x], () => relu(x), (dy) => [reluBackward(dy as typeof x, x).dx.data]);
  });
  it('leakyRelu', () => {
    const x = awayFromZero([3, 7], 2);
    gradCheck('leakyRelu', [x], () => leakyRelu(x, 0.2), (dy) => [leakyReluBackward(dy as typeof x, x, 0.2).dx.data]);
  });
  it('sigmoid', () => {
    const x = randTensor([3, 7], 3, -3, 3);
    gradCheck('sigmoid', [x], () => sigmoid(x), (dy) => [sigmoidBackward(dy as typeof x, sigmoid(x)).dx.data]);
  });
  it('tanh', () => {
    const x = randTensor([3, 7], 4, -2, 2);
    gradCheck('tanh', [x], () => tanh(x), (dy) => [tanhBackward(dy as typeof x, tanh(x)).dx.data]);
  });
  it('softmax', () => {
    const x = randTensor([4, 5], 5, -2, 2);
    gradCheck('softmax', [x], () => softmax(x), (dy) => [softmaxBackward(dy as typeof x, softmax(x)).dx.data]);
  });
});
