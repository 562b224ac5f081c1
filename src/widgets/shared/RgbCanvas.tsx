// An RGB picture on a canvas, one canvas pixel per image pixel, scaled up by CSS; role="img"
// with the caller's description, since a canvas alone says nothing to a screen reader.
// Bytes (0–255) or floats in [0, 1]; null draws a faint grey placeholder.
import { useEffect, useRef } from 'react';
import { rgbToRgba } from '../../viz/colors';
import './rgb-canvas.css';

export interface RgbCanvasProps {
  rgb: Uint8ClampedArray | Float32Array | null;
  width: number;
  /** Default: width (a square picture). */
  height?: number;
  label: string;
  /** Displayed width in em; the height follows the aspect ratio. */
  em?: number;
  /** data-picture, for tests and styles. */
  name?: string;
  /** Crisp pixels (small pictures shown large) instead of smooth scaling. */
  pixelated?: boolean;
  className?: string;
}

export function RgbCanvas({ rgb, width, height = width, label, em = 12, name, pixelated = false, className = '' }: RgbCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    if (rgb instanceof Float32Array) rgbToRgba(rgb, img.data);
    else
      for (let i = 0; i < width * height; i++) {
        img.data[4 * i] = rgb ? rgb[3 * i] : 128;
        img.data[4 * i + 1] = rgb ? rgb[3 * i + 1] : 128;
        img.data[4 * i + 2] = rgb ? rgb[3 * i + 2] : 128;
        img.data[4 * i + 3] = rgb ? 255 : 40;
      }
    ctx.putImageData(img, 0, 0);
  }, [rgb, width, height]);
  return (
    <canvas ref={ref} className={`rgb-canvas${pixelated ? ' rgb-canvas-pixelated' : ''} ${className}`.trim()} width={width} height={height}
      role="img" aria-label={label} data-picture={name} style={{ width: `${em}em`, height: `${(em * height) / width}em` }} />
  );
}
