// The geometry of the one line chart every training curve uses: scales for x and one or two
// y axes (linear or log), their ticks, and where each series' points land. Pure (d3 scales
// only); the canvas renderer is ui/LineChart.tsx.
import { format, scaleLinear, scaleLog } from 'd3';

export interface LineSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** A colour, or a CSS custom property ('--name') read from the canvas's style. */
  colour: string;
  width?: number;
  dash?: number[];
  /** A dot at every point (e.g. one test pass per point). */
  dots?: boolean;
  alpha?: number;
  /** Which y axis the series is read against. Default 'left'. */
  axis?: 'left' | 'right';
}

export interface ChartAxis {
  /** The domain starts here (default 0; for a log axis, the data's smallest positive value). */
  min?: number;
  /** The domain ends at least here and grows with the data. */
  max?: number;
  /** The domain never grows beyond this; larger values are drawn at the top. */
  cap?: number;
  log?: boolean;
  ticks?: number;
  format?: (v: number) => string;
  /** Round the domain to nice tick values. Default true. */
  nice?: boolean;
  /** A dashed horizontal guide with a label (e.g. the 97% mark). */
  guide?: { value: number; label: string };
  /** Axis title, drawn by the renderer. */
  label?: string;
}

export interface LineChartSpec {
  series: LineSeries[];
  x: ChartAxis;
  left: ChartAxis;
  right?: ChartAxis;
}

export interface Tick {
  value: number;
  at: number;
  text: string;
}

export interface ChartLayout {
  margin: { left: number; right: number; top: number; bottom: number };
  x(v: number): number;
  left(v: number): number;
  right(v: number): number;
  xTicks: Tick[];
  leftTicks: Tick[];
  rightTicks: Tick[];
}

type Scale = ((v: number) => number) & { ticks(n?: number): number[]; domain(): number[] };

function extent(spec: LineChartSpec, pick: (s: LineSeries) => ArrayLike<number> | null, axis: ChartAxis): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const s of spec.series) {
    const vs = pick(s);
    if (!vs) continue;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i];
      if (!Number.isFinite(v) || (axis.log && v <= 0)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  let min = axis.min ?? (axis.log ? (Number.isFinite(lo) ? lo : 1e-3) : 0);
  let max = Math.max(axis.max ?? -Infinity, Number.isFinite(hi) ? hi : -Infinity);
  if (axis.cap !== undefined) max = Math.min(max, axis.cap);
  if (!Number.isFinite(max) || max <= min) max = axis.log ? min * 10 : min + 1;
  if (axis.log) min = Math.max(min, max * 1e-12);
  return [min, max];
}

function scaleFor(axis: ChartAxis, domain: [number, number], range: [number, number]): Scale {
  const s = axis.log ? scaleLog().domain(domain).range(range).clamp(true) : scaleLinear().domain(domain).range(range).clamp(true);
  if (axis.nice !== false && !axis.log) s.nice();
  return s as unknown as Scale;
}

function ticksOf(scale: Scale, axis: ChartAxis, at: (v: number) => number): Tick[] {
  const fmt = axis.format ?? (axis.log ? format('.0e') : format('~g'));
  const all = scale.ticks(axis.ticks ?? 5);
  // a log axis offers many ticks per decade: keep the powers of ten
  const values = axis.log ? all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9) : all;
  return values.map((value) => ({ value, at: at(value), text: fmt(value) }));
}

/** Scales and ticks of `spec` in a width × height box (CSS pixels), with text of fontPx. */
export function chartLayout(spec: LineChartSpec, width: number, height: number, fontPx: number): ChartLayout {
  const margin = {
    left: fontPx * 3,
    right: spec.right ? fontPx * 3.2 : fontPx,
    top: fontPx * 0.8,
    bottom: fontPx * (spec.x.label ? 2.6 : 1.6),
  };
  const xDomain = extent(spec, (s) => s.xs, spec.x);
  const x = scaleFor(spec.x, xDomain, [margin.left, width - margin.right]);
  const ys = (side: 'left' | 'right') => (s: LineSeries) => ((s.axis ?? 'left') === side ? s.ys : null);
  const left = scaleFor(spec.left, extent(spec, ys('left'), spec.left), [height - margin.bottom, margin.top]);
  const right = spec.right ? scaleFor(spec.right, extent(spec, ys('right'), spec.right), [height - margin.bottom, margin.top]) : left;
  return {
    margin,
    x,
    left,
    right,
    xTicks: ticksOf(x, { ...spec.x, ticks: spec.x.ticks ?? 6 }, x),
    leftTicks: ticksOf(left, spec.left, left),
    rightTicks: spec.right ? ticksOf(right, spec.right, right) : [],
  };
}

/** Where series `s` is drawn: one [x, y] per finite point (values above the axis cap sit at the cap). */
export function seriesPoints(spec: LineChartSpec, layout: ChartLayout, s: LineSeries): [number, number][] {
  const axis = (s.axis ?? 'left') === 'left' ? spec.left : spec.right ?? spec.left;
  const y = (s.axis ?? 'left') === 'left' ? layout.left : layout.right;
  const out: [number, number][] = [];
  const n = Math.min(s.xs.length, s.ys.length);
  for (let i = 0; i < n; i++) {
    let v = s.ys[i];
    if (!Number.isFinite(v) || !Number.isFinite(s.xs[i]) || (axis.log && v <= 0)) continue;
    if (axis.cap !== undefined) v = Math.min(v, axis.cap);
    out.push([layout.x(s.xs[i]), y(v)]);
  }
  return out;
}
