// Warm the JavaScript engine up before the student presses Start.
// V8 runs new code slowly at first and compiles the hot loops (GEMM, im2col, pooling) to
// fast machine code on a background thread. On a 2-core machine with the page, the trainer
// and the tester all busy, that compiler waits for a free core: the first seconds of a run
// measured 600–780 images/s in the browser against ~1,500 once compiled. So while the page is
// idle (the digits still downloading, the student reading), each worker runs the code paths
// the lab will use on a throwaway copy of the network and synthetic blobs: nothing of this
// touches the session, its seed, its data order or its weights.
import type { Tensor } from '../../../engine/tensor';
import { rng } from '../../../engine/random';
import { sequential } from '../../../engine/nn/model';
import { createOptimiser } from '../../../engine/nn/optimisers';
import { trainStepInfo } from '../../../engine/nn/train';
import { makeDigitSet } from '../../../data/mnist';
import { INPUT_SHAPE, isPreset, PRESET_LAYERS, PRESET_SETTINGS, type Preset } from '../../../data/mnistPresets';
import { defineRequest, JobError } from '../../../worker/job';
import { evaluateAll } from '../../shared/job/mnist/evaluate';

/** Steps of throwaway training: enough for every hot loop to be compiled. */
export const WARM_UP_STEPS = 40;
/** Synthetic test images scored once (the evaluator's forward path, in its chunks of 250). */
const WARM_UP_TESTS = 500;

/** A digit-like 28×28 image: a ring of "ink" on a zero background (so empty windows exist, as in MNIST). */
function blob(out: Uint8Array, off: number, r: () => number): void {
  const cx = 9 + 10 * r(), cy = 9 + 10 * r(), rad = 4 + 4 * r();
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const d = Math.abs(Math.hypot(x - cx, y - cy) - rad);
      out[off + y * 28 + x] = d < 1.5 ? Math.round(255 * (1.5 - d) / 1.5) : 0;
    }
  }
}

const warmed = new Set<string>();

/**
 * Run the preset's training step (and, if `evaluate`, a test pass) on throwaway weights,
 * once per worker and kind. Returns the milliseconds it took (0 if already warm).
 */
export function warmUp(preset: Preset, opts: { train: boolean; evaluate: boolean }): number {
  const key = `${preset}:${opts.train}:${opts.evaluate}`;
  if (warmed.has(key)) return 0;
  warmed.add(key);
  const t0 = performance.now();
  const r = rng(12345).next;
  const model = sequential(PRESET_LAYERS[preset], INPUT_SHAPE, { seed: 12345 });
  const n = Math.max(WARM_UP_TESTS, PRESET_SETTINGS[preset].batchSize);
  const images = new Uint8Array(n * 784), labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    blob(images, i * 784, r);
    labels[i] = i % 10;
  }
  if (opts.train) {
    const b = PRESET_SETTINGS[preset].batchSize;
    const x: Tensor = { shape: [b, 28, 28, 1], data: new Float32Array(b * 784) };
    for (let i = 0; i < x.data.length; i++) x.data[i] = images[i] / 255;
    const y = Int32Array.from(labels.subarray(0, b));
    const s = PRESET_SETTINGS[preset];
    const opt = createOptimiser({ kind: 'adam', lr: s.learningRate });
    for (let k = 0; k < WARM_UP_STEPS; k++) trainStepInfo(model, x, y, opt);
  }
  if (opts.evaluate) evaluateAll(model, makeDigitSet(images, labels));
  return performance.now() - t0;
}

/**
 * Compile the lab's hot code before Start (warmUp above): the trainer warms its
 * training step, the evaluator its test pass. Throwaway weights; the sessions are untouched.
 */
export const mnistWarmUp = defineRequest((args: { preset: Preset; train?: boolean; evaluate?: boolean }): { ms: number } => {
  if (!isPreset(args.preset)) throw new JobError('bad-setting', `unknown architecture ${String(args.preset)}`, { name: 'preset', value: String(args.preset) });
  return { ms: warmUp(args.preset, { train: args.train === true, evaluate: args.evaluate === true }) };
});
