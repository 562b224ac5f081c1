// Training smoke test on REAL MNIST digits, determinism, and the NaN guard.
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../../src/engine/tensor';
import { rng } from '../../../src/engine/random';
import { adam, evaluate, sequential, sgd, trainStep, NonFiniteLossError, type LayerSpec, type Model, type Optimiser } from '../../../src/engine/nn';
import { loadDigits, type DigitSet } from './mnistDigits';

// Small enough to train in a few seconds on a busy 2-core machine.
const SMALL_CNN: LayerSpec[] = [
  { type: 'conv2d', filters: 6, size: 5 },
  { type: 'relu' },
  { type: 'maxPool2d', size: 2 },
  { type: 'flatten' },
  { type: 'dense', units: 10 },
];

/** Train `steps` batches of 32 in a seeded shuffled order; returns every step's loss. */
function train(model: Model, opt: Optimiser, data: DigitSet, steps: number, seed: number): number[] {
  const r = rng(seed);
  const order = Int32Array.from({ length: data.n }, (_, i) => i);
  const B = 32;
  const x: Tensor = { shape: [B, 28, 28, 1], data: new Float32Array(B * 784) };
  const y = new Int32Array(B);
  const losses: number[] = [];
  let pos = data.n;
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < B; i++) {
      if (pos >= data.n) {
        r.shuffle(order);
        pos = 0;
      }
      const k = order[pos++];
      x.data.set(data.images.subarray(k * 784, (k + 1) * 784), i * 784);
      y[i] = data.labels[k];
    }
    losses.push(trainStep(model, x, y, opt));
  }
  return losses;
}

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

describe('training on real MNIST digits', () => {
  const trainSet = loadDigits(0, 60); // 600 digits
  const testSet = loadDigits(200, 30); // 300 other digits, never trained on

  it('a small CNN drives the loss down and beats chance (10%) by far on held-out digits', () => {
    const model = sequential(SMALL_CNN, [28, 28, 1], { seed: 42 });
    const opt = adam(3e-3);
    const before = evaluate(model, { shape: [testSet.n, 28, 28, 1], data: testSet.images }, testSet.labels);
    const losses = train(model, opt, trainSet, 100, 7);
    const after = evaluate(model, { shape: [testSet.n, 28, 28, 1], data: testSet.images }, testSet.labels);
    expect(losses[0]).toBeGreaterThan(2.0); // ≈ ln 10 ≈ 2.3: no better than guessing at the start
    expect(mean(losses.slice(-20))).toBeLessThan(0.4 * mean(losses.slice(0, 10)));
    expect(before.accuracy).toBeLessThan(0.3);
    expect(after.accuracy).toBeGreaterThan(0.8);
    expect(after.loss).toBeLessThan(before.loss / 2);
  }, 120_000);

  it('is deterministic: same seeds ⇒ identical losses, bit for bit', () => {
    const run = (seed: number) => train(sequential(SMALL_CNN, [28, 28, 1], { seed }), adam(3e-3), trainSet, 15, 1);
    const a = run(5);
    expect(run(5)).toEqual(a);
    expect(run(6)).not.toEqual(a);
  }, 60_000);
});

describe('NaN guard', () => {
  const snapshot = (m: Model) => m.parameters().map((p) => Array.from(p.value.data));

  it('a NaN loss throws NonFiniteLossError BEFORE the update: the last good weights stay', () => {
    const model = sequential([{ type: 'flatten' }, { type: 'dense', units: 3 }], [2, 2, 1], { seed: 1 });
    const opt = sgd(0.1);
    const good: Tensor = { shape: [2, 2, 2, 1], data: Float32Array.from([1, 0, 0, 1, 0, 1, 1, 0]) };
    trainStep(model, good, [0, 2], opt);
    const kept = snapshot(model);
    const poisoned: Tensor = { shape: [2, 2, 2, 1], data: Float32Array.from([1, NaN, 0, 1, 0, 1, 1, 0]) };
    expect(() => trainStep(model, poisoned, [0, 2], opt)).toThrow(NonFiniteLossError);
    expect(() => trainStep(model, poisoned, [0, 2], opt)).toThrow(/smaller learning rate/);
    expect(snapshot(model)).toEqual(kept);
    expect(opt.t).toBe(1);
  });

  it('an exploding learning rate is caught, and the weights are those before the bad step', () => {
    const model = sequential(SMALL_CNN, [28, 28, 1], { seed: 3 });
    const opt = sgd(1e20); // absurd on purpose: activations overflow Float32
    const data = loadDigits(0, 4);
    const x: Tensor = { shape: [data.n, 28, 28, 1], data: data.images };
    let last = snapshot(model);
    let caught: unknown = null;
    for (let s = 0; s < 50 && !caught; s++) {
      last = snapshot(model);
      try {
        trainStep(model, x, data.labels, opt);
      } catch (e) {
        caught = e;
      }
    }
    expect(caught).toBeInstanceOf(NonFiniteLossError);
    expect(snapshot(model)).toEqual(last);
    expect(last.every((w) => w.every(Number.isFinite))).toBe(true);
  });
});

describe('buffer reuse in the training loop', () => {
  it('every layer writes into the same output and gradient buffers step after step', () => {
    const model = sequential(SMALL_CNN, [28, 28, 1], { seed: 8 });
    const opt = sgd(0.01);
    const data = loadDigits(0, 2);
    const x: Tensor = { shape: [data.n, 28, 28, 1], data: data.images };
    trainStep(model, x, data.labels, opt);
    const outs = model.workspaces.map((w) => w.t.y);
    const grads = model.parameters().map((p) => p.grad!.data);
    trainStep(model, x, data.labels, opt);
    model.workspaces.forEach((w, i) => expect(w.t.y, `layer ${i}`).toBe(outs[i]));
    model.parameters().forEach((p, i) => expect(p.grad!.data).toBe(grads[i]));
    // buffers exist for every layer with an output of its own (flatten is a view)
    expect(outs.filter((o) => o === undefined)).toHaveLength(1);
  });
});
