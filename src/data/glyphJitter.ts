// A new "drawing" of a packed character: random stroke width and a random affine map, so two
// drawings of one character differ as two people's handwriting of it would (the idea of Omniglot).
//
// Stroke width: t ∈ [−0.6, 1]; the source is blended towards its 3×3 grey dilation (t > 0,
// bolder) or erosion (t < 0, thinner):  s' = (1 − |t|)·s + |t|·(max₃ₓ₃ s or min₃ₓ₃ s).
// Affine: output pixel p (from the centre c_o) maps back to the source point
//   q = A⁻¹ (p − c_o − τ) + c_s,  A = s₀·R(θ)·[[1+σx, κ], [0, 1+σy]],
// with θ ∈ ±0.2 rad, σ ∈ ±0.12, shear κ ∈ ±0.2, shift τ ∈ ±2 px; s₀ = 20/24 makes the 24-px
// glyph 20 px tall in the 28 × 28 output, as MNIST's digits are. Sampled bilinearly.
import type { Rng } from '../engine/random';
import type { GlyphSet } from './glyphs';

export const DRAWING_SIDE = 28;
export const DRAWING_PIXELS = DRAWING_SIDE * DRAWING_SIDE;
const BASE_SCALE = 20 / 24;

export interface Jitter {
  stroke: number;
  theta: number;
  sx: number;
  sy: number;
  shear: number;
  tx: number;
  ty: number;
}

export const NO_JITTER: Jitter = { stroke: 0, theta: 0, sx: 0, sy: 0, shear: 0, tx: 0, ty: 0 };

export function randomJitter(r: Rng): Jitter {
  return {
    stroke: r.uniform(-0.6, 1),
    theta: r.uniform(-0.2, 0.2),
    sx: r.uniform(-0.12, 0.12),
    sy: r.uniform(-0.12, 0.12),
    shear: r.uniform(-0.2, 0.2),
    tx: r.uniform(-2, 2),
    ty: r.uniform(-2, 2),
  };
}

/** The glyph with its strokes thickened (t > 0) or thinned (t < 0), as floats in [0, 1]. */
export function strokeVariant(src: Uint8Array, side: number, t: number): Float32Array {
  const out = new Float32Array(side * side);
  const a = Math.abs(t);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const v = src[y * side + x];
      let ext = v;
      if (a > 0) {
        for (let dy = -1; dy <= 1; dy++) {
          const yy = y + dy;
          for (let dx = -1; dx <= 1; dx++) {
            const xx = x + dx;
            const u = yy < 0 || yy >= side || xx < 0 || xx >= side ? 0 : src[yy * side + xx];
            ext = t > 0 ? Math.max(ext, u) : Math.min(ext, u);
          }
        }
      }
      out[y * side + x] = ((1 - a) * v + a * ext) / 255;
    }
  }
  return out;
}

/** Draw glyph `id` with jitter `j` into `out` (28 × 28 floats in [0, 1]) at `offset`. */
export function drawGlyph(set: GlyphSet, id: number, j: Jitter, out: Float32Array, offset = 0): void {
  const S = set.side;
  const src = strokeVariant(set.images.subarray(id * S * S, (id + 1) * S * S), S, j.stroke);
  // A = s0 · R(θ) · [[1+sx, k], [0, 1+sy]]; invert the 2×2 directly.
  const c = Math.cos(j.theta), s = Math.sin(j.theta);
  const m00 = BASE_SCALE * c * (1 + j.sx), m01 = BASE_SCALE * (c * j.shear - s * (1 + j.sy));
  const m10 = BASE_SCALE * s * (1 + j.sx), m11 = BASE_SCALE * (s * j.shear + c * (1 + j.sy));
  const det = m00 * m11 - m01 * m10;
  const i00 = m11 / det, i01 = -m01 / det, i10 = -m10 / det, i11 = m00 / det;
  const co = (DRAWING_SIDE - 1) / 2, cs = (S - 1) / 2;
  for (let y = 0; y < DRAWING_SIDE; y++) {
    for (let x = 0; x < DRAWING_SIDE; x++) {
      const px = x - co - j.tx, py = y - co - j.ty;
      const u = i00 * px + i01 * py + cs, v = i10 * px + i11 * py + cs;
      out[offset + y * DRAWING_SIDE + x] = bilinear(src, S, u, v);
    }
  }
}

function bilinear(src: Float32Array, S: number, u: number, v: number): number {
  const x0 = Math.floor(u), y0 = Math.floor(v);
  const fx = u - x0, fy = v - y0;
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= S || y >= S ? 0 : src[y * S + x]);
  return (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
}
