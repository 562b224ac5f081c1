// conv2d (NHWC × HWIO) as GEMMs whose A panels are gathered straight from the input.
// Every routine works on the PADDED input xp (hp × wp, the zero border written out), so each
// window lies inside it and window r's tap t sits at xp[origin(r) + taps[t]]:
//   origin(r) = ((b·hp + oy·sh)·wp + ox·sw)·c,   taps[(ky·fw + kx)·c + ci] = (ky·wp + kx)·c + ci.
//   forward  y  = cols · W          (cols[r][t] gathered into 4-row panels of A)
//   filter   dw = colsᵀ · dy        (colsᵀ gathered into 4-tap panels of A)
//   data     dxp = col2im(dy · Wᵀ)  (blocks of rows, scattered back onto their windows)
import { at, gemm, GEMM_WORK, KC, kcStep, macro, madd, MC, MR, NC, NR, packB, storeTile4x8, transpose4 } from './gemm';

/** Bytes of work space the conv routines need for a filter of K taps. */
export function convWork(K: i32): i32 {
  const dcols = max(MR, min(65536 / K, 4096)) * K;
  return (((K + 7) & ~3) + KC + 4) * 4 + GEMM_WORK + dcols * 4 + 64;
}

/** xp (n × hp × wp × c, zeroed here) = x with `top` rows and `left` columns of zeros before it. */
export function padInto(x: usize, n: i32, h: i32, w: i32, c: i32, top: i32, left: i32, hp: i32, wp: i32, xp: usize): void {
  memory.fill(xp, 0, <usize>(n * hp * wp * c) << 2);
  const row = <usize>(w * c) << 2;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < h; y++) memory.copy(at(xp, ((b * hp + y + top) * wp + left) * c), at(x, (b * h + y) * w * c), row);
  }
}

/** dx = the interior of dxp (the padding's share of the gradient is dropped). */
export function cropFrom(dxp: usize, n: i32, hp: i32, wp: i32, c: i32, top: i32, left: i32, h: i32, w: i32, dx: usize): void {
  const row = <usize>(w * c) << 2;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < h; y++) memory.copy(at(dx, (b * h + y) * w * c), at(dxp, ((b * hp + y + top) * wp + left) * c), row);
  }
}

/** taps[t] for t < K; K..K+3 get −1 (a tap past the filter: reads as zero). */
function makeTaps(fh: i32, fw: i32, c: i32, wp: i32, taps: usize): void {
  let t = 0;
  for (let ky = 0; ky < fh; ky++) for (let kx = 0; kx < fw; kx++) for (let ci = 0; ci < c; ci++) store<i32>(at(taps, t++), (ky * wp + kx) * c + ci);
  for (let j = 0; j < 4; j++) store<i32>(at(taps, t + j), -1);
}

/** origins[i] of rows [r0, r0+count). */
function makeOrigins(r0: i32, count: i32, hp: i32, wp: i32, c: i32, sh: i32, sw: i32, oh: i32, ow: i32, origins: usize): void {
  let b = r0 / (oh * ow);
  let rem = r0 - b * oh * ow;
  let oy = rem / ow, ox = rem - oy * ow;
  for (let i = 0; i < count; i++) {
    store<i32>(at(origins, i), ((b * hp + oy * sh) * wp + ox * sw) * c);
    if (++ox == ow) {
      ox = 0;
      if (++oy == oh) {
        oy = 0;
        b++;
      }
    }
  }
}

/** Whether taps t..t+3 are four neighbouring channels of one pixel (one vector load). */
@inline function run4(taps: usize, t: i32): bool {
  const t0 = load<i32>(at(taps, t));
  return t0 >= 0 && load<i32>(at(taps, t + 3)) == t0 + 3;
}

/** A panels for rows [0, mc) of the block (their origins) × taps [pc, pc+kc): pa[panel][p][row]. */
function packWindows(xp: usize, origins: usize, taps: usize, pc: i32, kc: i32, mc: i32, pa: usize): void {
  let o = pa;
  for (let ip = 0; ip < mc; ip += MR) {
    const rows = min(MR, mc - ip);
    if (rows == MR) {
      const g0 = at(xp, load<i32>(at(origins, ip))), g1 = at(xp, load<i32>(at(origins, ip + 1)));
      const g2 = at(xp, load<i32>(at(origins, ip + 2))), g3 = at(xp, load<i32>(at(origins, ip + 3)));
      let p = 0;
      while (p < kc) {
        const t = pc + p;
        if (p + 4 <= kc && run4(taps, t)) {
          const q = <usize>load<i32>(at(taps, t)) << 2;
          transpose4(v128.load(g0 + q), v128.load(g1 + q), v128.load(g2 + q), v128.load(g3 + q), o);
          o += 64;
          p += 4;
        } else {
          const q = <usize>load<i32>(at(taps, t)) << 2;
          store<f32>(o, load<f32>(g0 + q));
          store<f32>(o, load<f32>(g1 + q), 4);
          store<f32>(o, load<f32>(g2 + q), 8);
          store<f32>(o, load<f32>(g3 + q), 12);
          o += 16;
          p++;
        }
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const tq = load<i32>(at(taps, pc + p));
        for (let ii = 0; ii < MR; ii++) store<f32>(at(o, ii), ii < rows ? load<f32>(at(xp, load<i32>(at(origins, ip + ii)) + tq)) : 0);
        o += 16;
      }
    }
  }
}

