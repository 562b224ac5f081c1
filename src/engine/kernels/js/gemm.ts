// C (m×n) = op(A) (m×k) · op(B) (k×n), row-major Float32, op = identity or transpose.
// Packed and register-blocked: B is packed into panels of 4 columns and A into panels of
// 4 rows (both k-major, zero-padded to a multiple of 4), then a 4×4 micro-kernel keeps
// sixteen partial sums in registers: 8 loads per 16 multiply-adds. Blocking over k (KC)
// and m (MC) keeps the panels in cache. Sums run in double precision inside the kernel.

// Packed panels: ONE plain JS array of doubles (A's region first, then B's), not a
// Float64Array. V8 keeps such an array as unboxed doubles (PACKED_DOUBLE_ELEMENTS) and its
// loads are cheaper than a typed array's: the kernel ran ~14% faster (~10% of that from
// one array instead of two: one map and bounds check per step). The array must only ever
// hold numbers, and is built by push (never holey), or V8 would fall back to slow elements.
export type Panels = number[];
let packBuf: Panels = [];
function packBuffer(size: number): Panels {
  if (packBuf.length < size) {
    const a: Panels = [0.5];
    const want = Math.max(size, Math.ceil(packBuf.length * 1.5));
    while (a.length < want) a.push(0.5);
    a.fill(0);
    packBuf = a;
  }
  return packBuf;
}

const KC = 256;
const MC = 96;
const NC = 1024;

export interface GemmOptions {
  /** A is stored k×m (use Aᵀ). */
  transA?: boolean;
  /** B is stored n×k (use Bᵀ). */
  transB?: boolean;
  /** C += A·B instead of C = A·B. */
  accumulate?: boolean;
}

/** Pack rows [i0, i0+mc) × cols [p0, p0+kc) of A into 4-row panels: pa[panel][p][ii]. */
function packA(a: Float32Array, rs: number, cs: number, i0: number, mc: number, p0: number, kc: number, pa: Panels): void {
  let o = 0;
  for (let ip = 0; ip < mc; ip += 4) {
    const rows = Math.min(4, mc - ip);
    const base = (i0 + ip) * rs + p0 * cs;
    if (rows === 4) {
      for (let p = 0, q = base; p < kc; p++, q += cs) {
        pa[o] = a[q];
        pa[o + 1] = a[q + rs];
        pa[o + 2] = a[q + 2 * rs];
        pa[o + 3] = a[q + 3 * rs];
        o += 4;
      }
    } else {
      for (let p = 0, q = base; p < kc; p++, q += cs) {
        for (let ii = 0; ii < 4; ii++) pa[o + ii] = ii < rows ? a[q + ii * rs] : 0;
        o += 4;
      }
    }
  }
}

/** Pack rows [p0, p0+kc) × cols [j0, j0+nc) of B into 4-column panels from pb[o]: pb[o + panel·4kc + p·4 + jj]. */
function packB(b: Float32Array, rs: number, cs: number, p0: number, kc: number, j0: number, nc: number, pb: Panels, o: number): void {
  for (let jp = 0; jp < nc; jp += 4) {
    const cols = Math.min(4, nc - jp);
    const base = p0 * rs + (j0 + jp) * cs;
    if (cols === 4) {
      for (let p = 0, q = base; p < kc; p++, q += rs) {
        pb[o] = b[q];
        pb[o + 1] = b[q + cs];
        pb[o + 2] = b[q + 2 * cs];
        pb[o + 3] = b[q + 3 * cs];
        o += 4;
      }
    } else {
      for (let p = 0, q = base; p < kc; p++, q += rs) {
        for (let jj = 0; jj < 4; jj++) pb[o + jj] = jj < cols ? b[q + jj * cs] : 0;
        o += 4;
      }
    }
  }
}

