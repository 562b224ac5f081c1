import type { Panels } from './gemm';
// im2col / col2im for NHWC convolution and pooling windows.
//   cols[(b·oh + oy)·ow + ox][(ky·fw + kx)·c + ci] = x[b, oy·s − top + ky, ox·s − left + kx, ci]
// (zero where the window hangs over the padding). Row order matches an NHWC output and
// column order matches an HWIO filter flattened to [fh·fw·c, cOut], so conv = cols · W.
// col2im is its adjoint: it scatters-adds each column entry back to its input pixel.

export interface ConvGeometry {
  n: number; h: number; w: number; c: number;
  fh: number; fw: number;
  sh: number; sw: number;
  top: number; left: number;
  oh: number; ow: number;
}

/** Output position (b, oy, ox) of im2col row r. */
function rowPosition(g: ConvGeometry, r: number): [number, number, number] {
  const b = Math.floor(r / (g.oh * g.ow));
  const oy = Math.floor((r - b * g.oh * g.ow) / g.ow);
  return [b, oy, r - (b * g.oh + oy) * g.ow];
}

/** cols rows [r0, r0+rows) (row-major, rows × K, starting at cols[0]). Whole matrix by default. */
export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array, r0 = 0, rows = g.n * g.oh * g.ow): void {
  const { h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  const K = fh * fw * c;
  // with few channels, a table gather beats the short per-channel copy loops
  const gather = c < 4;
  const tapOff = gather ? tapOffsets(g) : NO_TAPS;
  let [b, oy, ox] = rowPosition(g, r0);
  for (let rl = 0; rl < rows; rl++) {
    const xb = b * h * w * c;
    const y0 = oy * sh - top, x0 = ox * sw - left;
    let o = rl * K;
    if (gather && y0 >= 0 && y0 + fh <= h && x0 >= 0 && x0 + fw <= w) {
      const origin = xb + (y0 * w + x0) * c;
      for (let p = 0; p < K; p++) cols[o + p] = x[origin + tapOff[p]];
    } else {
      for (let ky = 0; ky < fh; ky++) {
        const iy = y0 + ky;
        if (iy < 0 || iy >= h) {
          cols.fill(0, o, o + fw * c);
          o += fw * c;
          continue;
        }
        const rowBase = xb + iy * w * c;
        for (let kx = 0; kx < fw; kx++) {
          const ix = x0 + kx;
          if (ix < 0 || ix >= w) {
            for (let ci = 0; ci < c; ci++) cols[o + ci] = 0;
          } else {
            const src = rowBase + ix * c;
            for (let ci = 0; ci < c; ci++) cols[o + ci] = x[src + ci];
          }
          o += c;
        }
      }
    }
    if (++ox === ow) {
      ox = 0;
      if (++oy === oh) {
        oy = 0;
        b++;
      }
    }
  }
}

/** dx += col2im(dcols) for rows [r0, r0+rows) (dcols starts at that block). dx is zeroed by the caller. */
export function col2im(dcols: Float32Array, g: ConvGeometry, dx: Float32Array, r0 = 0, rows = g.n * g.oh * g.ow): void {
  const { h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  const K = fh * fw * c;
  const gather = c < 4;
  const tapOff = gather ? tapOffsets(g) : NO_TAPS;
  let [b, oy, ox] = rowPosition(g, r0);
  for (let rl = 0; rl < rows; rl++) {
    const xb = b * h * w * c;
    const y0 = oy * sh - top, x0 = ox * sw - left;
    let o = rl * K;
    if (gather && y0 >= 0 && y0 + fh <= h && x0 >= 0 && x0 + fw <= w) {
      const origin = xb + (y0 * w + x0) * c;
      for (let p = 0; p < K; p++) dx[origin + tapOff[p]] += dcols[o + p];
    } else {
      for (let ky = 0; ky < fh; ky++) {
        const iy = y0 + ky;
        if (iy < 0 || iy >= h) {
          o += fw * c;
          continue;
        }
        const rowBase = xb + iy * w * c;
        for (let kx = 0; kx < fw; kx++) {
          const ix = x0 + kx;
          if (ix >= 0 && ix < w) {
            const dst = rowBase + ix * c;
            for (let ci = 0; ci < c; ci++) dx[dst + ci] += dcols[o + ci];
          }
          o += c;
        }
      }
    }
    if (++ox === ow) {
      ox = 0;
      if (++oy === oh) {
        oy = 0;
        b++;
      }
    }
  }
}

/**
 * im2col for output rows [r0, r0+rows) straight into the GEMM's packed-A layout (4-row
 * panels over the full K, doubles): pa[((r−r0)>>2)·4K + p·4 + ((r−r0)&3)] = cols[r][p].
 * Rows past the block's last row are zero (see gemmStreamA); nothing past the block is touched.
 */
export function im2colPackedRows(x: Float32Array, g: ConvGeometry, r0: number, rows: number, pa: Panels): void {
  const { h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  const K = fh * fw * c;
  const panels = Math.ceil(rows / 4);
  if (rows & 3) pa.fill(0, (panels - 1) * 4 * K, panels * 4 * K);
  const gather = c < 4;
  const tapOff = tapOffsets(g);
  let [b, oy, ox] = rowPosition(g, r0);
  const ohw = oh * ow;
  // origin of the window of output row r, or −1 if that window overhangs the image
  const interiorOrigin = (r: number): number => {
    const bb = Math.floor(r / ohw), rem = r - bb * ohw;
    const yy = Math.floor(rem / ow), xx = rem - yy * ow;
    const y0 = yy * sh - top, x0 = xx * sw - left;
    return y0 >= 0 && y0 + fh <= h && x0 >= 0 && x0 + fw <= w ? ((bb * h + y0) * w + x0) * c : -1;
  };
  for (let rl = 0; rl < rows; rl++) {
    if ((rl & 3) === 0 && rl + 4 <= rows) {
      // a whole panel of 4 interior windows: write the panel contiguously, 4 rows per tap
      const r = r0 + rl;
      const g0 = interiorOrigin(r), g1 = interiorOrigin(r + 1), g2 = interiorOrigin(r + 2), g3 = interiorOrigin(r + 3);
      const ok = g0 >= 0 && g1 >= 0 && g2 >= 0 && g3 >= 0;
      if (ok) {
        let o = (rl >> 2) * 4 * K;
        for (let p = 0; p < K; p++, o += 4) {
          const t = tapOff[p];
          pa[o] = x[g0 + t];
          pa[o + 1] = x[g1 + t];
          pa[o + 2] = x[g2 + t];
          pa[o + 3] = x[g3 + t];
        }
        // advance the running position by 4 rows
        const nr = r + 4, bb = Math.floor(nr / ohw), rem = nr - bb * ohw;
        b = bb;
        oy = Math.floor(rem / ow);
        ox = rem - oy * ow;
        rl += 3;
        continue;
      }
    }
    const xb = b * h * w * c;
    const y0 = oy * sh - top, x0 = ox * sw - left;
    let o = (rl >> 2) * 4 * K + (rl & 3);
    if (gather && y0 >= 0 && y0 + fh <= h && x0 >= 0 && x0 + fw <= w) {
      // the whole window lies inside the image: a straight gather
      const origin = xb + (y0 * w + x0) * c;
      for (let p = 0; p < K; p++, o += 4) pa[o] = x[origin + tapOff[p]];
    } else {
      for (let ky = 0; ky < fh; ky++) {
        const iy = y0 + ky;
        if (iy < 0 || iy >= h) {
          for (let q = 0; q < fw * c; q++, o += 4) pa[o] = 0;
          continue;
        }
        const rowBase = xb + iy * w * c;
        for (let kx = 0; kx < fw; kx++) {
          const ix = x0 + kx;
          if (ix < 0 || ix >= w) {
            for (let ci = 0; ci < c; ci++, o += 4) pa[o] = 0;
          } else {
            const src = rowBase + ix * c;
            for (let ci = 0; ci < c; ci++, o += 4) pa[o] = x[src + ci];
          }
        }
      }
    }
    if (++ox === ow) {
      ox = 0;
      if (++oy === oh) {
        oy = 0;
        b++;
      }
    }
  }
}

/**
 * The TRANSPOSED im2col for output rows [r0, r0+kc), straight into gemmStreamK's packed
 * layout: colsᵀ as 4-tap panels over those positions (doubles),
 *   pa[(t>>2)·4kc + (r−r0)·4 + (t&3)] = cols[r][t],   taps t ≥ K (up to a multiple of 4) zero.
 * It feeds the filter gradient dw = colsᵀ·dy without materialising cols.
 */
export function im2colPackedTaps(x: Float32Array, g: ConvGeometry, r0: number, kc: number, pa: Panels): void {
  const { h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  const K = fh * fw * c, Kp = (K + 3) & ~3;
  const tapOff = tapOffsets(g);
  // 1. the window origin of every position of the block (−1: the window overhangs the image)
  const origin = originsOf(g, r0, kc);
  // 2. interior windows, one panel (4 taps) at a time: 4 contiguous writes per position
  for (let tp = 0; tp < Kp; tp += 4) {
    const base = (tp >> 2) * 4 * kc;
    if (tp + 4 <= K) {
      const o0 = tapOff[tp], o1 = tapOff[tp + 1], o2 = tapOff[tp + 2], o3 = tapOff[tp + 3];
      for (let p = 0, q = base; p < kc; p++, q += 4) {
        const org = origin[p];
        if (org < 0) continue;
        pa[q] = x[org + o0];
        pa[q + 1] = x[org + o1];
        pa[q + 2] = x[org + o2];
        pa[q + 3] = x[org + o3];
      }
    } else {
      // the last, partial panel: taps past K are zero
      for (let p = 0, q = base; p < kc; p++, q += 4) {
        const org = origin[p];
        for (let j = 0; j < 4; j++) pa[q + j] = org >= 0 && tp + j < K ? x[org + tapOff[tp + j]] : 0;
      }
    }
  }
  // 3. windows that overhang the padding: tap by tap, zeros outside the image
  let [b, oy, ox] = rowPosition(g, r0);
  for (let p = 0; p < kc; p++) {
    if (origin[p] < 0) {
      const y0 = oy * sh - top, x0 = ox * sw - left;
      const xb = b * h * w * c;
      let t = 0;
      for (let ky = 0; ky < fh; ky++) {
        const iy = y0 + ky;
        const rowIn = iy >= 0 && iy < h;
        for (let kx = 0; kx < fw; kx++) {
          const ix = x0 + kx;
          const inside = rowIn && ix >= 0 && ix < w;
          const src = xb + (iy * w + ix) * c;
          for (let ci = 0; ci < c; ci++, t++) pa[(t >> 2) * 4 * kc + 4 * p + (t & 3)] = inside ? x[src + ci] : 0;
        }
      }
      for (; t < Kp; t++) pa[(t >> 2) * 4 * kc + 4 * p + (t & 3)] = 0;
    }
    if (++ox === ow) {
      ox = 0;
      if (++oy === oh) {
        oy = 0;
        b++;
      }
    }
  }
}

// Window origins (flat offset of the top-left input cell) of output rows [r0, r0+count),
// −1 where the window overhangs the image. Reused buffer.
let originBuf = new Int32Array(0);
function originsOf(g: ConvGeometry, r0: number, count: number): Int32Array {
  const { h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  if (originBuf.length < count) originBuf = new Int32Array(Math.max(count, originBuf.length * 2));
  const out = originBuf;
  let [b, oy, ox] = rowPosition(g, r0);
  for (let p = 0; p < count; p++) {
    const y0 = oy * sh - top, x0 = ox * sw - left;
    out[p] = y0 >= 0 && y0 + fh <= h && x0 >= 0 && x0 + fw <= w ? ((b * h + y0) * w + x0) * c : -1;
    if (++ox === ow) {
      ox = 0;
      if (++oy === oh) {
        oy = 0;
        b++;
      }
    }
  }
  return out;
}

// Offsets of every tap (ky, kx, ci) from a window's top-left input cell. A network uses a
// few conv geometries in turn, so keep a small ring of them (no garbage per call).
const NO_TAPS = new Int32Array(0);
interface TapEntry { fh: number; fw: number; c: number; w: number; taps: Int32Array }
const tapRing: TapEntry[] = [];
let tapNext = 0;
/** x-offset of every filter tap p = (ky·fw + kx)·c + ci from its window's origin (cached per geometry). */
export function tapOffsets(g: ConvGeometry): Int32Array {
  for (const e of tapRing) if (e.fh === g.fh && e.fw === g.fw && e.c === g.c && e.w === g.w) return e.taps;
  const t = new Int32Array(g.fh * g.fw * g.c);
  let p = 0;
  for (let ky = 0; ky < g.fh; ky++) for (let kx = 0; kx < g.fw; kx++) for (let ci = 0; ci < g.c; ci++) t[p++] = (ky * g.w + kx) * g.c + ci;
  const entry = { fh: g.fh, fw: g.fw, c: g.c, w: g.w, taps: t };
  if (tapRing.length < 8) tapRing.push(entry);
  else tapRing[tapNext] = entry;
  tapNext = (tapNext + 1) % 8;
  return t;
}

// Warm-up at load (see gemm.ts): every path (interior and edge windows, few and many
// channels) gets type feedback before a loop is hot enough to be compiled mid-run.
{
  for (const c of [1, 5]) {
    const g: ConvGeometry = { n: 2, h: 4, w: 4, c, fh: 3, fw: 3, sh: 1, sw: 1, top: 1, left: 1, oh: 4, ow: 4 };
    const K = 9 * c, M = 32;
    const x = new Float32Array(32 * c).fill(1), cols = new Float32Array(M * K), dx = new Float32Array(32 * c);
    const pa: Panels = [0.5];
    while (pa.length < M * ((K + 3) & ~3)) pa.push(0.5);
    im2col(x, g, cols);
    col2im(cols, g, dx);
    im2colPackedRows(x, g, 0, M, pa);
    im2colPackedRows(x, g, 1, 6, pa);
    im2colPackedTaps(x, g, 0, M, pa);
  }
}
