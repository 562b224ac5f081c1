// Cutting a face out of a photo for the face recogniser: the detector's box is made square
// around its centre (side = the longer side × margin), and that square is resampled to
// size × size by bilinear interpolation (pixels outside the photo are black, as when face-api
// pads a crop to a square). Only position and scale are normalised: the face is not rotated.
import type { Box } from '../geometry/index';

/** An RGB photo: `data` holds width·height·3 values on 0–255, row by row. */
export interface RgbPhoto {
  width: number;
  height: number;
  data: Float32Array | Uint8Array | Uint8ClampedArray;
}

/** The square (in photo pixels) a face box is cropped to. */
export function faceSquare(box: Box, margin = 1): Box {
  const cx = (box.x1 + box.x2) / 2, cy = (box.y1 + box.y2) / 2;
  const half = (Math.max(box.x2 - box.x1, box.y2 - box.y1) * margin) / 2;
  return { x1: cx - half, y1: cy - half, x2: cx + half, y2: cy + half };
}

/** The photo's pixels inside `square`, resampled to size × size (RGB 0–255 floats). */
export function cropResize(photo: RgbPhoto, square: Box, size: number): Float32Array {
  const { width: W, height: H, data } = photo;
  if (data.length !== W * H * 3) throw new RangeError(`cropResize: ${W}×${H} RGB needs ${W * H * 3} values, got ${data.length}`);
  if (!(square.x2 > square.x1 && square.y2 > square.y1)) throw new RangeError('cropResize: the square is empty');
  const out = new Float32Array(size * size * 3);
  const sx = (square.x2 - square.x1) / size, sy = (square.y2 - square.y1) / size;
  const at = (x: number, y: number, c: number) => (x < 0 || y < 0 || x >= W || y >= H ? 0 : data[(y * W + x) * 3 + c]);
  for (let i = 0; i < size; i++) {
    // sample at pixel centres: output pixel i covers [x1 + i·s, x1 + (i+1)·s)
    const y = square.y1 + (i + 0.5) * sy - 0.5;
    const y0 = Math.floor(y), fy = y - y0;
    for (let j = 0; j < size; j++) {
      const x = square.x1 + (j + 0.5) * sx - 0.5;
      const x0 = Math.floor(x), fx = x - x0;
      for (let c = 0; c < 3; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        out[(i * size + j) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}
