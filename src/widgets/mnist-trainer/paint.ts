// Canvas painting for the trainer's views: channels of a feature map or filters laid out as
// tiles, coloured by a sequential (0 → max) or diverging (−m … 0 … +m) ramp of the theme.
// One canvas pixel per value; CSS scales it up with image-rendering: pixelated.
import { rgb } from 'd3';
import type { Palette } from '../../viz/colors';

export type RGB = [number, number, number];

export function toRgb(css: string): RGB {
  const c = rgb(css);
  return [c.r, c.g, c.b];
}

const mix = (a: RGB, b: RGB, t: number): RGB => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/**
 * A colour ramp as a 256-entry lookup table (no allocation per pixel):
 * 'ink' = background → foreground for 0 … scale; 'signed' = neg ← zero → pos for −scale … +scale.
 */
export interface Ramp {
  kind: 'ink' | 'signed';
  /** 256 × RGB */
  lut: Uint8Array;
}

export function ramp(palette: Palette, kind: 'ink' | 'signed'): Ramp {
  const bg = toRgb(palette.bg), fg = toRgb(palette.fg), pos = toRgb(palette.pos), neg = toRgb(palette.neg), zero = toRgb(palette.zero);
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = kind === 'ink' ? mix(bg, fg, i / 255) : i >= 128 ? mix(zero, pos, (i - 127.5) / 127.5) : mix(zero, neg, (127.5 - i) / 127.5);
    lut[3 * i] = Math.round(c[0]);
    lut[3 * i + 1] = Math.round(c[1]);
    lut[3 * i + 2] = Math.round(c[2]);
  }
  return { kind, lut };
}

/** LUT row for value v at the given scale (clamped). */
export function rampIndex(r: Ramp, v: number, scale: number): number {
  if (!(scale > 0) || !Number.isFinite(v)) return r.kind === 'ink' ? 0 : 128;
  if (r.kind === 'ink') return Math.max(0, Math.min(255, Math.round((v / scale) * 255)));
  return Math.max(0, Math.min(255, Math.round((v / scale + 1) * 127.5)));
}

/** The colour of value v as [r, g, b]. */
export function rampColour(r: Ramp, v: number, scale: number): RGB {
  const i = 3 * rampIndex(r, v, scale);
  return [r.lut[i], r.lut[i + 1], r.lut[i + 2]];
}

export interface TileLayout {
  cols: number;
  rows: number;
  width: number;
  height: number;
}

/** n tiles of h×w in a grid at most maxCols wide, with a 1-pixel gap. */
export function tileLayout(n: number, h: number, w: number, maxCols: number): TileLayout {
  const cols = Math.max(1, Math.min(n, maxCols));
  const rows = Math.ceil(n / cols);
  return { cols, rows, width: cols * (w + 1) - 1, height: rows * (h + 1) - 1 };
}

/**
 * Paint channel c of an HWC array (or tile c of a list of h×w images when channelsLast is
 * false) as tiles. Returns the layout so the caller can size the canvas on screen.
 */
export function paintTiles(
  canvas: HTMLCanvasElement,
  data: ArrayLike<number>,
  h: number,
  w: number,
  n: number,
  channelsLast: boolean,
  colour: Ramp,
  scale: number,
  gap: RGB,
  maxCols: number,
): TileLayout {
  const L = tileLayout(n, h, w, maxCols);
  if (canvas.width !== L.width) canvas.width = L.width;
  if (canvas.height !== L.height) canvas.height = L.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return L;
  const img = ctx.createImageData(L.width, L.height);
  const px = img.data;
  for (let i = 0; i < L.width * L.height; i++) {
    px[4 * i] = gap[0];
    px[4 * i + 1] = gap[1];
    px[4 * i + 2] = gap[2];
    px[4 * i + 3] = 255;
  }
  for (let c = 0; c < n; c++) {
    const ox = (c % L.cols) * (w + 1);
    const oy = Math.floor(c / L.cols) * (h + 1);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const v = channelsLast ? data[(y * w + x) * n + c] : data[c * h * w + y * w + x];
        const k = 3 * rampIndex(colour, v, scale);
        const o = 4 * ((oy + y) * L.width + ox + x);
        px[o] = colour.lut[k];
        px[o + 1] = colour.lut[k + 1];
        px[o + 2] = colour.lut[k + 2];
      }
    }
  }
  ctx.putImageData(img, 0, 0);
  return L;
}

export function maxOf(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) if (data[i] > m) m = data[i];
  return m;
}

export function maxAbsOf(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > m) m = a;
  }
  return m;
}
