// Cutting a face out of a photo for the face networks. First the detector's box made square
// around its centre (side = the longer side × margin), resampled to size × size by bilinear
// interpolation (pixels outside the photo are black, as when face-api pads a crop to a square):
// that is what the landmark net sees. Then the alignment the recogniser sees: the square turned
// by the angle θ of the line through the two eye centres (so the eyes come out level), around
// the 68 landmarks' bounding box (measured in the turned frame) padded by 25% of its size.
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

/** An aligned square: its centre, its side and its angle θ (radians) in photo pixels. */
export interface AlignedSquare {
  cx: number;
  cy: number;
  side: number;
  angle: number;
}

const mean = (pts: readonly (readonly [number, number])[], from: number, to: number): [number, number] => {
  let x = 0, y = 0;
  for (let i = from; i < to; i++) {
    x += pts[i][0];
    y += pts[i][1];
  }
  return [x / (to - from), y / (to - from)];
};

/** 68 landmarks (photo pixels) → the square to cut: eyes level, the face plus a 25% border (dlib's chip padding). */
export function alignFace(points: readonly (readonly [number, number])[], pad = 0.25): AlignedSquare {
  if (points.length !== 68) throw new RangeError(`alignFace: expected 68 landmarks, got ${points.length}`);
  const [lx, ly] = mean(points, 36, 42), [rx, ry] = mean(points, 42, 48);
  const angle = Math.atan2(ry - ly, rx - lx);
  const cos = Math.cos(angle), sin = Math.sin(angle);
  // coordinates in the turned frame: u along the eye line, v across it
  let u1 = Infinity, u2 = -Infinity, v1 = Infinity, v2 = -Infinity;
  for (const [x, y] of points) {
    const u = x * cos + y * sin, v = -x * sin + y * cos;
    u1 = Math.min(u1, u); u2 = Math.max(u2, u);
    v1 = Math.min(v1, v); v2 = Math.max(v2, v);
  }
  const side = Math.max(u2 - u1, v2 - v1) * (1 + pad);
  const cu = (u1 + u2) / 2, cv = (v1 + v2) / 2;
  return { cx: cu * cos - cv * sin, cy: cu * sin + cv * cos, side, angle };
}

/** The photo inside an aligned square, turned upright and resampled to size × size. */
export function cropAligned(photo: RgbPhoto, sq: AlignedSquare, size: number): Float32Array {
  const { width: W, height: H, data } = photo;
  if (data.length !== W * H * 3) throw new RangeError(`cropAligned: ${W}×${H} RGB needs ${W * H * 3} values, got ${data.length}`);
  if (!(sq.side > 0)) throw new RangeError('cropAligned: the square is empty');
  const out = new Float32Array(size * size * 3);
  const cos = Math.cos(sq.angle), sin = Math.sin(sq.angle), step = sq.side / size;
  const at = (x: number, y: number, c: number) => (x < 0 || y < 0 || x >= W || y >= H ? 0 : data[(y * W + x) * 3 + c]);
  for (let i = 0; i < size; i++) {
    const v = (i + 0.5) * step - sq.side / 2;
    for (let j = 0; j < size; j++) {
      const u = (j + 0.5) * step - sq.side / 2;
      // the output pixel (u, v) from the square's centre, turned by θ, in photo pixels
      const x = sq.cx + u * cos - v * sin - 0.5, y = sq.cy + u * sin + v * cos - 0.5;
      const x0 = Math.floor(x), y0 = Math.floor(y), fx = x - x0, fy = y - y0;
      for (let c = 0; c < 3; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        out[(i * size + j) * 3 + c] = top * (1 - fy) + bottom * fy;
      }
    }
  }
  return out;
}
