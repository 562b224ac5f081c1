// One canvas redrawn from a Live snapshot box (never through React state): sized for the
// device's pixel ratio (at most 2, so a 4K screen does not quadruple the work), cleared, then
// painted in CSS pixels by the caller. Used by the embedding scatter and the loss curve.
import { useEffect, useRef } from 'react';
import type { Live } from '../../ui/live';

export function useLiveCanvas<S>(
  snapshot: Live<S>,
  width: number,
  height: number,
  paint: (ctx: CanvasRenderingContext2D, s: S) => void,
  deps: readonly unknown[],
) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const draw = (s: S) => {
      const cv = canvas.current;
      const ctx = cv?.getContext('2d');
      if (!cv || !ctx) return;
      const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
      if (cv.width !== width * dpr) (cv.width = width * dpr), (cv.height = height * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      paint(ctx, s);
    };
    draw(snapshot.get());
    return snapshot.subscribe(draw);
    // paint is a fresh closure each render; it changes only with deps
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot, width, height, ...deps]);
  return canvas;
}
