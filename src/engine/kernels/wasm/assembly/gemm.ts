// Packed SGEMM with a register-blocked SIMD128 micro-kernel (AssemblyScript → wasm).
//   C (m×n, row stride ldc) = op(A)·op(B)  (or C += …), float32, every pointer a byte offset.
// A element (i, p) sits at a[i·aRs + p·aCs] and B element (p, j) at b[p·bRs + j·bCs], so one
// routine serves A, Aᵀ, B and Bᵀ. Blocking (as in BLIS): B is packed KC×NC into 8-column
// panels (k-major), A MC×KC into 4-row panels; the 4×8 micro-kernel keeps its 32 sums in
// eight f32x4 registers: per step of k, two vector loads of B and four splats of A feed
// eight multiplies and eight adds, or eight fused multiply-adds (64 flops). (6×8 and 4×12
// tiles measured slower here: V8 has 16 vector registers and spilled their 12 sums.)

export const MR = 4;
export const NR = 8;
export const KC = 384;
export const MC = 128;
export const NC = 2048;
/** Bytes of work space gemm needs: A block, B block, one edge tile. */
export const GEMM_WORK: i32 = (MC * KC + NC * KC + MR * NR) * 4;

/**
 * c + a·b per lane. Built twice (scripts/build-wasm.mjs): with relaxed SIMD this is one fused
 * multiply-add (f32x4.relaxed_madd: rounded once, or twice where the hardware has no FMA),
 * else a multiply and an add. The flag is a compile-time constant, so no branch is left.
 */
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}

@inline export function at(base: usize, i: i32): usize {
  return base + (<usize>i << 2);
}

/** Write (or add to) the 4×8 tile at c, row stride ldc bytes, from its eight accumulators. */
@inline export function storeTile4x8(
  c: usize, ldc: usize, acc: bool,
  c00: v128, c01: v128, c10: v128, c11: v128, c20: v128, c21: v128, c30: v128, c31: v128,
): void {
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc));
    c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc));
    c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc));
    c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + ldc, c10);
  v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20);
  v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30);
  v128.store(c + 3 * ldc, c31, 16);
}

/** The 4×8 tile at c (row stride ldc bytes) = (or +=) Σ_p pa[p][0..4) ⊗ pb[p][0..8). */
export function micro4x8(pa: usize, pb: usize, kc: i32, c: usize, ldc: usize, acc: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    pa += 16;
    pb += 32;
  }
  storeTile4x8(c, ldc, acc, c00, c01, c10, c11, c20, c21, c30, c31);
}

/**
 * One tile of C from packed panels: a whole 4×8 tile in place, an edge tile (rows < 4 or
 * cols < 8: the panels are zero-padded) through a scratch tile, writing only cells inside C.
 */
export function tile(pa: usize, pb: usize, kc: i32, c: usize, ldc: i32, rows: i32, cols: i32, acc: bool, edge: usize): void {
  const ldcB = <usize>ldc << 2;
  if (rows == MR && cols == NR) {
    micro4x8(pa, pb, kc, c, ldcB, acc);
    return;
  }
  micro4x8(pa, pb, kc, edge, NR * 4, false);
  for (let i = 0; i < rows; i++) {
    const ci = c + <usize>i * ldcB, ei = at(edge, i * NR);
    for (let j = 0; j < cols; j++) {
      const v = load<f32>(at(ei, j));
      store<f32>(at(ci, j), acc ? load<f32>(at(ci, j)) + v : v);
    }
  }
}

/** Rows [i0, i0+mc) × cols [p0, p0+kc) of A into 4-row panels pa[panel][p][ii] (rows past mc zero). */
export function packA(a: usize, rs: i32, cs: i32, i0: i32, mc: i32, p0: i32, kc: i32, pa: usize): void {
  let o = pa;
  for (let ip = 0; ip < mc; ip += MR) {
    const rows = min(MR, mc - ip);
    const base = (i0 + ip) * rs + p0 * cs;
    if (rows == MR && cs == 1) {
      // row-major A: four rows, four k at a time, transposed in registers
      const r0 = at(a, base), r1 = at(a, base + rs), r2 = at(a, base + 2 * rs), r3 = at(a, base + 3 * rs);
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        transpose4(v128.load(at(r0, p)), v128.load(at(r1, p)), v128.load(at(r2, p)), v128.load(at(r3, p)), o);
        o += 64;
      }
      for (; p < kc; p++) {
        store<f32>(o, load<f32>(at(r0, p)));
        store<f32>(o, load<f32>(at(r1, p)), 4);
        store<f32>(o, load<f32>(at(r2, p)), 8);
        store<f32>(o, load<f32>(at(r3, p)), 12);
        o += 16;
      }
    } else if (rows == MR && rs == 1) {
      // column-major A (a transposed operand, e.g. the Gram matrix AᵀA): each k's four rows
      // are already side by side, one vector load
      for (let p = 0; p < kc; p++) {
        v128.store(o, v128.load(at(a, base + p * cs)));
        o += 16;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const q = base + p * cs;
        for (let ii = 0; ii < MR; ii++) store<f32>(at(o, ii), ii < rows ? load<f32>(at(a, q + ii * rs)) : 0);
        o += 16;
      }
    }
  }
}

