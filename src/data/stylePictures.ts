// Content and style pictures for neural style transfer (§39–43), drawn by the app (no image
// files): a small landscape with a house (content C) and four textures (style S) — diagonal
// stripes, polka dots, a "brush-stroke" swirl in the spirit of Starry Night, and a tile mosaic.
// RGB in [0, 1], interleaved row-major, like colorPicture.ts.
import { drawCat, paint, type Rgb, type RgbImage } from './colorPicture';

export const CONTENT_NAMES = ['house', 'cat'] as const;
export type ContentName = (typeof CONTENT_NAMES)[number];
export const STYLE_NAMES = ['swirl', 'stripes', 'dots', 'mosaic'] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** A house with a red roof, a tree and a sun over green hills under a blue sky. */
export function drawHouse(size = 64): RgbImage {
  return paint(size, (X, Y) => {
    const hill = 62 + 6 * Math.sin(X / 14);
    if (Math.hypot(X - 80, Y - 18) < 9) return [1, 0.85, 0.2]; // sun
    // roof: triangle apex (40, 30), base 22…58 at Y = 46
    if (Y >= 30 && Y < 46 && Math.abs(X - 40) <= ((Y - 30) / 16) * 18) return [0.75, 0.15, 0.12];
    if (X >= 25 && X <= 55 && Y >= 46 && Y <= 74) {
      if (X >= 36 && X <= 44 && Y >= 60) return [0.35, 0.2, 0.1]; // door
      if ((X >= 28 && X <= 34 && Y >= 51 && Y <= 57) || (X >= 46 && X <= 52 && Y >= 51 && Y <= 57)) return [0.55, 0.8, 0.95]; // windows
      return [0.95, 0.9, 0.75]; // wall
    }
    if (Math.hypot(X - 74, Y - 50) < 10) return [0.1, 0.5, 0.18]; // tree crown
    if (X >= 72 && X <= 76 && Y >= 58 && Y <= 72) return [0.4, 0.25, 0.1]; // trunk
    if (Y > hill) return mix([0.35, 0.7, 0.25], [0.2, 0.45, 0.15], (Y - hill) / 40);
    return mix([0.35, 0.6, 0.95], [0.75, 0.88, 1], Y / 60);
  });
}

/** Swirling blue and yellow strokes (each stroke a short run along circles around a few centres). */
export function drawSwirl(size = 64): RgbImage {
  const centres = [[30, 30, 1], [72, 40, -1], [40, 78, 1], [85, 85, -1]] as const;
  return paint(size, (X, Y) => {
    let best = Infinity, phase = 0;
    for (const [cx, cy, dir] of centres) {
      const r = Math.hypot(X - cx, Y - cy);
      if (r < best) { best = r; phase = dir * Math.atan2(Y - cy, X - cx); }
    }
    // rings (radius bands) broken into dashes along the angle: brush strokes
    const ring = Math.sin(best / 2.2 + 1.5 * phase);
    const dash = Math.sin(phase * 9 + best / 3);
    const t = 0.5 + 0.5 * ring;
    const base = mix([0.05, 0.12, 0.45], [0.25, 0.5, 0.95], t);
    return dash > 0.55 && ring > 0.2 ? mix(base, [1, 0.85, 0.2], 0.85) : base;
  });
}

/** Diagonal stripes, orange / teal / cream. */
export function drawStripes(size = 64): RgbImage {
  const colours: Rgb[] = [[0.95, 0.5, 0.1], [0.05, 0.5, 0.55], [0.98, 0.93, 0.8]];
  return paint(size, (X, Y) => colours[Math.floor((X + Y) / 8) % 3]);
}

/** Magenta dots on a pale yellow ground, staggered rows. */
export function drawDots(size = 64): RgbImage {
  return paint(size, (X, Y) => {
    const row = Math.floor(Y / 12);
    const x = X + (row % 2 ? 6 : 0);
    const dx = (x % 12) - 6, dy = (Y % 12) - 6;
    return Math.hypot(dx, dy) < 3.6 ? [0.8, 0.1, 0.5] : [1, 0.95, 0.7];
  });
}

/** Coloured square tiles with dark grout; each tile's colour from a small hash of its cell. */
export function drawMosaic(size = 64): RgbImage {
  const palette: Rgb[] = [[0.85, 0.2, 0.15], [0.15, 0.4, 0.8], [0.95, 0.75, 0.15], [0.2, 0.65, 0.35], [0.95, 0.95, 0.9]];
  return paint(size, (X, Y) => {
    const i = Math.floor(X / 10), j = Math.floor(Y / 10);
    if (X % 10 < 1.6 || Y % 10 < 1.6) return [0.12, 0.1, 0.1];
    return palette[(i * 7 + j * 13 + ((i * j) % 3)) % palette.length];
  });
}

export function drawContent(name: ContentName, size = 64): RgbImage {
  return name === 'cat' ? drawCat(size) : drawHouse(size);
}

export function drawStyle(name: StyleName, size = 64): RgbImage {
  switch (name) {
    case 'swirl': return drawSwirl(size);
    case 'stripes': return drawStripes(size);
    case 'dots': return drawDots(size);
    case 'mosaic': return drawMosaic(size);
  }
}

/** Every built-in content and style picture at size × size (cheap: drawn in place, once). */
export function drawStylePictures(size = 64): { contents: Record<ContentName, RgbImage>; styles: Record<StyleName, RgbImage> } {
  if (!Number.isInteger(size) || size < 8 || size > 256) throw new RangeError(`style pictures: size must be a whole number in 8…256, got ${size}`);
  const contents = Object.fromEntries(CONTENT_NAMES.map((n) => [n, drawContent(n, size)])) as Record<ContentName, RgbImage>;
  const styles = Object.fromEntries(STYLE_NAMES.map((n) => [n, drawStyle(n, size)])) as Record<StyleName, RgbImage>;
  return { contents, styles };
}