/** The 4×4 micro-kernel: C[ci..] += Apanel · Bpanel over kc steps (rows/cols clip the edge). */
function kernel4x4(
  pk: Panels, ai: number, bi: number, kc: number,
  c: Float32Array, ci: number, ldc: number, rows: number, cols: number, add: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  // one index walks both panels (d = their offset): fewer live registers in the loop
  // (`| 0` tells V8 the indices are small integers: no overflow checks in the loop)
  const d = (bi - ai) | 0;
  const end = (ai + 4 * kc) | 0;
  for (let i = ai | 0; i < end; i = (i + 4) | 0) {
    const j = (i + d) | 0;
    const b0 = pk[j], b1 = pk[(j + 1) | 0], b2 = pk[(j + 2) | 0], b3 = pk[(j + 3) | 0];
    let a = pk[i];
    c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
    a = pk[(i + 1) | 0];
    c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
    a = pk[(i + 2) | 0];
    c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
    a = pk[(i + 3) | 0];
    c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
  }
  if (rows === 4 && cols === 4) {
    let q = ci;
    if (add) {
      c[q] += c00; c[q + 1] += c01; c[q + 2] += c02; c[q + 3] += c03; q += ldc;
      c[q] += c10; c[q + 1] += c11; c[q + 2] += c12; c[q + 3] += c13; q += ldc;
      c[q] += c20; c[q + 1] += c21; c[q + 2] += c22; c[q + 3] += c23; q += ldc;
      c[q] += c30; c[q + 1] += c31; c[q + 2] += c32; c[q + 3] += c33;
    } else {
      c[q] = c00; c[q + 1] = c01; c[q + 2] = c02; c[q + 3] = c03; q += ldc;
      c[q] = c10; c[q + 1] = c11; c[q + 2] = c12; c[q + 3] = c13; q += ldc;
      c[q] = c20; c[q + 1] = c21; c[q + 2] = c22; c[q + 3] = c23; q += ldc;
      c[q] = c30; c[q + 1] = c31; c[q + 2] = c32; c[q + 3] = c33;
    }
    return;
  }
  if (!add) {
    // edge tile of a fresh C: clear the cells inside C, then add as below
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) c[ci + i * ldc + j] = 0;
  }
  // edge tile: write only the rows/cols inside C
  const r1 = ci + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
  c[ci] += c00;
  if (cols > 1) c[ci + 1] += c01;
  if (cols > 2) c[ci + 2] += c02;
  if (cols > 3) c[ci + 3] += c03;
  if (rows > 1) {
    c[r1] += c10;
    if (cols > 1) c[r1 + 1] += c11;
    if (cols > 2) c[r1 + 2] += c12;
    if (cols > 3) c[r1 + 3] += c13;
  }
  if (rows > 2) {
    c[r2] += c20;
    if (cols > 1) c[r2 + 1] += c21;
    if (cols > 2) c[r2 + 2] += c22;
    if (cols > 3) c[r2 + 3] += c23;
  }
  if (rows > 3) {
    c[r3] += c30;
    if (cols > 1) c[r3 + 1] += c31;
    if (cols > 2) c[r3 + 2] += c32;
    if (cols > 3) c[r3 + 3] += c33;
  }
}

/**
 * C = op(A)·op(B) (or C += … with accumulate). C is m×n row-major, contiguous (ldc = n).
 * A is m×k (or k×m with transA); B is k×n (or n×k with transB).
 */
export function gemm(
  m: number, n: number, k: number,
  a: Float32Array, b: Float32Array, c: Float32Array,
  opts: GemmOptions = {},
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!opts.accumulate) c.fill(0, 0, m * n);
    return;
  }
  const acc = opts.accumulate === true;
  // strides of the logical A (m×k) and B (k×n)
  const aRs = opts.transA ? 1 : k, aCs = opts.transA ? m : 1;
  const bRs = opts.transB ? 1 : n, bCs = opts.transB ? k : 1;
  const ldc = n;
  const ncMax = Math.min(NC, n), kcMax = Math.min(KC, k), mcMax = Math.min(MC, m);
  const bOff = (Math.ceil(mcMax / 4) * 4) * kcMax; // B's panels after A's
  const pk = packBuffer(bOff + (Math.ceil(ncMax / 4) * 4) * kcMax);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bRs, bCs, pc, kc, jc, nc, pk, bOff);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, aRs, aCs, ic, mc, pc, kc, pk);
        for (let jr = 0; jr < nc; jr += 4) {
          const cols = Math.min(4, nc - jr);
          const bi = bOff + (jr >> 2) * 4 * kc;
          for (let ir = 0; ir < mc; ir += 4) {
            const rows = Math.min(4, mc - ir);
            kernel4x4(pk, (ir >> 2) * 4 * kc, bi, kc, c, (ic + ir) * ldc + jc + jr, ldc, rows, cols, acc || pc > 0);
          }
        }
      }
    }
  }
}

/** Rows of A packed per block by gemmStreamA: about 64 KB of panels (doubles), a multiple of 4. */
export function streamBlockRows(k: number): number {
  return Math.max(4, Math.min(256, Math.floor(8192 / Math.max(1, k)) & ~3));
}

/**
 * C = A·op(B) (or C += …) where A (m×k) is produced block by block by `packRows(r0, rows, pa)`,
 * which must write rows [r0, r0+rows) as 4-row panels over the full k:
 * pa[((r−r0)>>2)·4k + p·4 + ((r−r0)&3)] = A[r][p]  (rows past m zero), and nothing else:
 * pa is the GEMM's whole panel array (B's panels follow the block).
 * A producer such as im2col writes this directly, and each block is consumed while it is
 * still in cache: the columns are never materialised whole nor packed twice.
 */
