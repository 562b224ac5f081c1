// The one line chart for every training curve: a canvas redrawn from a Live box (at most once
// per animation frame, never through React state) or from a `spec` prop. Geometry and ticks
// come from viz/lineChart.ts; this file only paints them.
import { memo, useEffect, useRef } from 'react';
import { chartLayout, seriesPoints, type LineChartSpec } from '../viz/lineChart';
import type { Live } from './live';

export interface LineChartProps<S> {
  /** Fast data: the chart subscribes and redraws on every value. */
  live?: Live<S>;
  /** Turns the live value (or nothing) into what to draw. */
  toSpec?: (value: S) => LineChartSpec | null;
  /** Slow data: what to draw, from React state. */
  spec?: LineChartSpec | null;
  /** The text alternative (the canvas has role="img"). */
  label: string;
  /** Height in em. */
  heightEm?: number;
  /** Width in em (at most the container's); default: the container's width. */
  widthEm?: number;
  className?: string;
}

function LineChartInner<S>({ live, toSpec, spec, label, heightEm = 10, widthEm, className = '' }: LineChartProps<S>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let frame = 0;
    // Size, font and colours are read once (and on resize), never per frame: reading layout or
    // computed style after React has touched the DOM forces a synchronous layout.
    let look: Look | null = null;
    const paint = () => {
      frame = 0;
      const cv = canvas.current;
      if (!cv) return;
      if (!look) {
        const css = getComputedStyle(cv);
        const fontPx = parseFloat(css.fontSize) || 14;
        const fg = css.color || '#16181d';
        const colours = new Map<string, string>();
        // custom properties are resolved here, once, not on every frame
        const colour = (c: string) => {
          if (!c.startsWith('--')) return c;
          let v = colours.get(c);
          if (v === undefined) colours.set(c, (v = css.getPropertyValue(c).trim() || fg));
          return v;
        };
        look = { width: cv.clientWidth || 320, height: cv.clientHeight || heightEm * fontPx, fontPx, fg, colour };
      }
      const data = live ? (toSpec ? toSpec(live.get()) : null) : spec ?? null;
      drawChart(cv, data, look);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    schedule();
    const unsub = live?.subscribe(schedule);
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => ((look = null), schedule())) : null;
    if (canvas.current) ro?.observe(canvas.current);
    return () => {
      unsub?.();
      ro?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [live, toSpec, spec, heightEm]);
  return <canvas ref={canvas} className={`ui-line-chart ${className}`.trim()} role="img" aria-label={label} style={{ display: 'block', width: widthEm ? `${widthEm}em` : '100%', maxWidth: '100%', height: `${heightEm}em` }} />;
}

export const LineChart = memo(LineChartInner) as typeof LineChartInner;

interface Look {
  width: number;
  height: number;
  fontPx: number;
  fg: string;
  colour(c: string): string;
}

function drawChart(cv: HTMLCanvasElement, spec: LineChartSpec | null, look: Look): void {
  const dpr = Math.min(2, typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
  const { width, height } = look;
  const W = Math.round(width * dpr), H = Math.round(height * dpr);
  if (cv.width !== W) cv.width = W;
  if (cv.height !== H) cv.height = H;
  const ctx = cv.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (!spec) return;
  const { colour, fg } = look;
  const small = Math.round(look.fontPx * 0.8);
  ctx.font = `${small}px system-ui, sans-serif`;
  const L = chartLayout(spec, width, height, small);
  const { margin: m } = L;
  const hline = (y: number) => {
    ctx.beginPath();
    ctx.moveTo(m.left, y);
    ctx.lineTo(width - m.right, y);
    ctx.stroke();
  };

  // grid, guide and axes
  ctx.strokeStyle = fg;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.15;
  for (const t of spec.right ? L.rightTicks : L.leftTicks) hline(t.at);
  ctx.globalAlpha = 1;
  ctx.fillStyle = fg;
  for (const [axis, scale] of [[spec.left, L.left], [spec.right, L.right]] as const) {
    if (!axis?.guide) continue;
    ctx.globalAlpha = 0.5;
    ctx.setLineDash([4, 3]);
    hline(scale(axis.guide.value));
    ctx.setLineDash([]);
    ctx.globalAlpha = 0.7;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(axis.guide.label, m.left + 4, scale(axis.guide.value) + 2);
    ctx.globalAlpha = 1;
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of L.xTicks) ctx.fillText(t.text, t.at, height - m.bottom + 4);
  if (spec.x.label) ctx.fillText(spec.x.label, (m.left + width - m.right) / 2, height - small - 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of L.leftTicks) ctx.fillText(t.text, m.left - 4, t.at);
  ctx.textAlign = 'left';
  for (const t of L.rightTicks) ctx.fillText(t.text, width - m.right + 4, t.at);
  ctx.globalAlpha = 0.6;
  hline(height - m.bottom);
  ctx.globalAlpha = 1;

  for (const s of spec.series) {
    const pts = seriesPoints(spec, L, s);
    if (!pts.length) continue;
    const c = colour(s.colour);
    ctx.strokeStyle = c;
    ctx.fillStyle = c;
    ctx.lineWidth = s.width ?? 1.5;
    ctx.globalAlpha = s.alpha ?? 1;
    ctx.setLineDash(s.dash ?? []);
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    ctx.stroke();
    ctx.setLineDash([]);
    if (s.dots)
      for (const [x, y] of pts) {
        ctx.beginPath();
        ctx.arc(x, y, (s.width ?? 1.5) * 1.2, 0, 2 * Math.PI);
        ctx.fill();
      }
    ctx.globalAlpha = 1;
  }
}
