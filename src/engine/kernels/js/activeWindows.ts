// Windows of the input that hold nothing but zeros.
// An MNIST digit is ~80% background: 42% of a first 5×5 layer's windows see only zeros
// (measured on the packed training digits). Such a window's row of im2col is all zeros, so
//   forward:  y[r] = bias exactly (nothing to multiply),
//   backward: its row adds nothing to dw = colsᵀ·dy.
// The conv then runs its GEMMs on the other rows only ("active" windows), gathered by
// their origins, and writes their results back in place.
import type { Panels } from './gemm';
import type { ConvGeometry } from './im2col';
import { tapOffsets } from './im2col';

/** Compact only when at least this fraction of the windows is empty (else the dense path). */
export const EMPTY_WINDOWS_WORTH_SKIPPING = 0.2;

export interface ActiveWindows {
  /**
   * How many windows hold a nonzero value, or all of them (n·oh·ow, and rows/origins not
   * filled) when too few windows can be empty for EMPTY_WINDOWS_WORTH_SKIPPING to be reached.
   */
  count: number;
  /** Output row (b·oh + oy)·ow + ox of each active window, ascending. */
  rows: Int32Array;
  /** Flat offset in x of each active window's top-left cell. */
  origins: Int32Array;
}

let rowsBuf = new Int32Array(0);
let originsBuf = new Int32Array(0);
let sumBuf = new Int32Array(0);

/**
 * The windows of x (a PADDED geometry: top = left = 0, every window inside) that contain
 * a nonzero value, found with a summed-area table of "this pixel is nonzero" per image:
 * O(pixels + windows), not O(windows · taps). The arrays are reused by the next call.
 */
export function activeWindows(x: Float32Array, g: ConvGeometry): ActiveWindows {
  const M = g.n * g.oh * g.ow, cells = (g.h + 1) * (g.w + 1);
  if (rowsBuf.length < M) {
    rowsBuf = new Int32Array(M);
    originsBuf = new Int32Array(M);
  }
  // A quick bound first, so a dense input costs one look per window: a window whose
  // top-left pixel has a nonzero channel is not empty, so if fewer than the threshold of
  // top-left pixels are all zeros, so are fewer of the windows.
  if (zeroOrigins(x, g) < EMPTY_WINDOWS_WORTH_SKIPPING * M) return { count: M, rows: rowsBuf, origins: originsBuf };
  if (sumBuf.length < cells) sumBuf = new Int32Array(cells);
  // the loops live in their own function: V8 then never compiles this one mid-loop and
  // throws that code away at the return (a deopt per call)
  const count = findActive(x, g, rowsBuf, originsBuf, sumBuf);
  return { count, rows: rowsBuf, origins: originsBuf };
}

/** How many windows have an all-zero top-left pixel. */
function zeroOrigins(x: Float32Array, g: ConvGeometry): number {
  const { n, h, w, c, sh, sw, oh, ow } = g;
  let z = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0, p = ((b * h + oy * sh) * w) * c; ox < ow; ox++, p += sw * c) {
        let ci = 0;
        while (ci < c && x[p + ci] === 0) ci++;
        z += Number(ci === c);
      }
    }
  }
  return z;
}

function findActive(x: Float32Array, g: ConvGeometry, rows: Int32Array, origins: Int32Array, s: Int32Array): number {
  const { n, h, w, c, fh, fw, sh, sw, oh, ow } = g;
  const W1 = w + 1;
  let count = 0;
  for (let b = 0; b < n; b++) {
    summedNonZero(x, b * h * w * c, h, w, c, s);
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh, top = y0 * W1, bottom = (y0 + fh) * W1;
      for (let ox = 0; ox < ow; ox++) {
        const x0 = ox * sw;
        const inside = s[bottom + x0 + fw] - s[top + x0 + fw] - s[bottom + x0] + s[top + x0];
        // written always, kept by advancing count (no branch to mispredict at a digit's edge)
        rows[count] = (b * oh + oy) * ow + ox;
        origins[count] = ((b * h + y0) * w + x0) * c;
        count += Number(inside !== 0);
      }
    }
  }
  return count;
}

