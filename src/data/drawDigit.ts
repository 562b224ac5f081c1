// Preprocess a hand-drawn digit the way MNIST was made: crop the ink, scale it to fit a 20×20
// box (keeping its aspect ratio), then place it in a 28×28 frame so that its centre of mass sits
// at the centre (14, 14). Without this a network trained on MNIST misreads perfectly good digits
// drawn small or off-centre.

export const MNIST_BOX = 20;

/** Bounding box of pixels above `threshold`, or null when nothing is drawn. */
export function inkBounds(img: Float32Array, w: number, h: number, threshold = 0.05): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (img[y * w + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/** Area-average resample of the rectangle [x0,x1)×[y0,y1) of img into an ow×oh image. */
function resample(img: Float32Array, w: number, x0: number, y0: number, x1: number, y1: number, ow: number, oh: number): Float32Array {
  const out = new Float32Array(ow * oh);
  const sx = (x1 - x0) / ow;
  const sy = (y1 - y0) / oh;
  for (let oy = 0; oy < oh; oy++) {
    const fy0 = y0 + oy * sy, fy1 = fy0 + sy;
    for (let ox = 0; ox < ow; ox++) {
      const fx0 = x0 + ox * sx, fx1 = fx0 + sx;
      let sum = 0, wsum = 0;
      for (let y = Math.floor(fy0); y < Math.ceil(fy1); y++) {
        const wy = Math.min(fy1, y + 1) - Math.max(fy0, y);
        if (wy <= 0) continue;
        for (let x = Math.floor(fx0); x < Math.ceil(fx1); x++) {
          const wx = Math.min(fx1, x + 1) - Math.max(fx0, x);
          if (wx <= 0) continue;
          sum += img[y * w + x] * wx * wy;
          wsum += wx * wy;
        }
      }
      out[oy * ow + ox] = wsum > 0 ? sum / wsum : 0;
    }
  }
  return out;
}

/** Centre of mass (x, y) of an image, in pixel-centre coordinates. */
export function centreOfMass(img: Float32Array, w: number, h: number): { x: number; y: number; mass: number } {
  let m = 0, mx = 0, my = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = img[y * w + x];
      m += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  return m > 0 ? { x: mx / m, y: my / m, mass: m } : { x: w / 2, y: h / 2, mass: 0 };
}

/**
 * Grayscale drawing (0 = paper, 1 = ink), any size → 28×28 MNIST-like digit (row-major floats
 * in [0, 1]); null when the drawing is empty.
 */
export function preprocessDrawing(img: Float32Array, w: number, h: number): Float32Array | null {
  const b = inkBounds(img, w, h);
  if (!b) return null;
  const bw = b.x1 - b.x0, bh = b.y1 - b.y0;
  const scale = MNIST_BOX / Math.max(bw, bh);
  const ow = Math.max(1, Math.round(bw * scale));
  const oh = Math.max(1, Math.round(bh * scale));
  const small = resample(img, w, b.x0, b.y0, b.x1, b.y1, ow, oh);
  const com = centreOfMass(small, ow, oh);
  // Shift so the centre of mass lands on (14, 14); clamp so the 20×20 box stays in the frame.
  const dx = Math.round(Math.min(28 - ow, Math.max(0, 14 - com.x)));
  const dy = Math.round(Math.min(28 - oh, Math.max(0, 14 - com.y)));
  const out = new Float32Array(28 * 28);
  for (let y = 0; y < oh; y++)
    for (let x = 0; x < ow; x++) out[(y + dy) * 28 + x + dx] = Math.min(1, small[y * ow + x]);
  return out;
}
