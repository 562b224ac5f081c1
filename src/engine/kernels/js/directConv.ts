// Direct convolution for inputs with few channels (a first layer: grey c = 1, colour c = 3).
// The im2col + GEMM path copies every window into packed panels before multiplying; with
// c = 1 each copied value then serves only the few filters (8 on LeNet), so the copy costs
// a third of the layer. Here a 4×4 tile of outputs (4 neighbouring pixels of one output row
// × 4 filters) reads its four windows straight from x: for tap p the four values sit at
// x[o + t_p + j·s·c], j = 0..3, one stride apart. Sixteen sums stay in registers, as in the
// GEMM's micro-kernel, and nothing is packed but the (small) filters.
//   LeNet's first layer, 32×28×28×1 → 5×5×8: 4.3 → 3.7 ms (`npm run bench -- conv`).
// On a mostly-background input (MNIST) the GEMM on the non-empty windows only is faster
// still (see activeWindows.ts), so conv2d takes this path for dense inputs.
import type { Panels } from './gemm';
import type { ConvGeometry } from './im2col';
import { tapOffsets } from './im2col';

/** Few enough channels for the direct path (and at least one group of 4 output columns). */
export function directConvApplies(g: ConvGeometry): boolean {
  return g.c < 4 && g.ow >= 4;
}

// The filters as 4-column panels of doubles (see gemm.ts: a plain array of numbers loads
// faster than a typed array in the kernel), grown by push so it stays packed.
let pb: Panels = [];
function filterPanels(w: Float32Array, K: number, N: number): Panels {
  const size = Math.ceil(N / 4) * 4 * K;
  while (pb.length < size) pb.push(0.5);
  for (let jp = 0, o = 0; jp < N; jp += 4) {
    for (let p = 0; p < K; p++) {
      for (let jj = 0; jj < 4; jj++, o++) pb[o] = jp + jj < N ? w[p * N + jp + jj] : 0;
    }
  }
  return pb;
}

/** y = bias + conv(x, w) on a PADDED geometry (top = left = 0, every window inside). */
export function directConvForward(x: Float32Array, g: ConvGeometry, w: Float32Array, bias: Float32Array | null, y: Float32Array, N: number): void {
  const K = g.fh * g.fw * g.c;
  sweep(x, g, tapOffsets(g), K, filterPanels(w, K, N), bias, y, N);
}

function sweep(
  x: Float32Array, g: ConvGeometry, taps: Int32Array, K: number, panels: Panels, bias: Float32Array | null,
  y: Float32Array, N: number,
): void {
  const { n, h, w, c, sh, sw, oh, ow } = g;
  const step = sw * c, G = Math.ceil(ow / 4);
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < oh; oy++) {
      const rowOrigin = (b * h + oy * sh) * w * c, yRow = (b * oh + oy) * ow;
      for (let q = 0; q < G; q++) {
        // the last group ends at the row's end (it may overlap the one before: same values)
        const ox0 = Math.min(q * 4, ow - 4);
        const o = rowOrigin + ox0 * step, yo = (yRow + ox0) * N;
        for (let jp = 0; jp < N; jp += 4) tile(x, o, step, taps, K, panels, jp * K, bias, jp, y, yo + jp, N, Math.min(4, N - jp));
      }
    }
  }
}

/** Four neighbouring output pixels × filters [k0, k0+cols): y = bias + Σ_p window_p · w_p. */
function tile(
  x: Float32Array, o: number, step: number, taps: Int32Array, K: number, pk: Panels, bi: number,
  bias: Float32Array | null, k0: number, y: Float32Array, yo: number, N: number, cols: number,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  const s2 = 2 * step, s3 = 3 * step;
  for (let p = 0, i = bi; p < K; p++, i += 4) {
    const t = o + taps[p];
    const b0 = pk[i], b1 = pk[i + 1], b2 = pk[i + 2], b3 = pk[i + 3];
    let a = x[t];
    c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
    a = x[t + step];
    c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
    a = x[t + s2];
    c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
    a = x[t + s3];
    c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
  }
  const z0 = bias ? bias[k0] : 0;
  const z1 = bias && cols > 1 ? bias[k0 + 1] : 0;
  const z2 = bias && cols > 2 ? bias[k0 + 2] : 0;
  const z3 = bias && cols > 3 ? bias[k0 + 3] : 0;
  if (cols === 4) {
    let q = yo;
    y[q] = z0 + c00; y[q + 1] = z1 + c01; y[q + 2] = z2 + c02; y[q + 3] = z3 + c03; q += N;
    y[q] = z0 + c10; y[q + 1] = z1 + c11; y[q + 2] = z2 + c12; y[q + 3] = z3 + c13; q += N;
    y[q] = z0 + c20; y[q + 1] = z1 + c21; y[q + 2] = z2 + c22; y[q + 3] = z3 + c23; q += N;
    y[q] = z0 + c30; y[q + 1] = z1 + c31; y[q + 2] = z2 + c32; y[q + 3] = z3 + c33;
    return;
  }
  // the last filters when N is not a multiple of 4: write only those that exist
  for (let j = 0, q = yo; j < 4; j++, q += N) {
    const r0 = j === 0 ? c00 : j === 1 ? c10 : j === 2 ? c20 : c30;
    const r1 = j === 0 ? c01 : j === 1 ? c11 : j === 2 ? c21 : c31;
    const r2 = j === 0 ? c02 : j === 1 ? c12 : j === 2 ? c22 : c32;
    y[q] = z0 + r0;
    if (cols > 1) y[q + 1] = z1 + r1;
    if (cols > 2) y[q + 2] = z2 + r2;
  }
}

// Warm-up at load (see gemm.ts): full and partial filter panels, with and without bias, get
// type feedback before any loop is hot.
{
  const g: ConvGeometry = { n: 1, h: 3, w: 6, c: 1, fh: 2, fw: 2, sh: 1, sw: 1, top: 0, left: 0, oh: 2, ow: 5 };
  const x = new Float32Array(18).fill(1), y = new Float32Array(2 * 5 * 6);
  for (const N of [4, 6]) {
    const w = new Float32Array(4 * N).fill(0.5);
    directConvForward(x, g, w, new Float32Array(N), y, N);
    directConvForward(x, g, w, null, y, N);
  }
}
