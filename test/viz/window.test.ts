// Window geometry against hand-computed cases and the errata's numbers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  inputWindowOf, isPadding, outputsSeeing, stepOf, tryWindowGeometry, unreachedPadded, windowAt, windowGeometry,
} from '../../src/viz/window';

describe('windowGeometry', () => {
  it('7×7, f=3, s=2, p=0 → 3×3 (errata §5)', () => {
    const g = windowGeometry(7, 7, 3, 2, 0);
    expect([g.outH, g.outW]).toEqual([3, 3]);
    expect(g.steps).toBe(9);
    expect(unreachedPadded(g)).toEqual({ rows: [], cols: [] });
  });

  it('6×6, f=3, valid → 4×4, 16 steps', () => {
    const g = windowGeometry(6, 6, 3, 1, 'valid');
    expect([g.outH, g.outW, g.steps]).toEqual([4, 4, 16]);
  });

  it('n=8, f=3, s=2: floor(5/2)+1 = 3, the last row and column are never reached', () => {
    const g = windowGeometry(8, 8, 3, 2, 0);
    expect([g.outH, g.outW]).toEqual([3, 3]);
    // windows cover rows 0-2, 2-4, 4-6 → row 7 is left over
    expect(unreachedPadded(g)).toEqual({ rows: [7], cols: [7] });
  });

  it("'same' with f=4 pads 1 before and 2 after (TensorFlow: extra goes bottom/right)", () => {
    const g = windowGeometry(6, 6, 4, 1, 'same');
    expect(g.pad).toEqual({ top: 1, bottom: 2, left: 1, right: 2 });
    expect([g.paddedH, g.outH, g.outW]).toEqual([9, 6, 6]);
    expect(isPadding(g, 0, 3)).toBe(true);
    expect(isPadding(g, 1, 1)).toBe(false);
    expect(isPadding(g, 7, 3)).toBe(true);
    expect(isPadding(g, 8, 3)).toBe(true);
  });

  it("'same' with f=3 pads 1 on every side and keeps n", () => {
    const g = windowGeometry(5, 5, 3, 1, 'same');
    expect(g.pad).toEqual({ top: 1, bottom: 1, left: 1, right: 1 });
    expect(g.outH).toBe(5);
  });

  it('impossible settings come back as the engine’s reason, not a crash', () => {
    const r = tryWindowGeometry(3, 3, 5, 1, 0);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/larger than the padded input/);
    const s0 = tryWindowGeometry(6, 6, 3, 0, 0);
    expect(s0.ok).toBe(false);
    if (!s0.ok) expect(s0.error).toMatch(/stride/);
  });
});

describe('windows and cells', () => {
  const g = windowGeometry(7, 7, 3, 2, 0);

  it('step k is row-major: k=4 is the centre window at (2, 2)', () => {
    expect(windowAt(g, 4)).toEqual({ outRow: 1, outCol: 1, padded: { row: 2, col: 2, rows: 3, cols: 3 } });
    expect(windowAt(g, 2).padded).toMatchObject({ row: 0, col: 4 });
    expect(stepOf(g, 2, 1)).toBe(7);
    expect(() => windowAt(g, 9)).toThrow(RangeError);
  });

  it('input cell (2, 2) is seen by the four windows around it; (1, 1) by one', () => {
    expect(outputsSeeing(g, 2, 2)).toEqual([{ row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 }]);
    expect(outputsSeeing(g, 1, 1)).toEqual([{ row: 0, col: 0 }]);
  });

  it('with padding, the corner output sees only the 2×2 real corner of the input', () => {
    const p = windowGeometry(4, 4, 3, 1, 1);
    expect(inputWindowOf(p, 0, 0)).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
    expect(inputWindowOf(p, 1, 1)).toEqual({ row: 0, col: 0, rows: 3, cols: 3 });
  });

  it('property: outputsSeeing and inputWindowOf are inverse relations; steps = outH·outW', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }),
        (n, f, p, s) => {
          const r = tryWindowGeometry(n, n, f, s, p);
          if (!r.ok) return f > n + 2 * p;
          const geo = r.geom;
          let count = 0;
          for (let or = 0; or < geo.outH; or++) for (let oc = 0; oc < geo.outW; oc++) {
            count++;
            const win = inputWindowOf(geo, or, oc);
            for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
              const inside = !!win && i >= win.row && i < win.row + win.rows && j >= win.col && j < win.col + win.cols;
              const seen = outputsSeeing(geo, i, j).some((o) => o.row === or && o.col === oc);
              if (inside !== seen) return false;
            }
          }
          // the last window fits inside the padded input, one more step would not
          const last = windowAt(geo, geo.steps - 1).padded;
          return count === geo.steps && last.row + f <= geo.paddedH && last.row + s + f > geo.paddedH;
        }),
      { numRuns: 150 },
    );
  });
});
