// <PixelGrid rows cols values label color? widthEm? highlight? onPixelHover? />
// A canvas image or feature map: one canvas pixel per value, scaled up with crisp edges
// (image-rendering: pixelated), sized in em. color(v) is a scale from viz/colors
// (grayScale for pictures, divergingScale for signed feature maps). Drawing happens in an
// effect island (no React per pixel). onPixelHover reports (row, col) under the pointer/finger.
import { useEffect, useRef, type PointerEvent } from 'react';
import { grayScale, type CellRect, type ColorScale } from '../viz';
import { rgb } from 'd3';

export interface PixelGridProps {
  rows: number;
  cols: number;
  values: ArrayLike<number>;
  label: string;
  color?: ColorScale;
  /** Displayed width in em (height follows the aspect ratio). Default 12. */
  widthEm?: number;
  highlight?: CellRect | null;
  onPixelHover?(cell: { row: number; col: number } | null): void;
  name?: string;
}

export function PixelGrid({ rows, cols, values, label, color, widthEm = 12, highlight, onPixelHover, name }: PixelGridProps) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const cv = canvas.current;
    const ctx = cv?.getContext('2d');
    if (!cv || !ctx) return;
    const scale = color ?? grayScale(0, 1);
    const img = ctx.createImageData(cols, rows);
    const cache = new Map<string, [number, number, number]>();
    for (let i = 0; i < rows * cols; i++) {
      const css = scale(values[i]);
      let c = cache.get(css);
      if (!c) {
        const p = rgb(css);
        c = [p.r, p.g, p.b];
        cache.set(css, c);
      }
      img.data[4 * i] = c[0];
      img.data[4 * i + 1] = c[1];
      img.data[4 * i + 2] = c[2];
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [rows, cols, values, color]);

  const hover = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!onPixelHover) return;
    const r = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - r.left) / r.width) * cols);
    const row = Math.floor(((e.clientY - r.top) / r.height) * rows);
    onPixelHover(row >= 0 && col >= 0 && row < rows && col < cols ? { row, col } : null);
  };

  return (
    <div className="ui-pixels" data-grid={name} style={{ width: `${widthEm}em` }}>
      <canvas ref={canvas} width={cols} height={rows} role="img" aria-label={label}
        style={{ width: `${widthEm}em`, height: `${(widthEm * rows) / cols}em` }}
        onPointerMove={hover} onPointerDown={hover} onPointerLeave={() => onPixelHover?.(null)} />
      {highlight && (
        <div className="ui-pixels-highlight" style={{
          left: `${(highlight.col / cols) * 100}%`, top: `${(highlight.row / rows) * 100}%`,
          width: `${(highlight.cols / cols) * 100}%`, height: `${(highlight.rows / rows) * 100}%`,
        }} />
      )}
    </div>
  );
}
