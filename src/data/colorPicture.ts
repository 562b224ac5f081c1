// Colour pictures the app draws itself (no image files) for the data-augmentation lesson:
// a cartoon cat (mirroring keeps its label) and a letter "b" (mirroring makes it a "d").
// RGB, values in [0, 1], interleaved row-major: data[3·(y·width + x) + c], c = 0 R, 1 G, 2 B.

export interface RgbImage {
  width: number;
  height: number;
  /** 3·width·height values in [0, 1]. */
  data: Float32Array;
}

export const COLOR_PICTURE_NAMES = ['cat', 'letter-b'] as const;
export type ColorPictureName = (typeof COLOR_PICTURE_NAMES)[number];

export type Rgb = readonly [number, number, number];

/** Paint a size×size RGB picture from a colour function on a 0…100 drawing space (clamped to [0, 1]). */
export function paint(size: number, colourAt: (X: number, Y: number) => Rgb): RgbImage {
  const data = new Float32Array(3 * size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // X, Y in a 0…100 drawing space, whatever the pixel size
      const c = colourAt(((x + 0.5) / size) * 100, ((y + 0.5) / size) * 100);
      const i = 3 * (y * size + x);
      for (let k = 0; k < 3; k++) data[i + k] = Math.min(1, Math.max(0, c[k]));
    }
  }
  return { width: size, height: size, data };
}

const inEllipse = (X: number, Y: number, cx: number, cy: number, rx: number, ry: number) => ((X - cx) / rx) ** 2 + ((Y - cy) / ry) ** 2 <= 1;
/** Inside the triangle (a, b, c) by the signs of the three edge functions. */
function inTriangle(X: number, Y: number, a: Rgb, b: Rgb, c: Rgb): boolean {
  const s = (p: Rgb, q: Rgb) => (q[0] - p[0]) * (Y - p[1]) - (q[1] - p[1]) * (X - p[0]);
  const d1 = s(a, b), d2 = s(b, c), d3 = s(c, a);
  return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

/**
 * An orange cat looking to the left, on a sky over grass. Deliberately asymmetric (the tail
 * on the right, the nose off-centre, a sun in the corner) so a mirror image is visibly a
 * different picture — of the same cat.
 */
export function drawCat(size = 64): RgbImage {
  const SKY: Rgb = [0.55, 0.78, 0.95], GRASS: Rgb = [0.35, 0.68, 0.3], SUN: Rgb = [1, 0.86, 0.25];
  const FUR: Rgb = [0.93, 0.55, 0.2], DARK: Rgb = [0.55, 0.28, 0.08], EAR: Rgb = [0.98, 0.72, 0.72];
  const EYE: Rgb = [0.15, 0.5, 0.2], PUPIL: Rgb = [0.05, 0.05, 0.05], NOSE: Rgb = [0.9, 0.35, 0.45], WHITE: Rgb = [0.98, 0.96, 0.9];
  return paint(size, (X, Y) => {
    // eyes and nose first (they sit on top of the head)
    if (inEllipse(X, Y, 31, 45, 2, 3.4) || inEllipse(X, Y, 49, 45, 2, 3.4)) return PUPIL;
    if (inEllipse(X, Y, 31, 45, 5, 5) || inEllipse(X, Y, 49, 45, 5, 5)) return EYE;
    if (inTriangle(X, Y, [34, 53, 0], [42, 53, 0], [38, 58, 0])) return NOSE;
    if (inEllipse(X, Y, 38, 61, 9, 5)) return WHITE; // muzzle
    if (inTriangle(X, Y, [22, 22, 0], [30, 38, 0], [20, 40, 0]) || inTriangle(X, Y, [56, 22, 0], [58, 40, 0], [48, 38, 0])) return EAR;
    if (inTriangle(X, Y, [18, 14, 0], [36, 36, 0], [16, 46, 0]) || inTriangle(X, Y, [60, 14, 0], [62, 46, 0], [44, 36, 0])) return FUR;
    if (inEllipse(X, Y, 40, 48, 22, 19)) return Math.abs(Y - 34) < 1.5 && Math.abs(X - 40) < 8 ? DARK : FUR; // head with a stripe
    if (inEllipse(X, Y, 44, 84, 20, 16)) return FUR; // body
    // tail: a thick arc on the right
    const r = Math.hypot(X - 70, Y - 78);
    if (r > 12 && r < 17 && X > 66 && Y < 86) return DARK;
    if (inEllipse(X, Y, 84, 14, 9, 9)) return SUN;
    return Y > 72 ? GRASS : SKY;
  });
}

/**
 * A dark-blue letter "b" on cream paper, slightly off-centre. Mirrored it reads "d": for text
 * a horizontal flip changes the label.
 */
export function drawLetterB(size = 64): RgbImage {
  const PAPER: Rgb = [0.97, 0.94, 0.84], INK: Rgb = [0.12, 0.2, 0.55];
  return paint(size, (X, Y) => {
    const stem = X >= 30 && X <= 40 && Y >= 14 && Y <= 84;
    const r = Math.hypot((X - 52) / 1.05, Y - 64);
    const bowl = r >= 11 && r <= 21 && X >= 35;
    return stem || bowl ? INK : PAPER;
  });
}

export function drawColorPicture(name: ColorPictureName, size = 64): RgbImage {
  return name === 'cat' ? drawCat(size) : drawLetterB(size);
}
