// Loss and accuracy curves on a canvas: d3 scales and ticks, drawn imperatively when a
// snapshot arrives (at most once per animation frame), never through React state.
import { memo, useEffect, useRef } from 'react';
import { format, scaleLinear } from 'd3';
import type { Palette } from '../../viz/colors';
import type { Live } from '../../ui/live';
import type { TrainMnistSnapshot } from './job/train';
import type { CurveArrays } from './job/views';

export interface CurveLabels {
  label: string;
  loss: string;
  train: string;
  test: string;
  images: string;
}

const HEIGHT = 220;

export const Curves = memo(function Curves({ snapshot, palette, labels }: { snapshot: Live<TrainMnistSnapshot | null>; palette: Palette; labels: CurveLabels }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let frame = 0;
    // Size, font and colours are read once (and on resize), never per frame: reading layout
    // or computed style after React has touched the DOM forces a synchronous layout.
    let look: Look | null = null;
    const measure = () => {
      const cv = canvas.current;
      if (!cv) return;
      const css = getComputedStyle(cv);
      const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
      look = {
        width: cv.clientWidth || 480,
        height: cv.clientHeight || HEIGHT,
        fontPx: parseFloat(css.fontSize) || 14,
        loss: colour('--mt-loss', palette.neg),
        train: colour('--mt-train', palette.fg),
        test: colour('--mt-test', palette.pos),
      };
    };
    const paint = () => {
      frame = 0;
      const cv = canvas.current;
      const s = snapshot.get();
      if (!look) measure();
      if (cv && look) drawCurves(cv, s?.curves ?? null, palette, labels, look);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    schedule();
    const unsub = snapshot.subscribe(schedule);
    const ro =
      typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver(() => {
            look = null;
            schedule();
          })
        : null;
    if (canvas.current) ro?.observe(canvas.current);
    return () => {
      unsub();
      ro?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [snapshot, palette, labels]);
  return (
    <div className="mt-curves">
      <canvas ref={canvas} role="img" aria-label={labels.label} style={{ height: `${HEIGHT / 16}em` }} />
      <ul className="mt-legend" aria-hidden="true">
        <li><span className="mt-swatch mt-sw-loss" />{labels.loss}</li>
        <li><span className="mt-swatch mt-sw-train" />{labels.train}</li>
        <li><span className="mt-swatch mt-sw-test" />{labels.test}</li>
      </ul>
    </div>
  );
});

interface Look {
  width: number;
  height: number;
  fontPx: number;
  loss: string;
  train: string;
  test: string;
}

function drawCurves(cv: HTMLCanvasElement, c: CurveArrays | null, palette: Palette, labels: CurveLabels, look: Look): void {
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  const cssW = look.width;
  const cssH = look.height;
  const W = Math.round(cssW * dpr), H = Math.round(cssH * dpr);
  if (cv.width !== W) cv.width = W;
  if (cv.height !== H) cv.height = H;
  const ctx = cv.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssW, cssH);
  const small = Math.round(look.fontPx * 0.8);
  ctx.font = `${small}px system-ui, sans-serif`;
  const m = { left: small * 3, right: small * 3.2, top: small * 0.8, bottom: small * 2.6 };
  const lastTrain = c && c.trainImages.length ? c.trainImages[c.trainImages.length - 1] : 0;
  const lastTest = c && c.testImages.length ? c.testImages[c.testImages.length - 1] : 0;
  const maxX = Math.max(2000, lastTrain, lastTest);
  const x = scaleLinear().domain([0, maxX]).range([m.left, cssW - m.right]).nice();
  let maxLoss = 2.5;
  if (c) for (let i = 0; i < c.trainLoss.length; i++) maxLoss = Math.max(maxLoss, Math.min(c.trainLoss[i], 10));
  const yLoss = scaleLinear().domain([0, maxLoss]).range([cssH - m.bottom, m.top]).nice();
  const yAcc = scaleLinear().domain([0, 1]).range([cssH - m.bottom, m.top]);
  const muted = palette.fg;

  // grid + axes
  ctx.strokeStyle = muted;
  ctx.globalAlpha = 0.15;
  ctx.lineWidth = 1;
  for (const t of yAcc.ticks(5)) line(ctx, m.left, yAcc(t), cssW - m.right, yAcc(t));
  ctx.globalAlpha = 0.5;
  ctx.setLineDash([4, 3]);
  line(ctx, m.left, yAcc(0.97), cssW - m.right, yAcc(0.97));
  ctx.setLineDash([]);
  ctx.globalAlpha = 1;
  ctx.fillStyle = palette.fg;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const fx = format('~s');
  for (const t of x.ticks(6)) ctx.fillText(fx(t), x(t), cssH - m.bottom + 4);
  ctx.fillText(labels.images, (m.left + cssW - m.right) / 2, cssH - small - 2);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yLoss.ticks(5)) ctx.fillText(String(t), m.left - 4, yLoss(t));
  ctx.textAlign = 'left';
  const pct = format('.0%');
  for (const t of yAcc.ticks(5)) ctx.fillText(pct(t), cssW - m.right + 4, yAcc(t));
  ctx.globalAlpha = 0.7;
  ctx.textBaseline = 'top';
  ctx.fillText('97%', m.left + 4, yAcc(0.97) + 2);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = muted;
  ctx.globalAlpha = 0.6;
  line(ctx, m.left, cssH - m.bottom, cssW - m.right, cssH - m.bottom);
  ctx.globalAlpha = 1;
  if (!c) return;

  series(ctx, c.trainImages, c.trainLoss, x, yLoss, look.loss, 1.5);
  series(ctx, c.trainImages, c.trainAcc, x, yAcc, look.train, 1);
  series(ctx, c.testImages, c.testAcc, x, yAcc, look.test, 2.5, true);
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number) {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

function series(
  ctx: CanvasRenderingContext2D,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
  colour: string,
  width: number,
  dots = false,
) {
  if (!xs.length) return;
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = width;
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const px = x(xs[i]), py = y(Math.min(ys[i], 10));
    if (i) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
  }
  ctx.stroke();
  if (dots) for (let i = 0; i < xs.length; i++) {
    ctx.beginPath();
    ctx.arc(x(xs[i]), y(ys[i]), width * 1.2, 0, 2 * Math.PI);
    ctx.fill();
  }
}
