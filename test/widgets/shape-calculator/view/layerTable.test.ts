import { describe, expect, it } from 'vitest';
import { layerTable } from '../../../../src/widgets/shape-calculator/view/layerTable';
import { presetArchitecture, PRESET_NAMES } from '../../../../src/widgets/shape-calculator/view/layerPresets';

const run = (name: Parameters<typeof presetArchitecture>[0]) => {
  const a = presetArchitecture(name);
  return layerTable(a.input, a.layers);
};

describe('layerTable presets (ERRATA numbers)', () => {
  it('example-39: 39×39×3 → 37×37×10 → 17×17×20 → 7×7×40 → 1960', () => {
    const t = run('example-39');
    expect(t.rows.map((r) => r.output)).toEqual([[39, 39, 3], [37, 37, 10], [17, 17, 20], [7, 7, 40], [1960]]);
  });

  it('lenet5: §10 activation sizes and parameters exactly', () => {
    const t = run('lenet5');
    expect(t.rows.map((r) => r.activation)).toEqual([3072, 4704, 1176, 1600, 400, 120, 84, 10]);
    expect(t.rows.map((r) => r.params)).toEqual([0, 456, 0, 2416, 0, 48120, 10164, 850]);
    expect(t.totals?.params).toBe(456 + 2416 + 48120 + 10164 + 850);
    // conv1 multiplies: 28·28·6 outputs × 5·5·3 each
    expect(t.rows[1].multiplies).toBe(28 * 28 * 6 * 75);
  });

  it('alexnet: 55, 27, 27, 13, 13, 13, 13, 6×6×256 = 9216, 4096, 4096, 1000', () => {
    const t = run('alexnet');
    expect(t.rows.map((r) => r.output)).toEqual([
      [227, 227, 3], [55, 55, 96], [27, 27, 96], [27, 27, 256], [13, 13, 256],
      [13, 13, 384], [13, 13, 384], [13, 13, 256], [6, 6, 256], [9216], [4096], [4096], [1000],
    ]);
    // hand sum: 34,944 + 614,656 + 885,120 + 1,327,488 + 884,992 + 37,752,832 + 16,781,312 + 4,097,000
    expect(t.totals?.params).toBe(62378344);
  });

  it('vgg16: 7×7×512 before the FC layers and 138,357,544 parameters', () => {
    const t = run('vgg16');
    const flat = t.rows.findIndex((r) => r.layer?.kind === 'flatten');
    expect(t.rows[flat - 1].output).toEqual([7, 7, 512]);
    expect(t.rows[flat].output).toEqual([25088]);
    expect(t.totals?.params).toBe(138357544);
  });

  it('every preset computes without problems', () => {
    for (const n of PRESET_NAMES) expect(run(n).rows.every((r) => !r.problem && !r.blocked)).toBe(true);
  });
});

describe('layerTable problems', () => {
  it('a filter larger than the padded input is marked, later rows blocked', () => {
    const t = layerTable({ h: 6, w: 6, c: 1 }, [
      { kind: 'conv', f: 3, s: 1, p: 0, filters: 2 }, // 4×4×2
      { kind: 'conv', f: 7, s: 1, p: 1, filters: 2 }, // 7 > 4 + 2
      { kind: 'dense', units: 10 },
    ]);
    expect(t.rows[1].output).toEqual([4, 4, 2]);
    expect(t.rows[2].problem).toEqual({ code: 'filter-too-big', f: 7, padded: 6, axis: 'h' });
    expect(t.rows[3].blocked).toBe(true);
    expect(t.rows[3].params).toBeNull();
    expect(t.totals).toBeNull();
  });

  it('conv after flatten needs a volume; non-whole values are named', () => {
    expect(layerTable({ h: 4, w: 4, c: 1 }, [{ kind: 'flatten' }, { kind: 'maxpool', f: 2, s: 2 }]).rows[2].problem).toEqual({
      code: 'needs-volume',
    });
    expect(layerTable({ h: 4, w: 4, c: 1 }, [{ kind: 'conv', f: 3, s: 0, p: 0, filters: 1 }]).rows[1].problem).toEqual({
      code: 'not-whole',
      field: 's',
    });
    expect(layerTable({ h: 0, w: 4, c: 1 }, [{ kind: 'flatten' }]).rows[0].problem).toEqual({ code: 'bad-input' });
  });

  it('same padding keeps ⌈n/s⌉, also for an even filter (TF puts the extra after)', () => {
    const t = layerTable({ h: 7, w: 8, c: 1 }, [{ kind: 'conv', f: 4, s: 1, p: 'same', filters: 1 }, { kind: 'conv', f: 3, s: 2, p: 'same', filters: 1 }]);
    expect(t.rows[1].output).toEqual([7, 8, 1]);
    expect(t.rows[2].output).toEqual([4, 4, 1]);
  });
});
