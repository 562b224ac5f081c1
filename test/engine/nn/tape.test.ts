// The autograd tape against central differences: a whole composite (conv → relu → pool →
// dense → softmax cross-entropy), weight sharing, input gradients, residual add, concat.
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../../../src/engine/tensor';
import { autograd as ag, backward, variable, graphModel, sequential, type Variable } from '../../../src/engine/nn';
import { expectGradClose, numericGrad, randTensor } from '../gradcheck';

/** Check d(loss)/d(v) for each listed leaf against central differences. */
function checkLeaves(build: () => Variable, leaves: Variable[], eps = 5e-3, rtol = 2e-2, atol = 2e-3): void {
  for (const l of leaves) l.zeroGrad();
  const loss = build();
  backward(loss);
  for (const l of leaves) {
    expect(l.grad, `${l.name} got a gradient`).not.toBeNull();
    const analytic = Float64Array.from(l.grad!.data);
    const numeric = numericGrad(() => build().value.data[0], l.value, eps);
    expectGradClose(l.name, analytic, numeric, rtol, atol);
  }
}

describe('autograd tape', () => {
  it('conv → relu → maxpool → dense → softmax CE: every weight and the input match central differences', () => {
    const x = variable(randTensor([2, 6, 6, 2], 1), true, 'x');
    const w1 = variable(randTensor([3, 3, 2, 3], 2, -0.5, 0.5), true, 'w1');
    const b1 = variable(randTensor([3], 3, -0.1, 0.1), true, 'b1');
    const w2 = variable(randTensor([12, 4], 4, -0.5, 0.5), true, 'w2');
    const b2 = variable(randTensor([4], 5, -0.1, 0.1), true, 'b2');
    const labels = [1, 3];
    const build = () => {
      let h = ag.conv2d(x, w1, b1, { stride: 1, pad: 'valid' });
      h = ag.relu(h);
      h = ag.maxPool2d(h, { size: 2, stride: 2 });
      h = ag.flatten(h);
      return ag.softmaxCrossEntropy(ag.dense(h, w2, b2), labels);
    };
    checkLeaves(build, [x, w1, b1, w2, b2]);
  });

  it('a weight used twice (siamese) receives the SUM of both paths', () => {
    const w = variable(randTensor([3, 2], 7), true, 'w');
    const a = variable(randTensor([1, 3], 8), false, 'a');
    const b = variable(randTensor([1, 3], 9), false, 'b');
    // L = Σ(a·w) + Σ(b·w)  ⇒  ∂L/∂w[i][j] = a[i] + b[i]  (independent of j)
    const loss = ag.sum(ag.add(ag.dense(a, w, null), ag.dense(b, w, null)));
    backward(loss);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) expect(w.grad!.data[i * 2 + j]).toBeCloseTo(a.value.data[i] + b.value.data[i], 5);
    }
    // and against central differences through a nonlinear shared path
    const x1 = variable(randTensor([2, 5, 5, 1], 10), false, 'x1');
    const x2 = variable(randTensor([2, 5, 5, 1], 11), false, 'x2');
    const wc = variable(randTensor([3, 3, 1, 2], 12), true, 'wc');
    const build = () => ag.sum(ag.tanh(ag.add(ag.conv2d(x1, wc, null), ag.scale(ag.conv2d(x2, wc, null), -0.5))));
    checkLeaves(build, [wc]);
  });

  it('gradient with respect to the input image (feature visualisation)', () => {
    const img = variable(randTensor([1, 7, 7, 1], 20), true, 'image');
    const w = variable(randTensor([3, 3, 1, 2], 21), false, 'w');
    const build = () => ag.sum(ag.sigmoid(ag.conv2d(img, w, null, { pad: 'same' })));
    checkLeaves(build, [img]);
    expect(w.grad).toBeNull(); // frozen weights get nothing
  });

  it('a graph model with a residual add and an inception-style concat', () => {
    const model = graphModel({
      inputShape: [6, 6, 2],
      nodes: [
        { id: 'a', type: 'conv2d', filters: 2, size: 3, pad: 'same', inputs: ['input'] },
        { id: 'r', type: 'add', inputs: ['a', 'input'] }, // residual: a(x) + x
        { id: 'b1', type: 'conv2d', filters: 2, size: 1, inputs: ['r'] },
        { id: 'b3', type: 'conv2d', filters: 3, size: 3, pad: 'same', inputs: ['r'] },
        { id: 'cat', type: 'concat', inputs: ['b1', 'b3'] },
        { id: 'act', type: 'tanh', inputs: ['cat'] },
        { id: 'pool', type: 'globalAvgPool', inputs: ['act'] },
        { id: 'out', type: 'dense', units: 3, inputs: ['pool'] },
      ],
    }, { seed: 3 });
    expect(model.layers.find((l) => l.id === 'cat')!.outShape).toEqual([6, 6, 5]);
    const x = variable(randTensor([2, 6, 6, 2], 30), true, 'x');
    const build = () => ag.softmaxCrossEntropy(model.forward(x), [0, 2]);
    checkLeaves(build, [x, ...model.parameters()]);
  });

  it('Model.forward matches the hand-chained tape, and activations() lists every layer', () => {
    const m = sequential([{ type: 'conv2d', filters: 2, size: 3 }, { type: 'relu' }, { type: 'flatten' }, { type: 'dense', units: 2 }], [4, 4, 1], { seed: 9 });
    const x: Tensor = randTensor([3, 4, 4, 1], 40);
    const [w, b, wd, bd] = m.parameters();
    const byHand = ag.dense(ag.flatten(ag.relu(ag.conv2d(variable(x), w, b))), wd, bd).value;
    expect(Array.from(m.predict(x).data)).toEqual(Array.from(byHand.data));
    const acts = m.activations(x);
    expect(acts.map((a) => a.type)).toEqual(['conv2d', 'relu', 'flatten', 'dense']);
    expect(acts.map((a) => a.value.shape)).toEqual([[3, 2, 2, 2], [3, 2, 2, 2], [3, 8], [3, 2]]);
  });
});

