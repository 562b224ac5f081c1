import { describe, expect, it } from 'vitest';
import { adam, decodeModelFile, encodeModelFile, graphModel, loadModel, saveModel, sequential, trainStep, ModelFileError, type LayerSpec } from '../../../src/engine/nn';
import { randTensor } from '../gradcheck';

const SPECS: LayerSpec[] = [
  { type: 'conv2d', filters: 4, size: 3, pad: 'same' },
  { type: 'relu' },
  { type: 'maxPool2d', size: 2 },
  { type: 'flatten' },
  { type: 'dense', units: 3 },
];

describe('save / load', () => {
  it('round trip: identical outputs, and training resumes bit for bit with the Adam state', () => {
    const m = sequential(SPECS, [6, 6, 1], { seed: 11 });
    const opt = adam(0.01);
    const x = randTensor([4, 6, 6, 1], 1);
    const y = [0, 1, 2, 1];
    for (let i = 0; i < 3; i++) trainStep(m, x, y, opt);
    const buf = saveModel(m, { optimiser: opt, meta: { step: 3 } });
    // compact: 4-byte floats plus a small header
    const floats = m.paramCount * 3; // weights + Adam m and v
    expect(buf.byteLength).toBeLessThan(floats * 4 + 2000);
    const back = loadModel(buf);
    expect(back.meta).toEqual({ step: 3 });
    expect(back.model.summary()).toEqual(m.summary());
    expect(Array.from(back.model.predict(x).data)).toEqual(Array.from(m.predict(x).data));
    const l1 = trainStep(m, x, y, opt);
    const l2 = trainStep(back.model, x, y, back.optimiser!);
    expect(l2).toBe(l1);
    expect(Array.from(back.model.predict(x).data)).toEqual(Array.from(m.predict(x).data));
  });

  it('graph models round-trip too', () => {
    const g = graphModel({
      inputShape: [4, 4, 2],
      nodes: [
        { id: 'a', type: 'conv2d', filters: 2, size: 3, pad: 'same', inputs: ['input'] },
        { id: 'r', type: 'add', inputs: ['a', 'input'] },
        { id: 'f', type: 'flatten', inputs: ['r'] },
        { id: 'o', type: 'dense', units: 2, inputs: ['f'] },
      ],
    }, { seed: 2 });
    const x = randTensor([2, 4, 4, 2], 3);
    const back = loadModel(saveModel(g)).model;
    expect(back.kind).toBe('graph');
    expect(Array.from(back.predict(x).data)).toEqual(Array.from(g.predict(x).data));
  });

  it('a corrupted or foreign buffer is rejected with a readable reason', () => {
    const good = new Uint8Array(saveModel(sequential(SPECS, [6, 6, 1])));
    const bad = good.slice();
    bad[bad.length - 10] ^= 0xff;
    expect(() => loadModel(bad)).toThrow(ModelFileError);
    expect(() => loadModel(bad)).toThrow(/checksum/);
    expect(() => loadModel(good.slice(0, 100))).toThrow(/truncated/);
    expect(() => loadModel(new TextEncoder().encode('PK\u0003\u0004 a zip file'))).toThrow(/not a ConvLab model file/);
    // a well-formed file whose weights belong to another architecture
    const other = decodeModelFile(saveModel(sequential([{ type: 'conv2d', filters: 5, size: 3, pad: 'same' }, ...SPECS.slice(1)], [6, 6, 1])));
    const mixed = encodeModelFile({ model: decodeModelFile(good).model, arrays: other.arrays });
    expect(() => loadModel(mixed)).toThrow(/weights 'conv2d_1\/w' have shape \[3, 3, 1, 5\], the model needs \[3, 3, 1, 4\]/);
  });
});