/** s[(y)(w+1) + x] = how many pixels above-left of (y, x) have some nonzero channel. */
function summedNonZero(x: Float32Array, base: number, h: number, w: number, c: number, s: Int32Array): void {
  const W1 = w + 1;
  s.fill(0, 0, W1);
  for (let y = 0; y < h; y++) {
    let line = 0;
    const o = (y + 1) * W1, up = y * W1;
    s[o] = 0;
    if (c === 1) {
      for (let xx = 0, p = base + y * w; xx < w; xx++, p++) {
        line += Number(x[p] !== 0);
        s[o + xx + 1] = s[up + xx + 1] + line;
      }
      continue;
    }
    for (let xx = 0; xx < w; xx++) {
      const p = base + (y * w + xx) * c;
      let nz = 0;
      for (let ci = 0; ci < c; ci++) if (x[p + ci] !== 0) nz = 1;
      line += nz;
      s[o + xx + 1] = s[up + xx + 1] + line;
    }
  }
}

/**
 * Rows [r0, r0+rows) of the compacted im2col (active windows only) as the GEMM's 4-row
 * panels (see gemmStreamA): pa[(i>>2)·4K + p·4 + (i&3)] = x[origins[r0+i] + tap p].
 */
export function packActiveRows(x: Float32Array, g: ConvGeometry, origins: Int32Array, r0: number, rows: number, pa: Panels): void {
  const K = g.fh * g.fw * g.c;
  const taps = tapOffsets(g);
  const panels = (rows + 3) >> 2;
  for (let ip = 0; ip < panels; ip++) {
    const i = r0 + ip * 4, left = rows - ip * 4;
    // a panel's missing rows (past the block) read as zeros
    const o0 = origins[i], o1 = left > 1 ? origins[i + 1] : -1, o2 = left > 2 ? origins[i + 2] : -1, o3 = left > 3 ? origins[i + 3] : -1;
    let o = ip * 4 * K;
    if (o3 >= 0) {
      for (let p = 0; p < K; p++, o += 4) {
        const t = taps[p];
        pa[o] = x[o0 + t];
        pa[o + 1] = x[o1 + t];
        pa[o + 2] = x[o2 + t];
        pa[o + 3] = x[o3 + t];
      }
    } else {
      for (let p = 0; p < K; p++, o += 4) {
        const t = taps[p];
        pa[o] = x[o0 + t];
        pa[o + 1] = o1 >= 0 ? x[o1 + t] : 0;
        pa[o + 2] = o2 >= 0 ? x[o2 + t] : 0;
        pa[o + 3] = 0;
      }
    }
  }
}

/**
 * Active windows [p0, p0+kc) as colsᵀ in gemmStreamK's 4-tap panels:
 * pa[(t>>2)·4kc + (p−p0)·4 + (t&3)] = x[origins[p] + tap t], taps past K zero.
 */
export function packActiveTaps(x: Float32Array, g: ConvGeometry, origins: Int32Array, p0: number, kc: number, pa: Panels): void {
  const K = g.fh * g.fw * g.c, Kp = (K + 3) & ~3;
  const taps = tapOffsets(g);
  for (let tp = 0; tp < Kp; tp += 4) {
    const n = Math.min(4, K - tp);
    const t0 = taps[tp], t1 = n > 1 ? taps[tp + 1] : 0, t2 = n > 2 ? taps[tp + 2] : 0, t3 = n > 3 ? taps[tp + 3] : 0;
    let q = (tp >> 2) * 4 * kc;
    if (n === 4) {
      for (let p = 0; p < kc; p++, q += 4) {
        const org = origins[p0 + p];
        pa[q] = x[org + t0];
        pa[q + 1] = x[org + t1];
        pa[q + 2] = x[org + t2];
        pa[q + 3] = x[org + t3];
      }
    } else {
      for (let p = 0; p < kc; p++, q += 4) {
        const org = origins[p0 + p];
        pa[q] = x[org + t0];
        pa[q + 1] = n > 1 ? x[org + t1] : 0;
        pa[q + 2] = n > 2 ? x[org + t2] : 0;
        pa[q + 3] = 0;
      }
    }
  }
}