export function gemmStreamA(
  m: number, n: number, k: number,
  packRows: (r0: number, rows: number, pa: Panels) => void,
  b: Float32Array, c: Float32Array,
  opts: { transB?: boolean; accumulate?: boolean } = {},
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!opts.accumulate) c.fill(0, 0, m * n);
    return;
  }
  const acc = opts.accumulate === true;
  const bRs = opts.transB ? 1 : n, bCs = opts.transB ? k : 1;
  const ldc = n;
  // B whole (k × n in 4-column panels over the full k): conv filters are small
  const mcMax = streamBlockRows(k);
  const bOff = mcMax * k; // B's panels after the block of A's
  const pk = packBuffer(bOff + Math.ceil(n / 4) * 4 * k);
  packB(b, bRs, bCs, 0, k, 0, n, pk, bOff);
  for (let ic = 0; ic < m; ic += mcMax) {
    const mc = Math.min(mcMax, m - ic);
    packRows(ic, mc, pk);
    for (let jr = 0; jr < n; jr += 4) {
      const cols = Math.min(4, n - jr);
      const bi = bOff + (jr >> 2) * 4 * k;
      for (let ir = 0; ir < mc; ir += 4) {
        kernel4x4(pk, (ir >> 2) * 4 * k, bi, k, c, (ic + ir) * ldc + jr, ldc, Math.min(4, mc - ir), cols, acc);
      }
    }
  }
}

/**
 * C = A·B (or C += …) where A (m×k) is produced block by block ALONG k by
 * `packCols(p0, kc, pa)`, which must write columns [p0, p0+kc) of A as 4-row panels:
 * pa[(i>>2)·4kc + (p−p0)·4 + (i&3)] = A[i][p] for every row i < ⌈m/4⌉·4 (rows past m zero),
 * and nothing else (B's panels follow in the same array).
 * B is k×n, row-major Float32. This is the filter gradient's shape: dw = colsᵀ·dy sums over
 * all output positions (k), and the producer gathers colsᵀ straight from the input image
 * (no im2col matrix, no second packing pass).
 */
export function gemmStreamK(
  m: number, n: number, k: number,
  packCols: (p0: number, kc: number, pa: Panels) => void,
  b: Float32Array, c: Float32Array,
  opts: { accumulate?: boolean } = {},
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!opts.accumulate) c.fill(0, 0, m * n);
    return;
  }
  const acc = opts.accumulate === true;
  const mp = Math.ceil(m / 4) * 4, np = Math.ceil(n / 4) * 4;
  // a block of k as long as ~512 KB of panels allows: long kernel loops, few C updates
  const kcMax = Math.max(4, Math.min(k, Math.floor(65536 / (mp + np))));
  const bOff = mp * kcMax;
  const pk = packBuffer(bOff + np * kcMax);
  for (let pc = 0; pc < k; pc += kcMax) {
    const kc = Math.min(kcMax, k - pc);
    packCols(pc, kc, pk);
    packB(b, n, 1, pc, kc, 0, n, pk, bOff);
    // B (n is a layer's channel count: small) is the panel set reused, so it goes inner
    for (let ir = 0; ir < m; ir += 4) {
      const rows = Math.min(4, m - ir), ai = (ir >> 2) * 4 * kc;
      for (let jr = 0; jr < n; jr += 4) {
        kernel4x4(pk, ai, bOff + (jr >> 2) * 4 * kc, kc, c, ir * n + jr, n, rows, Math.min(4, n - jr), acc || pc > 0);
      }
    }
  }
}

/** Reference triple loop (tests and tiny sizes). */
export function gemmNaive(
  m: number, n: number, k: number,
  a: Float32Array, b: Float32Array, c: Float32Array,
  opts: GemmOptions = {},
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = opts.accumulate ? c[i * n + j] : 0;
      for (let p = 0; p < k; p++) {
        const av = opts.transA ? a[p * m + i] : a[i * k + p];
        const bv = opts.transB ? b[j * k + p] : b[p * n + j];
        s += av * bv;
      }
      c[i * n + j] = s;
    }
  }
}

// Warm-up at load: run every path (edge tiles, fresh and accumulating C, both transposes,
// the streamed form) once on tiny matrices, so V8 has type feedback for all of them before
// any loop gets hot. Otherwise code compiled mid-loop (on-stack replacement) lacks feedback
// for a path not yet seen (an edge tile) and is thrown away each time it reaches it — a
// deopt loop that cost thousands of deopts per benchmark run.
function warmUp(): void {
  const a = new Float32Array(30), b = new Float32Array(30), c = new Float32Array(36);
  for (let i = 0; i < 30; i++) {
    a[i] = i % 7;
    b[i] = i % 5;
  }
  for (const [m, n, k] of [[5, 6, 5], [4, 4, 4], [6, 5, 5]]) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        for (const accumulate of [false, true]) gemm(m, n, k, a, b, c, { transA, transB, accumulate });
      }
    }
  }
  const pack = (r0: number, rows: number, pa: Panels) => {
    for (let q = 0; q < Math.ceil(rows / 4) * 20; q++) pa[q] = (r0 + q) % 3;
  };
  for (const accumulate of [false, true]) {
    gemmStreamA(5, 6, 5, pack, b, c, { accumulate });
    gemmStreamA(6, 5, 5, pack, b, c, { transB: true, accumulate });
    gemmStreamA(4, 4, 5, pack, b, c, { accumulate });
    gemmStreamK(5, 6, 5, (p0, _kc, pa) => pack(p0, 8, pa), b, c, { accumulate });
    gemmStreamK(4, 4, 5, (p0, _kc, pa) => pack(p0, 4, pa), b, c, { accumulate });
  }
  c.fill(0);
}
warmUp();
