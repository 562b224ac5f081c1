import { describe, expect, it } from 'vitest';
import { chartLayout, seriesPoints, type LineChartSpec } from '../../src/viz/lineChart';

const W = 400, H = 200, FONT = 10;

describe('lineChart: the geometry of every training curve', () => {
  it('maps the data range onto the plot box, y growing upwards', () => {
    const spec: LineChartSpec = { x: { nice: false }, left: { nice: false }, series: [{ xs: [0, 10], ys: [0, 4], colour: 'red' }] };
    const L = chartLayout(spec, W, H, FONT);
    const [[x0, y0], [x1, y1]] = seriesPoints(spec, L, spec.series[0]);
    expect(x0).toBeCloseTo(L.margin.left);
    expect(x1).toBeCloseTo(W - L.margin.right);
    expect(y0).toBeCloseTo(H - L.margin.bottom);
    expect(y1).toBeCloseTo(L.margin.top);
  });

  it('an axis starts at its given max and grows with the data, never past its cap', () => {
    const base: LineChartSpec = { x: { min: 0, max: 2000, nice: false }, left: { min: 0, max: 2.5, cap: 10, nice: false }, series: [] };
    const small = chartLayout({ ...base, series: [{ xs: [0, 100], ys: [1, 2], colour: 'red' }] }, W, H, FONT);
    expect(small.x(2000)).toBeCloseTo(W - small.margin.right); // the x axis shows 2,000 images before there are any
    expect(small.left(2.5)).toBeCloseTo(small.margin.top);
    const spiky: LineChartSpec = { ...base, series: [{ xs: [0, 1, 2], ys: [1, 50, 3], colour: 'red' }] };
    const L = chartLayout(spiky, W, H, FONT);
    expect(L.left(10)).toBeCloseTo(L.margin.top);
    expect(seriesPoints(spiky, L, spiky.series[0])[1][1]).toBeCloseTo(L.margin.top); // 50 is drawn at the cap
  });

  it('a log axis keeps the powers of ten as ticks and skips values ≤ 0', () => {
    const spec: LineChartSpec = { x: { nice: false }, left: { log: true }, series: [{ xs: [0, 1, 2, 3], ys: [1, 1e-2, 0, 1e-4], colour: 'red' }] };
    const L = chartLayout(spec, W, H, FONT);
    expect(L.leftTicks.map((t) => t.value)).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    const pts = seriesPoints(spec, L, spec.series[0]);
    expect(pts).toHaveLength(3);
    // equal ratios are equal distances on a log axis
    expect(pts[0][1] - pts[1][1]).toBeCloseTo(pts[1][1] - pts[2][1], 6);
  });

  it('a right-axis series is read against the right axis', () => {
    const spec: LineChartSpec = {
      x: { nice: false },
      left: { min: 0, max: 10, nice: false },
      right: { min: 0, max: 1, nice: false },
      series: [{ xs: [0, 1], ys: [0.5, 1], colour: 'blue', axis: 'right' }],
    };
    const L = chartLayout(spec, W, H, FONT);
    const [[, y]] = seriesPoints(spec, L, spec.series[0]);
    expect(y).toBeCloseTo((L.margin.top + H - L.margin.bottom) / 2);
    expect(L.rightTicks.length).toBeGreaterThan(1);
  });
});
