// output-size's pure derivation against the errata's numbers and the impossible cases.
import { describe, expect, it } from 'vitest';
import { derive, type RawSettings } from '../../../src/widgets/output-size/derive';
import { outputSize } from '../../../src/widgets/output-size/widget';

const raw = (n: number | null, f: number | null, p: number | null | 'same' | 'valid', s: number | null): RawSettings =>
  typeof p === 'string' ? { n, f, p: 0, mode: p, s } : { n, f, p, mode: 'number', s };

describe('output-size derive', () => {
  it('n=6, f=3, p=1, s=1 → 6 (same size), exact', () => {
    const d = derive(raw(6, 3, 1, 1));
    expect(d.geom?.outH).toBe(6);
    expect(d.exact).toBe(true);
    expect(d.tex).toContain('= 6');
  });
  it('7×7, f=3, p=0, s=2 → 3 (errata §5), exact', () => {
    const d = derive(raw(7, 3, 0, 2));
    expect(d.geom?.outH).toBe(3);
    expect(d.quotient).toBe(2);
    expect(d.unreached).toEqual({ rows: [], cols: [] });
  });
  it('n=8, f=3, s=2: (8−3)/2 = 2.5 → floor → 3; row and column 7 greyed', () => {
    const d = derive(raw(8, 3, 0, 2));
    expect(d.geom?.outH).toBe(3);
    expect(d.quotient).toBe(2.5);
    expect(d.exact).toBe(false);
    expect(d.unreached).toEqual({ rows: [7], cols: [7] });
    expect(d.tex).toContain('\\lfloor 2.5 \\rfloor');
  });
  it("'same' with f=4 on n=6: 1 before, 2 after, output 6", () => {
    const d = derive(raw(6, 4, 'same', 1));
    expect(d.geom?.pad).toEqual({ top: 1, bottom: 2, left: 1, right: 2 });
    expect(d.geom?.outH).toBe(6);
    expect(d.tex).toContain('1 + 2');
  });
  it("'valid' is p = 0: n − f + 1", () => {
    expect(derive(raw(10, 3, 'valid', 1)).geom?.outH).toBe(8);
  });
  it('f > n + 2p is impossible: the f field gets the reason with the numbers, nothing is clamped', () => {
    const d = derive(raw(4, 7, 1, 1));
    expect(d.geom).toBeNull();
    expect(d.problem).toEqual({ field: 'f', kind: 'too-big', values: { f: 7, n: 4, padded: 6, p: '2·1' } });
  });
  it('s < 1, non-integer or missing values point at their field', () => {
    expect(derive(raw(6, 3, 0, 0)).problem).toEqual({ field: 's', kind: 'field' });
    expect(derive(raw(6.5, 3, 0, 1)).problem).toEqual({ field: 'n', kind: 'field' });
    expect(derive(raw(6, null, 0, 1)).problem).toEqual({ field: 'f', kind: 'field' });
    expect(derive(raw(6, 3, -1, 1)).problem).toEqual({ field: 'p', kind: 'field' });
  });
  it('validates lesson params', () => {
    expect(outputSize.validate({ n: 7, f: 3, p: 0, s: 2 }).ok).toBe(true);
    expect(outputSize.validate({ p: 'same' }).ok).toBe(true);
    expect(outputSize.validate({ p: 'full' }).ok).toBe(false);
  });
});
