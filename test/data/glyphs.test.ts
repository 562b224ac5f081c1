// The packed glyph set (scripts/pack-glyphs.mjs) and the jitter that makes new drawings of it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { glyphIds, makeGlyphSet, scriptOf, GLYPH_SIDE } from '../../src/data/glyphs';
import { DRAWING_PIXELS, DRAWING_SIDE, drawGlyph, NO_JITTER, randomJitter, strokeVariant } from '../../src/data/glyphJitter';
import { rng } from '../../src/engine/random';

const dir = new URL('../../public/data/', import.meta.url);
export const readGlyphs = () => makeGlyphSet(JSON.parse(readFileSync(new URL('glyphs.json', dir), 'utf8')), new Uint8Array(readFileSync(new URL('glyphs.u8', dir))));
const set = readGlyphs();
const P = GLYPH_SIDE * GLYPH_SIDE;
const glyph = (id: number) => set.images.subarray(id * P, (id + 1) * P);
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

describe('packed glyphs', () => {
  it('has hundreds of training characters and held-out scripts of their own', () => {
    const train = glyphIds(set, 'train'), test = glyphIds(set, 'test');
    expect(train.length).toBeGreaterThanOrEqual(400);
    expect(test.length).toBeGreaterThanOrEqual(100);
    const trainScripts = new Set(Array.from(train, (id) => scriptOf(set, id).name));
    const testScripts = new Set(Array.from(test, (id) => scriptOf(set, id).name));
    expect(trainScripts.size).toBeGreaterThanOrEqual(8);
    expect(testScripts.size).toBeGreaterThanOrEqual(3);
    for (const s of testScripts) expect(trainScripts.has(s)).toBe(false);
  });

  it('every glyph has ink, fits its 24-px box, and no held-out glyph copies a training one', () => {
    for (let id = 0; id < set.count; id++) {
      const g = glyph(id);
      expect(sum(g)).toBeGreaterThan(255 * 8);
      for (let x = 0; x < GLYPH_SIDE; x++) expect(g[x] + g[(GLYPH_SIDE - 1) * GLYPH_SIDE + x]).toBe(0); // top and bottom rows blank
    }
    const train = glyphIds(set, 'train');
    for (const t of glyphIds(set, 'test')) {
      let nearest = Infinity;
      const gt = glyph(t);
      for (const r of train) {
        const gr = glyph(r);
        let d = 0;
        for (let k = 0; k < P; k++) d += Math.abs(gt[k] - gr[k]);
        nearest = Math.min(nearest, d / P);
      }
      expect(nearest).toBeGreaterThanOrEqual(6);
    }
  });

  it('rejects bytes that do not match the manifest', () => {
    const m = JSON.parse(readFileSync(new URL('glyphs.json', dir), 'utf8'));
    expect(() => makeGlyphSet(m, new Uint8Array(10))).toThrow(/do not match/);
  });
});

describe('jittered drawings', () => {
  it('a shift τ moves the drawing by exactly τ pixels', () => {
    const a = new Float32Array(DRAWING_PIXELS), b = new Float32Array(DRAWING_PIXELS);
    drawGlyph(set, 3, NO_JITTER, a);
    drawGlyph(set, 3, { ...NO_JITTER, tx: 2, ty: -1 }, b);
    for (let y = 1; y < DRAWING_SIDE - 1; y++) for (let x = 2; x < DRAWING_SIDE; x++) expect(b[y * DRAWING_SIDE + x]).toBeCloseTo(a[(y + 1) * DRAWING_SIDE + x - 2], 5);
  });

  it('keeps the ink area to about (20/24)² of the source without jitter', () => {
    const a = new Float32Array(DRAWING_PIXELS);
    for (const id of [0, 100, 300, 600]) {
      drawGlyph(set, id, NO_JITTER, a);
      const ratio = sum(a) / (sum(glyph(id)) / 255);
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(0.8);
    }
  });

  it('bolder strokes have more ink, thinner less; the same seed draws the same picture', () => {
    const ink = (t: number) => sum(strokeVariant(glyph(42), GLYPH_SIDE, t));
    expect(ink(1)).toBeGreaterThan(ink(0) * 1.3);
    expect(ink(-0.6)).toBeLessThan(ink(0) * 0.8);
    const a = new Float32Array(DRAWING_PIXELS), b = new Float32Array(DRAWING_PIXELS);
    drawGlyph(set, 7, randomJitter(rng(5)), a);
    drawGlyph(set, 7, randomJitter(rng(5)), b);
    expect(b).toEqual(a);
    drawGlyph(set, 7, randomJitter(rng(6)), b);
    expect(b).not.toEqual(a);
  });
});
