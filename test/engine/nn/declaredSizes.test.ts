// A model file's declared sizes are checked before anything is allocated: a crafted header
// with a valid checksum cannot make the worker build a huge network.
import { describe, expect, it } from 'vitest';
import { decodeModelFile, encodeModelFile, loadModel, saveModel, sequential, ModelFileError, MODEL_LIMITS, type LayerSpec } from '../../../src/engine/nn';

const SPECS: LayerSpec[] = [{ type: 'conv2d', filters: 4, size: 3 }, { type: 'relu' }, { type: 'flatten' }, { type: 'dense', units: 3 }];

/** A well-formed file (valid checksum) whose header says `layers`, carrying the small model's weights. */
function crafted(layers: unknown[], inputShape: number[] = [28, 28, 1]): ArrayBuffer {
  const real = decodeModelFile(saveModel(sequential(SPECS, [28, 28, 1])));
  return encodeModelFile({ model: { kind: 'sequential', inputShape, layers, seed: 1 }, arrays: real.arrays });
}

function problem(buf: ArrayBuffer): { problem: string; message: string; ms: number } {
  const t0 = performance.now();
  try {
    loadModel(buf);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelFileError);
    return { problem: (e as ModelFileError).problem, message: (e as Error).message, ms: performance.now() - t0 };
  }
  throw new Error('the file was accepted');
}

describe('declared sizes', () => {
  it('a 2,000,000-filter convolution is refused at once, before any weight is allocated', () => {
    const r = problem(crafted([{ type: 'conv2d', filters: 2_000_000, size: 5 }, { type: 'flatten' }, { type: 'dense', units: 10 }]));
    expect(r.problem).toBe('too-big');
    expect(r.message).toMatch(/more than 20,000,000 weights/);
    expect(r.ms).toBeLessThan(50); // building it took ~10 s
  });

  it('a network within the limits that the file cannot fill is refused before it is built', () => {
    const r = problem(crafted([{ type: 'conv2d', filters: 64, size: 5 }, { type: 'flatten' }, { type: 'dense', units: 10 }]));
    expect(r.problem).toBe('invalid-model');
    // 5·5·1·64 + 64 = 1,664 (conv) + 24·24·64·10 + 10 = 368,650 (dense) = 370,314; the file has 3·3·1·4 + 4 + 26·26·4·3 + 3 = 8,155
    expect(r.message).toMatch(/declares 370,314 weights but carries only 8,155/);
  });

  it('a huge input or layer output is refused', () => {
    expect(problem(crafted(SPECS, [100_000, 28, 1])).problem).toBe('too-big');
    expect(problem(crafted(SPECS, [28, 0, 1])).problem).toBe('too-big');
    const wide = problem(crafted([{ type: 'conv2d', filters: 4096, size: 1 }], [1024, 1024, 1]));
    expect(wide.problem).toBe('too-big');
    expect(wide.message).toMatch(/layer output of 4,294,967,296 values per example/);
  });

  it('the limits leave room for every network the course uses, and a real file still loads', () => {
    expect(MODEL_LIMITS.weights).toBeGreaterThan(1_000_000);
    const m = sequential(SPECS, [28, 28, 1]);
    const loaded = loadModel(saveModel(m));
    expect(loaded.model.parameters().length).toBe(m.parameters().length);
  });
});
