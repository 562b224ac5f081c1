// Colour scales for signed values (diverging: negative edge ↔ 0 ↔ positive edge) and for
// magnitudes (sequential), plus a text colour that stays readable on any cell.
// Pure (no DOM): the palette comes in as plain colours so the same scale works in the light,
// dark and presenter (high-contrast) themes — ui/useThemePalette reads it from CSS variables.
//
//   diverging(v) = mix(zero → pos, v/maxAbs) for v ≥ 0, mix(zero → neg, −v/maxAbs) for v < 0
//   symmetric around 0, so +30 and −30 are equally strong, in opposite hues.
import { interpolateLab, rgb, scaleLinear } from 'd3';

export interface Palette {
  /** Positive values (bright-to-dark edges in the course's examples). */
  pos: string;
  /** Negative values. */
  neg: string;
  /** The colour of 0 (close to the page background). */
  zero: string;
  /** Text and strong marks. */
  fg: string;
  /** Page background. */
  bg: string;
}

/** Blue vs orange: distinguishable with the common colour-vision deficiencies and on projectors. */
export const LIGHT_PALETTE: Palette = { pos: '#1d5fd1', neg: '#d9480f', zero: '#ffffff', fg: '#16181d', bg: '#ffffff' };
export const DARK_PALETTE: Palette = { pos: '#5b9cff', neg: '#ff8a4c', zero: '#1b1f27', fg: '#e8eaf0', bg: '#12151b' };

export type ColorScale = (v: number) => string;

/** Diverging scale symmetric around 0; maxAbs ≤ 0 (all zeros) maps everything to `zero`. */
export function divergingScale(maxAbs: number, palette: Palette = LIGHT_PALETTE): ColorScale {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  const up = interpolateLab(palette.zero, palette.pos);
  const down = interpolateLab(palette.zero, palette.neg);
  return (v) => {
    if (!Number.isFinite(v)) return palette.zero;
    const t = Math.min(1, Math.abs(v) / m);
    return rgb(v >= 0 ? up(t) : down(t)).formatHex();
  };
}

/** Sequential scale for magnitudes in [min, max]: zero colour → positive colour. */
export function sequentialScale(min: number, max: number, palette: Palette = LIGHT_PALETTE): ColorScale {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) && max > lo ? max : lo + 1;
  const t = scaleLinear().domain([lo, hi]).range([0, 1]).clamp(true);
  const mix = interpolateLab(palette.zero, palette.pos);
  return (v) => rgb(mix(Number.isFinite(v) ? t(v) : 0)).formatHex();
}

/** Image intensities: min → black, max → white, whatever the theme (a picture is a picture). */
export function grayScale(min = 0, max = 1): ColorScale {
  const hi = max > min ? max : min + 1;
  return (v) => {
    const t = Math.max(0, Math.min(1, ((Number.isFinite(v) ? v : min) - min) / (hi - min)));
    const g = Math.round(t * 255);
    return rgb(g, g, g).formatHex();
  };
}

/** The largest |v| in a list (for a diverging scale's range); 0 for an empty list. */
export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}

/** Relative luminance (WCAG) of a CSS colour. */
export function luminance(color: string): number {
  const c = rgb(color);
  const lin = (x: number) => {
    const s = x / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/** Black or white text, whichever contrasts more with the background colour. */
export function textOn(background: string): string {
  const L = luminance(background);
  const contrastWhite = 1.05 / (L + 0.05);
  const contrastBlack = (L + 0.05) / 0.05;
  return contrastBlack >= contrastWhite ? '#000000' : '#ffffff';
}

/** Interleaved RGB in [0, 1] → RGBA bytes for a canvas ImageData. */
export function rgbToRgba(rgb: ArrayLike<number>, out = new Uint8ClampedArray((rgb.length / 3) * 4)): Uint8ClampedArray {
  for (let p = 0, n = rgb.length / 3; p < n; p++) {
    out[4 * p] = Math.round(rgb[3 * p] * 255);
    out[4 * p + 1] = Math.round(rgb[3 * p + 1] * 255);
    out[4 * p + 2] = Math.round(rgb[3 * p + 2] * 255);
    out[4 * p + 3] = 255;
  }
  return out;
}