/** Four rows (4 consecutive k each) stored as four k-steps of a 4-row panel at o. */
@inline export function transpose4(r0: v128, r1: v128, r2: v128, r3: v128, o: usize): void {
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const t1 = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const t2 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(o, i32x4.shuffle(t0, t2, 0, 1, 4, 5));
  v128.store(o, i32x4.shuffle(t0, t2, 2, 3, 6, 7), 16);
  v128.store(o, i32x4.shuffle(t1, t3, 0, 1, 4, 5), 32);
  v128.store(o, i32x4.shuffle(t1, t3, 2, 3, 6, 7), 48);
}

/** Rows [p0, p0+kc) × cols [j0, j0+nc) of B into 8-column panels pb[panel][p][jj] (cols past nc zero). */
export function packB(b: usize, rs: i32, cs: i32, p0: i32, kc: i32, j0: i32, nc: i32, pb: usize): void {
  let o = pb;
  for (let jp = 0; jp < nc; jp += NR) {
    const cols = min(NR, nc - jp);
    const base = p0 * rs + (j0 + jp) * cs;
    if (cols == NR && cs == 1) {
      for (let p = 0; p < kc; p++) {
        const q = at(b, base + p * rs);
        v128.store(o, v128.load(q));
        v128.store(o, v128.load(q, 16), 16);
        o += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const q = base + p * rs;
        for (let jj = 0; jj < NR; jj++) store<f32>(at(o, jj), jj < cols ? load<f32>(at(b, q + jj * cs)) : 0);
        o += 32;
      }
    }
  }
}

/** Every tile of an mc×nc block of C from packed panels (A block at pa, B block at pb). */
export function macro(pa: usize, pb: usize, mc: i32, nc: i32, kc: i32, c: usize, ldc: i32, acc: bool, edge: usize): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const cols = min(NR, nc - jr);
    const bp = pb + <usize>(jr * kc) * 4;
    for (let ir = 0; ir < mc; ir += MR) {
      tile(pa + <usize>(ir * kc) * 4, bp, kc, at(c, ir * ldc + jr), ldc, min(MR, mc - ir), cols, acc, edge);
    }
  }
}

/** Blocks of k of even length (a multiple of 4, at most KC): 576 → 2 × 288, not 384 + 192. */
export function kcStep(k: i32): i32 {
  const blocks = (k + KC - 1) / KC;
  return min(KC, (((k + blocks - 1) / blocks) + 3) & ~3);
}

/** C = op(A)·op(B), or C += … when acc. work: GEMM_WORK bytes. */
export function gemm(
  m: i32, n: i32, k: i32,
  a: usize, aRs: i32, aCs: i32,
  b: usize, bRs: i32, bCs: i32,
  c: usize, ldc: i32, acc: bool, work: usize,
): void {
  if (m <= 0 || n <= 0) return;
  if (k <= 0) {
    if (!acc) for (let i = 0; i < m; i++) memory.fill(at(c, i * ldc), 0, <usize>n << 2);
    return;
  }
  const pa = work, pb = work + <usize>(MC * KC) * 4, edge = pb + <usize>(NC * KC) * 4;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    const step = kcStep(k);
    for (let pc = 0; pc < k; pc += step) {
      const kc = min(step, k - pc);
      packB(b, bRs, bCs, pc, kc, jc, nc, pb);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a, aRs, aCs, ic, mc, pc, kc, pa);
        macro(pa, pb, mc, nc, kc, at(c, ic * ldc + jc), ldc, acc || pc > 0, edge);
      }
    }
  }
}
