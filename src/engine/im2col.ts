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

export function im2col(x: Float32Array, g: ConvGeometry, cols: Float32Array): void {
  const { n, h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  const K = fh * fw * c;
  let r = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh - top;
      for (let ox = 0; ox < ow; ox++, r++) {
        const x0 = ox * sw - left;
        let o = r * K;
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
    }
  }
}

/** dx += col2im(dcols): the adjoint of im2col (dx must be zeroed by the caller). */
export function col2im(dcols: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const { n, h, w, c, fh, fw, sh, sw, top, left, oh, ow } = g;
  const K = fh * fw * c;
  let r = 0;
  for (let b = 0; b < n; b++) {
    const xb = b * h * w * c;
    for (let oy = 0; oy < oh; oy++) {
      const y0 = oy * sh - top;
      for (let ox = 0; ox < ow; ox++, r++) {
        const x0 = ox * sw - left;
        let o = r * K;
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
    }
  }
}