/** y (M×N) = cols·W, or y += cols·W when acc (y holds the bias). */
export function convForward(
  xp: usize, n: i32, hp: i32, wp: i32, c: i32, fh: i32, fw: i32, sh: i32, sw: i32, oh: i32, ow: i32,
  w: usize, N: i32, y: usize, acc: bool, work: usize,
): void {
  const K = fh * fw * c, M = n * oh * ow;
  const taps = work, origins = taps + <usize>((K + 7) & ~3) * 4;
  const pa = origins + <usize>(KC + 4) * 4, pb = pa + <usize>(MC * KC) * 4, edge = pb + <usize>(NC * KC) * 4;
  makeTaps(fh, fw, c, wp, taps);
  if (N <= 2 * NR || c < 4) {
    packB(w, N, 1, 0, K, 0, N, pb);
    convForwardDirect(xp, M, K, N, hp, wp, c, sh, sw, oh, ow, taps, origins, pb, edge, y, acc);
    return;
  }
  const step = kcStep(K);
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < K; pc += step) {
      const kc = min(step, K - pc);
      packB(w, N, 1, pc, kc, jc, nc, pb);
      for (let ic = 0; ic < M; ic += MC) {
        const mc = min(MC, M - ic);
        makeOrigins(ic, mc, hp, wp, c, sh, sw, oh, ow, origins);
        packWindows(xp, origins, taps, pc, kc, mc, pa);
        macro(pa, pb, mc, nc, kc, at(y, ic * N + jc), N, acc || pc > 0, edge);
      }
    }
  }
}

/**
 * The 4×8 tile of outputs for the windows at g0..g3 × filters [jr, jr+8), reading each tap
 * straight from the input (no packed copy of the windows): with few filters each window
 * value serves one or two B panels only, so gathering it into a panel first costs more
 * than it saves. Tap p of window i is xp[g_i + taps[p]]; pb is the B panel (k-major, 8 wide).
 */
function directTile(g0: usize, g1: usize, g2: usize, g3: usize, taps: usize, pb: usize, kc: i32, c: usize, ldc: usize, acc: bool): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const end = taps + (<usize>kc << 2);
  for (let t = taps; t < end; t += 4) {
    const q = <usize>load<i32>(t) << 2;
    const b0 = v128.load(pb), b1 = v128.load(pb, 16);
    let a = v128.load32_splat(g0 + q);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(g1 + q);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(g2 + q);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(g3 + q);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    pb += 32;
  }
  storeTile4x8(c, ldc, acc, c00, c01, c10, c11, c20, c21, c30, c31);
}

/**
 * The forward for few filters (N ≤ 16) or few channels (c < 4: a first layer), where every
 * tile reads its windows straight from xp. (On 1×56×56×64 ⊛ 3×3×64 the packed path won.)
 */
function convForwardDirect(
  xp: usize, M: i32, K: i32, N: i32, hp: i32, wp: i32, c: i32, sh: i32, sw: i32, oh: i32, ow: i32,
  taps: usize, origins: usize, pb: usize, edge: usize, y: usize, acc: bool,
): void {
  for (let ic = 0; ic < M; ic += KC) {
    const mc = min(KC, M - ic);
    makeOrigins(ic, mc, hp, wp, c, sh, sw, oh, ow, origins);
    for (let ir = 0; ir < mc; ir += MR) {
      const rows = min(MR, mc - ir), last = ir + rows - 1;
      // a last partial group repeats its last window (same values; only real rows are written)
      const g0 = at(xp, load<i32>(at(origins, ir))), g1 = at(xp, load<i32>(at(origins, min(ir + 1, last))));
      const g2 = at(xp, load<i32>(at(origins, min(ir + 2, last)))), g3 = at(xp, load<i32>(at(origins, min(ir + 3, last))));
      for (let jr = 0; jr < N; jr += NR) {
        const cols = min(NR, N - jr), bp = pb + <usize>(jr * K) * 4, cp = at(y, (ic + ir) * N + jr);
        if (rows == MR && cols == NR) directTile(g0, g1, g2, g3, taps, bp, K, cp, <usize>N << 2, acc);
        else {
          directTile(g0, g1, g2, g3, taps, bp, K, edge, NR * 4, false);
          for (let i = 0; i < rows; i++) {
            const ci = at(cp, i * N), ei = at(edge, i * NR);
            for (let j = 0; j < cols; j++) {
              const v = load<f32>(at(ei, j));
              store<f32>(at(ci, j), acc ? load<f32>(at(ci, j)) + v : v);
            }
          }
        }
      }
    }
  }
}

