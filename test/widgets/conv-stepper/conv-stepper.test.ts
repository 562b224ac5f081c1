// The stepper's numbers: the engine's conv2d (the worker job, run in Node) on the lecture's
// images gives the errata's rows, and the "nine products" sum shown for each window equals
// the engine's output cell, for every preset, stride and padding.
import { describe, expect, it } from 'vitest';
import { conv2d } from '../../../src/widgets/conv-stepper/job';
import { convArgs, splitMaps } from '../../../src/widgets/conv-stepper/compute';
import { convStepper } from '../../../src/widgets/conv-stepper/widget';
import { FILTER_NAMES, FILTERS, IMAGE_NAMES, smallImage } from '../../../src/viz/filters';
import { flipKernel, windowProducts } from '../../../src/viz/products';
import { windowGeometry } from '../../../src/viz/window';

const run = (img: ReturnType<typeof smallImage>, filters: number[][], s = 1, p = 0) => splitMaps(conv2d.run(convArgs(img, filters, 3, s, p)));
const rows = (m: Float32Array, w: number) => Array.from({ length: m.length / w }, (_, r) => Array.from(m.slice(r * w, r * w + w)));

describe('conv-stepper numbers (errata §2)', () => {
  it('6×6 left 10 / right 0 with the vertical filter → 4×4, every row 0 30 30 0', () => {
    const r = run(smallImage('vertical-edge-6x6'), [FILTERS.vertical.slice()]);
    expect([r.outH, r.outW]).toEqual([4, 4]);
    expect(rows(r.maps[0], 4)).toEqual(Array(4).fill([0, 30, 30, 0]));
  });
  it('the mirror image gives 0 −30 −30 0 (a negative edge)', () => {
    const r = run(smallImage('vertical-edge-6x6-mirror'), [FILTERS.vertical.slice()]);
    expect(rows(r.maps[0], 4)).toEqual(Array(4).fill([0, -30, -30, 0]));
  });
  it('the horizontal filter on the vertical edge sees nothing; on the horizontal edge, columns of 0 30 30 0', () => {
    const a = run(smallImage('vertical-edge-6x6'), [FILTERS.horizontal.slice()]);
    expect(Array.from(a.maps[0]).every((v) => v === 0)).toBe(true);
    const b = run(smallImage('horizontal-edge-6x6'), [FILTERS.horizontal.slice()]);
    expect(rows(b.maps[0], 4).map((r) => r[0])).toEqual([0, 30, 30, 0]);
  });
  it('true convolution (flipped kernel) of the vertical edge flips the sign: 0 −30 −30 0', () => {
    const r = run(smallImage('vertical-edge-6x6'), [FILTERS.vertical.slice(), flipKernel(FILTERS.vertical, 3)]);
    expect(rows(r.maps[1], 4)).toEqual(Array(4).fill([0, -30, -30, 0]));
  });
  it('7×7 with f = 3, s = 2 → 3×3 (errata §5)', () => {
    const r = run(smallImage('random-7x7'), [FILTERS.vertical.slice()], 2, 0);
    expect([r.outH, r.outW]).toEqual([3, 3]);
  });
});

describe('the nine products agree with the engine', () => {
  for (const img of IMAGE_NAMES) {
    it(`${img}: every filter, stride 1–3, pad 0–2`, () => {
      const image = smallImage(img);
      for (const fname of FILTER_NAMES) {
        for (const s of [1, 2, 3]) for (const p of [0, 1, 2]) {
          const kernel = FILTERS[fname];
          const r = run(image, [kernel.slice()], s, p);
          const g = windowGeometry(image.rows, image.cols, 3, s, p);
          expect([r.outH, r.outW]).toEqual([g.outH, g.outW]);
          for (let k = 0; k < g.steps; k++) {
            expect(windowProducts(g, image.values, kernel, k).sum).toBeCloseTo(r.maps[0][k], 4);
          }
        }
      }
    });
  }
});

describe('conv-stepper params', () => {
  it('accepts the lesson params and rejects unknown presets', () => {
    expect(convStepper.validate({ input: 'random-7x7', filter: 'vertical', stride: 2, flip: true }).ok).toBe(true);
    expect(convStepper.validate({ input: 'random-9x9' }).ok).toBe(false);
    expect(convStepper.validate({ stride: 5 }).ok).toBe(false);
  });
});