describe('batch norm, dropout and partial forward on the tape', () => {
  it('batch norm (training statistics) matches central differences for x, γ and β', () => {
    const x = variable(randTensor([3, 2, 2, 2], 50), true, 'x');
    const gamma = variable(randTensor([2], 51, 0.5, 1.5), true, 'gamma');
    const beta = variable(randTensor([2], 52), true, 'beta');
    const w = variable(randTensor([3 * 2 * 2 * 2, 1], 53), false, 'w');
    const build = () => {
      const rm = variable({ shape: [2], data: new Float32Array(2) });
      const rv = variable({ shape: [2], data: Float32Array.of(1, 1) });
      const y = ag.batchNorm(x, gamma, beta, rm, rv, { training: true });
      // a non-symmetric read-out, so the loss depends on the normalised values
      return ag.sum(ag.tanh(ag.dense(ag.reshape(y, [1, 24]), w, null)));
    };
    checkLeaves(build, [x, gamma, beta], 1e-2, 3e-2, 3e-3);
  });

  it('a model with batch norm and dropout: dropout is off at inference, masks are seeded', () => {
    const specs = [{ type: 'flatten' }, { type: 'dense', units: 6 }, { type: 'batchNorm' }, { type: 'relu' }, { type: 'dropout', rate: 0.5 }, { type: 'dense', units: 2 }] as const;
    const x = randTensor([4, 3, 3, 1], 60);
    const a = sequential(specs.slice() as never, [3, 3, 1], { seed: 1 });
    const b = sequential(specs.slice() as never, [3, 3, 1], { seed: 1 });
    expect(Array.from(a.predict(x).data)).toEqual(Array.from(a.predict(x).data));
    const ta = a.forward(x, { training: true }).value.data;
    const tb = b.forward(x, { training: true }).value.data;
    expect(Array.from(ta)).toEqual(Array.from(tb));
    expect(Array.from(a.forward(x, { training: true }).value.data)).not.toEqual(Array.from(ta)); // next mask differs
  });

  it('forward upTo a hidden layer gives ∂(unit)/∂(input) for feature visualisation', () => {
    const m = sequential([{ type: 'conv2d', filters: 3, size: 3 }, { type: 'relu' }, { type: 'conv2d', filters: 2, size: 3 }], [7, 7, 1], { seed: 2 });
    const img = variable(randTensor([1, 7, 7, 1], 70), true, 'image');
    const unit = m.forward(img, { upTo: 'relu_1' });
    expect(unit.value.shape).toEqual([1, 5, 5, 3]);
    checkLeaves(() => ag.sum(m.forward(img, { upTo: 'relu_1' })), [img]);
    expect(() => m.forward(img, { upTo: 'nope' })).toThrow(/no layer 'nope'/);
  });
});

describe('a variable used three times, swept again and again on reused buffers', () => {
  it('gets the sum of its three paths on every sweep (the temporary for later paths is reused, never stale)', () => {
    const x = variable({ shape: [1, 2, 2, 1], data: Float32Array.of(1, -2, 3, -4) }, true);
    const ws = [ag.workspace(), ag.workspace(), ag.workspace()];
    for (let sweep = 0; sweep < 3; sweep++) {
      x.zeroGrad();
      // y = relu(x) + 2·x + x: three paths into x; ∂Σy/∂x = [x > 0] + 2 + 1
      const y = ag.add(ag.add(ag.relu(x, ws[0]), ag.scale(x, 2), ws[1]), x, ws[2]);
      backward(ag.sum(y));
      expect(Array.from(x.grad!.data)).toEqual([4, 3, 4, 3]);
    }
  });
});