/** A panels for taps [t0, t0+mc) (rows of colsᵀ) × the block's kc positions: pa[panel][p][tap]. */
function packTaps(xp: usize, origins: usize, taps: usize, t0: i32, mc: i32, K: i32, kc: i32, pa: usize): void {
  let o = pa;
  for (let ip = 0; ip < mc; ip += MR) {
    const t = t0 + ip;
    if (t + 4 <= K && run4(taps, t)) {
      const q = <usize>load<i32>(at(taps, t)) << 2;
      for (let p = 0; p < kc; p++, o += 16) v128.store(o, v128.load(at(xp, load<i32>(at(origins, p))) + q));
    } else {
      for (let p = 0; p < kc; p++, o += 16) {
        const g = load<i32>(at(origins, p));
        for (let j = 0; j < MR; j++) {
          const tj = t + j;
          store<f32>(at(o, j), tj < K && ip + j < mc ? load<f32>(at(xp, g + load<i32>(at(taps, tj)))) : 0);
        }
      }
    }
  }
}

/** dw (K×N, overwritten) = colsᵀ · dy. */
export function convBackwardFilter(
  xp: usize, n: i32, hp: i32, wp: i32, c: i32, fh: i32, fw: i32, sh: i32, sw: i32, oh: i32, ow: i32,
  dy: usize, N: i32, dw: usize, work: usize,
): void {
  const K = fh * fw * c, M = n * oh * ow;
  const taps = work, origins = taps + <usize>((K + 7) & ~3) * 4;
  const pa = origins + <usize>(KC + 4) * 4, pb = pa + <usize>(MC * KC) * 4, edge = pb + <usize>(NC * KC) * 4;
  makeTaps(fh, fw, c, wp, taps);
  if (M == 0) {
    memory.fill(dw, 0, <usize>(K * N) << 2);
    return;
  }
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    for (let pc = 0; pc < M; pc += KC) {
      const kc = min(KC, M - pc);
      makeOrigins(pc, kc, hp, wp, c, sh, sw, oh, ow, origins);
      packB(dy, N, 1, pc, kc, jc, nc, pb);
      for (let ic = 0; ic < K; ic += MC) {
        const mc = min(MC, K - ic);
        packTaps(xp, origins, taps, ic, mc, K, kc, pa);
        macro(pa, pb, mc, nc, kc, at(dw, ic * N + jc), N, pc > 0, edge);
      }
    }
  }
}

/** dxp (padded, overwritten) = col2im(dy · Wᵀ), a block of rows at a time. */
export function convBackwardData(
  n: i32, hp: i32, wp: i32, c: i32, fh: i32, fw: i32, sh: i32, sw: i32, oh: i32, ow: i32,
  dy: usize, N: i32, w: usize, dxp: usize, work: usize,
): void {
  const K = fh * fw * c, M = n * oh * ow;
  const taps = work, origins = taps + <usize>((K + 7) & ~3) * 4;
  const gw = origins + <usize>(KC + 4) * 4, dcols = gw + <usize>GEMM_WORK;
  const R = max(MR, min(65536 / K, 4096));
  makeTaps(fh, fw, c, wp, taps);
  memory.fill(dxp, 0, <usize>(n * hp * wp * c) << 2);
  for (let r0 = 0; r0 < M; r0 += R) {
    const rows = min(R, M - r0);
    // dcols = dy[r0 .. r0+rows) · Wᵀ   (Wᵀ[j][t] = w[t·N + j])
    gemm(rows, K, N, at(dy, r0 * N), N, 1, w, 1, N, dcols, K, false, gw);
    for (let i = 0; i < rows; i += KC) {
      const cnt = min(KC, rows - i);
      makeOrigins(r0 + i, cnt, hp, wp, c, sh, sw, oh, ow, origins);
      for (let rl = 0; rl < cnt; rl++) scatterRow(at(dxp, load<i32>(at(origins, rl))), taps, K, at(dcols, (i + rl) * K));
    }
  }
}

/** dx[window + taps[t]] += dcol[t] for every tap (a vector at a time over neighbouring channels). */
function scatterRow(g: usize, taps: usize, K: i32, dcol: usize): void {
  let t = 0;
  while (t < K) {
    const q = g + (<usize>load<i32>(at(taps, t)) << 2);
    if (t + 4 <= K && run4(taps, t)) {
      v128.store(q, f32x4.add(v128.load(q), v128.load(at(dcol, t))));
      t += 4;
    } else {
      store<f32>(q, load<f32>(q) + load<f32>(at(dcol, t)));
      t++;
    }
  }
}

/** y[r][k] = bias[k] for each of the M rows (the forward then adds cols·W). */
export function fillRows(y: usize, bias: usize, M: i32, N: i32): void {
  const row = <usize>N << 2;
  for (let r = 0; r < M; r++) memory.copy(y + <usize>r * row, bias, row);
}
