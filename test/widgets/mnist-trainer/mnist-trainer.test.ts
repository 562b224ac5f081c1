// mnist-trainer: params, the settings copy the page keeps (must equal the worker's table),
// and the pure tile layout / colour ramps its canvases use.
import { describe, expect, it } from 'vitest';
import { mnistTrainer } from '../../../src/widgets/mnist-trainer/widget';
import { PRESET_SETTINGS } from '../../../src/data/mnistPresets';
import { ramp, rampColour, tileLayout } from '../../../src/widgets/mnist-trainer/paint';
import { live } from '../../../src/ui/live';
import { LIGHT_PALETTE } from '../../../src/viz/colors';
import { trainerStrings } from '../../../src/widgets/mnist-trainer/strings';

describe('mnist-trainer', () => {
  it('validates its params (preset lenet5 | tiny | mlp) with readable errors', () => {
    expect(mnistTrainer.validate({ preset: 'tiny' })).toEqual({ ok: true, params: { preset: 'tiny' } });
    expect(mnistTrainer.validate({})).toEqual({ ok: true, params: { preset: 'lenet5' } });
    const bad = mnistTrainer.validate({ preset: 'vgg' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatch(/lenet5, tiny, mlp/);
    expect(mnistTrainer.validate({ lr: 1 }).ok).toBe(false);
  });

  it('starts LeNet-5-like with Adam 3e-3, batch 16 (97% in fewer images than batch 32: see mnistPresets.ts)', () => {
    expect(PRESET_SETTINGS.lenet5).toMatchObject({ optimiser: 'adam', learningRate: 3e-3, batchSize: 16 });
  });

  it('lays tiles out in rows with one-pixel gaps', () => {
    expect(tileLayout(8, 24, 24, 8)).toEqual({ cols: 8, rows: 1, width: 8 * 25 - 1, height: 24 });
    expect(tileLayout(16, 8, 8, 8)).toEqual({ cols: 8, rows: 2, width: 8 * 9 - 1, height: 2 * 9 - 1 });
    expect(tileLayout(3, 5, 5, 8)).toEqual({ cols: 3, rows: 1, width: 17, height: 5 });
  });

  it('colours: ink ramps background → foreground; signed ramps neg ← zero → pos', () => {
    const ink = ramp(LIGHT_PALETTE, 'ink');
    expect(rampColour(ink, 0, 1)).toEqual([255, 255, 255]);
    expect(rampColour(ink, 1, 1)).toEqual([0x16, 0x18, 0x1d]);
    expect(rampColour(ink, 5, 1)).toEqual(rampColour(ink, 1, 1)); // clamped
    expect(rampColour(ink, NaN, 1)).toEqual([255, 255, 255]);
    // half way: the mean of background and foreground (to the LUT's 1/255 step)
    const mid = rampColour(ink, 0.5, 1);
    expect(Math.abs(mid[0] - (255 + 0x16) / 2)).toBeLessThanOrEqual(1.5);
    const signed = ramp(LIGHT_PALETTE, 'signed');
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]) <= 2);
    expect(near(rampColour(signed, 0, 2), [255, 255, 255])).toBe(true);
    expect(rampColour(signed, 2, 2)).toEqual([0x1d, 0x5f, 0xd1]);
    expect(rampColour(signed, -2, 2)).toEqual([0xd9, 0x48, 0x0f]);
  });

  it('the live box hands every value to its subscribers until they leave', () => {
    const box = live(0);
    const seen: number[] = [];
    const off = box.subscribe((v) => seen.push(v));
    box.set(1);
    box.set(2);
    off();
    box.set(3);
    expect(seen).toEqual([1, 2]);
    expect(box.get()).toBe(3);
  });

  it('every string has a Chinese translation with the same placeholders', () => {
    for (const [k, en] of Object.entries(trainerStrings.en)) {
      const zh = (trainerStrings.zh as Record<string, string>)[k];
      expect(zh, k).toBeTruthy();
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(zh), k).toEqual(ph(en));
    }
  });
});
