// The glyph one-shot job, seeded, on the real packed glyphs: training on the characters of the
// training scripts lifts N-way one-shot accuracy on the held-out scripts far above chance (1/N)
// and above the untrained encoder; the job's reported accuracy is recomputed here independently.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeGlyphSet } from '../../../src/data/glyphs';
import { glyphOneShot, provideGlyphs, type GlyphOneShotArgs } from '../../../src/widgets/one-shot/job/glyphOneShot';

const dir = new URL('../../../public/data/', import.meta.url);
const set = makeGlyphSet(JSON.parse(readFileSync(new URL('glyphs.json', dir), 'utf8')), new Uint8Array(readFileSync(new URL('glyphs.u8', dir))));

function run(args: GlyphOneShotArgs) {
  provideGlyphs(set);
  const st = glyphOneShot.init(args);
  let guard = 0;
  while (!glyphOneShot.step(st)) if (++guard > 100000) throw new Error('never finished');
  return { progress: glyphOneShot.progress(st), snap: glyphOneShot.snapshot!(st) };
}

/** Independent scorer: for each episode, each query's nearest support by plain loops over distances. */
function score(support: Float32Array, query: Float32Array, dim: number, flat: Int32Array, n: number): number {
  let ok = 0;
  for (let e = 0; e < flat.length; e += n) {
    const m = Array.from(flat.subarray(e, e + n));
    for (const q of m) {
      const d = m.map((s) => Array.from({ length: dim }, (_, k) => (query[q * dim + k] - support[s * dim + k]) ** 2).reduce((a, b) => a + b, 0));
      if (m[d.indexOf(Math.min(...d))] === q) ok++;
    }
  }
  return ok / flat.length;
}

describe('glyph one-shot job', () => {
  it('learns: 5-way and 20-way one-shot accuracy on unseen scripts rise well above chance', () => {
    const { progress: p, snap } = run({ seed: 1, maxSteps: 150, evalEvery: 50 });
    expect(p.status).toBe('finished');
    expect(p.trainCharacters).toBeGreaterThanOrEqual(400);
    expect(p.testScripts.length).toBeGreaterThanOrEqual(3);
    const acc = p.accuracy!, before = p.untrained!;
    expect(acc[5]).toBeGreaterThan(0.75); // chance 0.2
    expect(acc[20]).toBeGreaterThan(0.5); // chance 0.05
    expect(acc[5]).toBeGreaterThan(before[5] + 0.15);
    expect(acc[20]).toBeGreaterThan(before[20] + 0.2);
    expect(acc[20]).toBeGreaterThan(p.pixels![20] + 0.2);
    expect(Array.from(snap.curve.step)).toEqual([0, 50, 100, 150]);
    expect(score(snap.supportCodes!, snap.queryCodes!, snap.dim, snap.episodes.n5, 5)).toBeCloseTo(acc[5], 10);
    expect(score(snap.supportCodes!, snap.queryCodes!, snap.dim, snap.episodes.n20, 20)).toBeCloseTo(acc[20], 10);
  }, 120000);

  it('rejects a bad step count with a readable message', () => {
    expect(() => glyphOneShot.init({ maxSteps: 0 })).toThrow(/maxSteps/);
  });
});
