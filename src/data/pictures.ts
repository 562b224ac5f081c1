// Built-in pictures the app draws itself (no image files): shapes, text, a gradient and a
// checkerboard, as grayscale Float32 arrays in [0, 1] (0 = black, 1 = white), row-major.
// Plus the pure step of reading an uploaded picture: RGBA → gray.

export interface Picture {
  width: number;
  height: number;
  /** width·height values in [0, 1], row-major. */
  data: Float32Array;
}

export const PICTURE_NAMES = ['shapes', 'text', 'gradient', 'checkerboard'] as const;
export type PictureName = (typeof PICTURE_NAMES)[number];

function blank(size: number, value: number): Picture {
  return { width: size, height: size, data: new Float32Array(size * size).fill(value) };
}

/** A square, a disc and a triangle, bright on a dark background: straight, curved and slanted edges. */
export function drawShapes(size = 64): Picture {
  const pic = blank(size, 0.1);
  const u = size / 64;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const X = x / u;
      const Y = y / u;
      let v = -1;
      if (X >= 6 && X < 26 && Y >= 6 && Y < 26) v = 0.9; // square: vertical + horizontal edges
      if ((X - 46) ** 2 + (Y - 17) ** 2 <= 11 ** 2) v = 0.7; // disc: edges in every direction
      // triangle with apex (32, 36), base y = 58 from x = 12 to 52: slanted edges
      if (Y >= 36 && Y < 58 && Math.abs(X - 32) <= ((Y - 36) / 22) * 20) v = 1;
      if (v >= 0) pic.data[y * size + x] = v;
    }
  }
  return pic;
}

// A 5×7 bitmap font for the letters we draw ('#' = ink).
const GLYPHS: Record<string, string[]> = {
  C: [' ### ', '#   #', '#    ', '#    ', '#    ', '#   #', ' ### '],
  N: ['#   #', '##  #', '# # #', '#  ##', '#   #', '#   #', '#   #'],
  E: ['#####', '#    ', '#    ', '#### ', '#    ', '#    ', '#####'],
  D: ['#### ', '#   #', '#   #', '#   #', '#   #', '#   #', '#### '],
  G: [' ### ', '#   #', '#    ', '# ###', '#   #', '#   #', ' ####'],
};

/** Dark letters on a light page (like a scanned text): "CNN" over "EDGE". */
export function drawText(size = 64, lines: readonly string[] = ['CNN', 'EDGE']): Picture {
  const pic = blank(size, 0.95);
  const widest = Math.max(...lines.map((l) => l.length));
  // Each glyph is 5×7 cells plus one cell of spacing; scale so the widest line fits.
  const cell = Math.max(1, Math.floor(size / (widest * 6 + 1)));
  const lineH = 8 * cell;
  const top0 = Math.floor((size - lines.length * lineH) / 2);
  lines.forEach((line, li) => {
    const left0 = Math.floor((size - (line.length * 6 - 1) * cell) / 2);
    [...line].forEach((ch, ci) => {
      const g = GLYPHS[ch];
      if (!g) return;
      for (let gy = 0; gy < 7; gy++) {
        for (let gx = 0; gx < 5; gx++) {
          if (g[gy][gx] !== '#') continue;
          for (let dy = 0; dy < cell; dy++) {
            for (let dx = 0; dx < cell; dx++) {
              const y = top0 + li * lineH + gy * cell + dy;
              const x = left0 + (ci * 6 + gx) * cell + dx;
              if (y >= 0 && y < size && x >= 0 && x < size) pic.data[y * size + x] = 0.05;
            }
          }
        }
      }
    });
  });
  return pic;
}

/** Left-to-right ramp 0 → 1: a smooth change, so edge filters answer weakly and evenly. */
export function drawGradient(size = 64): Picture {
  const pic = blank(size, 0);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pic.data[y * size + x] = x / (size - 1);
  return pic;
}

/** Black and white squares of `square` pixels, top-left black. */
export function drawCheckerboard(size = 64, square = 8): Picture {
  const pic = blank(size, 0);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) pic.data[y * size + x] = (Math.floor(x / square) + Math.floor(y / square)) % 2;
  }
  return pic;
}

export function drawPicture(name: PictureName, size = 64): Picture {
  switch (name) {
    case 'shapes':
      return drawShapes(size);
    case 'text':
      return drawText(size);
    case 'gradient':
      return drawGradient(size);
    case 'checkerboard':
      return drawCheckerboard(size);
  }
}

/**
 * RGBA bytes (as ImageData gives them) → gray in [0, 1] with the Rec. 601 luma weights
 * 0.299 R + 0.587 G + 0.114 B; a transparent pixel counts as white paper.
 */
export function rgbaToGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Picture {
  const n = width * height;
  if (rgba.length !== n * 4) throw new RangeError(`rgbaToGray: ${rgba.length} bytes do not match ${width}×${height}×4`);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rgba[4 * i + 3] / 255;
    const luma = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
    data[i] = a * luma + (1 - a);
  }
  return { width, height, data };
}

/** Scale (w, h) down to fit within maxSide, keeping the aspect ratio; never scales up. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const k = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}
