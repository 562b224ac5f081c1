// One canvas redrawn from a Live snapshot box (never through React state): sized for the
// device's pixel ratio (at most 2, so a 4K screen does not quadruple the work), cleared, then
// painted in the canvas's own units by the caller. Used by the embedding scatter.
// The canvas is drawn at a fixed size and scaled by CSS, so text drawn at a fixed pixel size
// would not follow the page's font (presenter mode enlarges it): paint gets `em`, one em of
// the canvas's font in canvas units (its font size × drawn width / shown width), read once
// and again on resize, never per frame.
import { useEffect, useRef } from 'react';
import type { Live } from '../../ui/live';

export function useLiveCanvas<S>(
  snapshot: Live<S>,
  width: number,
  height: number,
  paint: (ctx: CanvasRenderingContext2D, s: S, em: number) => void,
  deps: readonly unknown[],
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let em = 16;
    const measure = () => {
      const cv = canvas.current;
      if (cv) em = canvasEm(parseFloat(getComputedStyle(cv).fontSize), width, cv.clientWidth);
    };
    const draw = (s: S) => {
      const cv = canvas.current;
      const ctx = cv?.getContext('2d');
      if (!cv || !ctx) return;
      const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
      if (cv.width !== width * dpr) {
        cv.width = width * dpr;
        cv.height = height * dpr;
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      paint(ctx, s, em);
    };
    measure();
    draw(snapshot.get());
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => (measure(), draw(snapshot.get()))) : null;
    if (canvas.current) ro?.observe(canvas.current);
    const off = snapshot.subscribe(draw);
    return () => {
      off();
      ro?.disconnect();
    };
    // paint is a fresh closure each render; it changes only with deps
    // eslint-disable-next-line react-hooks/exhaustive-deps -- paint is a fresh closure each render; the caller lists what it reads in deps
  }, [snapshot, width, height, ...deps]);
  return canvas;
}

/** One em of the page's font in canvas units, for a canvas drawn `drawnWidth` wide and shown `shownWidth` CSS pixels wide. */
export function canvasEm(fontPx: number, drawnWidth: number, shownWidth: number): number {
  const font = Number.isFinite(fontPx) && fontPx > 0 ? fontPx : 16;
  return shownWidth > 0 ? (font * drawnWidth) / shownWidth : font;
}
