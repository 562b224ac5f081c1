import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeDigitSet } from '../../src/data/mnist';
import { createSession, attachData, sessionStep } from '../../src/worker/jobs/mnist/session';
import { PRESET_SETTINGS } from '../../src/worker/jobs/mnist/presets';

const rd = (f: string) => new Uint8Array(readFileSync(`public/data/${f}`));
it('probe', () => {
  const data = { train: makeDigitSet(rd('mnist-train-images.u8'), rd('mnist-train-labels.u8')), test: makeDigitSet(rd('mnist-test-images.u8'), rd('mnist-test-labels.u8')) };
  const preset = (process.env.PRESET ?? 'lenet5') as 'lenet5';
  const s = createSession('p', preset, 1, PRESET_SETTINGS[preset], () => performance.now());
  attachData(s, data);
  const t0 = performance.now();
  let lastV = 0;
  while (performance.now() - t0 < 20000 && s.images < 40000) {
    sessionStep(s);
    if (s.evalVersion !== lastV) {
      lastV = s.evalVersion;
      process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(2)}s images ${s.images} acc ${s.lastEval!.accuracy} ips ${s.timing.imagesPerSecond.toFixed(0)} train ${s.timing.trainMs.toFixed(0)} eval ${s.timing.evalMs.toFixed(0)}\n`);
      if (s.lastEval!.accuracy >= 0.97) break;
    }
  }
  process.stderr.write(`end images ${s.images} step ${s.step} loss ${s.recentLoss} ips ${s.timing.imagesPerSecond} train ${s.timing.trainMs} eval ${s.timing.evalMs}\n`);
}, 60000);
