// 3-D convolution (cross-correlation) over volumes: NDHWC × [f,f,f,cIn,cOut] → NDHWC.
//   forward  y[b,t,i,j,k] = bias[k] + Σ_{a,u,v,c} x[b, t·s+a−front, i·s+u−top, j·s+v−left, c]·w[a,u,v,c,k]
//   backward dw[a,u,v,c,k] = Σ_{b,t,i,j} x[…]·dy[b,t,i,j,k],  db[k] = Σ dy[…,k],
//            dx[b,z,y,x,c] = Σ over the windows that saw it of w[a,u,v,c,k]·dy[b,t,i,j,k]
// Direct loops: volumes in the lessons are small; clarity over speed here.
import type { Tensor } from '../tensor';
import { convOutputSizeSides, resolvePadding1d, type Padding } from '../shape';
import { assertBias, assertRank, assertStride, fmtPad, fmtShape } from './check';

export interface Conv3dOptions {
  stride?: number;
  pad?: Padding;
}

function geometry(x: Tensor, w: Tensor, opts: Conv3dOptions) {
  assertRank('conv3d', 'input x', x, 5, 'NDHWC');
  assertRank('conv3d', 'filter w', w, 5, '[f, f, f, cIn, cOut]');
  const s = opts.stride ?? 1;
  assertStride('conv3d', s);
  const [n, d, h, wd, c] = x.shape;
  const [fd, fh, fw, cIn, cOut] = w.shape;
  if (cIn !== c) throw new RangeError(`conv3d: filter ${fmtShape(w.shape)} expects ${cIn} input channels but x ${fmtShape(x.shape)} has ${c}`);
  const pad = opts.pad ?? 0;
  const pd = resolvePadding1d(d, fd, s, pad), ph = resolvePadding1d(h, fh, s, pad), pw = resolvePadding1d(wd, fw, s, pad);
  const PD = d + pd.before + pd.after, PH = h + ph.before + ph.after, PW = wd + pw.before + pw.after;
  if (fd > PD || fh > PH || fw > PW) {
    throw new RangeError(
      `conv3d: filter ${fd}×${fh}×${fw} is larger than the padded input ${PD}×${PH}×${PW} (${fmtPad([pd.before, pd.after, ph.before, ph.after, pw.before, pw.after])})`,
    );
  }
  const od = convOutputSizeSides(d, fd, pd.before, pd.after, s);
  const oh = convOutputSizeSides(h, fh, ph.before, ph.after, s);
  const ow = convOutputSizeSides(wd, fw, pw.before, pw.after, s);
  return { n, d, h, wd, c, fd, fh, fw, cOut, s, front: pd.before, top: ph.before, left: pw.before, od, oh, ow };
}

type G = ReturnType<typeof geometry>;

/** Visit every (output position, tap) pair with in-bounds input: cb(outBase, inBase, wBase). */
function forEachTap(g: G, cb: (o: number, xi: number, wi: number) => void): void {
  const { n, d, h, wd, c, fd, fh, fw, cOut, s, front, top, left, od, oh, ow } = g;
  let o = 0;
  for (let b = 0; b < n; b++)
    for (let t = 0; t < od; t++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++, o += cOut)
          for (let a = 0; a < fd; a++) {
            const z = t * s - front + a;
            if (z < 0 || z >= d) continue;
            for (let u = 0; u < fh; u++) {
              const yy = i * s - top + u;
              if (yy < 0 || yy >= h) continue;
              for (let v = 0; v < fw; v++) {
                const xx = j * s - left + v;
                if (xx < 0 || xx >= wd) continue;
                cb(o, (((b * d + z) * h + yy) * wd + xx) * c, ((a * fh + u) * fw + v) * c * cOut);
              }
            }
          }
}

export function conv3d(x: Tensor, w: Tensor, b: Tensor | null, opts: Conv3dOptions = {}): Tensor {
  const g = geometry(x, w, opts);
  assertBias('conv3d', b, g.cOut);
  const { c, cOut } = g;
  const y = new Float32Array(g.n * g.od * g.oh * g.ow * cOut);
  if (b) for (let o = 0; o < y.length; o += cOut) y.set(b.data, o);
  const xd = x.data, wdt = w.data;
  forEachTap(g, (o, xi, wi) => {
    for (let ci = 0; ci < c; ci++) {
      const xv = xd[xi + ci];
      const wr = wi + ci * cOut;
      for (let k = 0; k < cOut; k++) y[o + k] += xv * wdt[wr + k];
    }
  });
  return { shape: [g.n, g.od, g.oh, g.ow, cOut], data: y };
}

export function conv3dBackward(dy: Tensor, x: Tensor, w: Tensor, opts: Conv3dOptions = {}): { dx: Tensor; dw: Tensor; db: Tensor } {
  const g = geometry(x, w, opts);
  const { c, cOut } = g;
  const want = [g.n, g.od, g.oh, g.ow, cOut];
  if (dy.data.length !== want.reduce((p, q) => p * q, 1)) {
    throw new RangeError(`conv3d: dy shape ${fmtShape(dy.shape)} does not match the output shape ${fmtShape(want)}`);
  }
  const dx = new Float32Array(x.data.length), dw = new Float32Array(w.data.length), db = new Float32Array(cOut);
  const xd = x.data, wdt = w.data, dyd = dy.data;
  for (let o = 0; o < dyd.length; o += cOut) for (let k = 0; k < cOut; k++) db[k] += dyd[o + k];
  forEachTap(g, (o, xi, wi) => {
    for (let ci = 0; ci < c; ci++) {
      const xv = xd[xi + ci];
      const wr = wi + ci * cOut;
      let acc = 0;
      for (let k = 0; k < cOut; k++) {
        const gk = dyd[o + k];
        dw[wr + k] += xv * gk;
        acc += wdt[wr + k] * gk;
      }
      dx[xi + ci] += acc;
    }
  });
  return {
    dx: { shape: x.shape.slice(), data: dx },
    dw: { shape: w.shape.slice(), data: dw },
    db: { shape: [cOut], data: db },
  };
}
