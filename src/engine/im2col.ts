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
 * panels over the full K, Float64): pa[((r−r0)>>2)·4K + p·4 + ((r−r0)&3)] = cols[r][p].
 * Rows past the block's last row are zero (see gemmStreamA).
 */
export function im2colPackedRows(x: Float32Array, g: ConvGeometry, r0: number, rows: number, pa: Float64Array): void {
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

// Offsets of every tap (ky, kx, ci) from a window's top-left input cell. A network uses a
// few conv geometries in turn, so keep a small ring of them (no garbage per call).
const NO_TAPS = new Int32Array(0);
interface TapEntry { fh: number; fw: number; c: number; w: number; taps: Int32Array }
const tapRing: TapEntry[] = [];
let tapNext = 0;
function tapOffsets(g: ConvGeometry): Int32Array {
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
