// Data augmentation for 28×28 digits (course §21): a small random shift and rotation,
// resampled bilinearly about the image centre. `rand` is a seeded uniform [0, 1) source so a
// training run replays exactly.

export interface AugmentOptions {
  /** largest shift in pixels, each axis */
  maxShift: number;
  /** largest rotation in degrees, either way */
  maxRotateDeg: number;
}

export const DEFAULT_AUGMENT: AugmentOptions = { maxShift: 2, maxRotateDeg: 10 };

/** Rotate by θ about the centre and shift by (tx, ty): out(p) = in(R⁻¹(p − c − t) + c). */
export function affine28(src: Float32Array, srcOffset: number, dst: Float32Array, dstOffset: number, theta: number, tx: number, ty: number): void {
  const c = 13.5;
  const cos = Math.cos(theta), sin = Math.sin(theta);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const px = x - c - tx, py = y - c - ty;
      const sx = cos * px + sin * py + c;
      const sy = -sin * px + cos * py + c;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      const fx = sx - x0, fy = sy - y0;
      let v = 0;
      if (x0 >= -1 && x0 < 28 && y0 >= -1 && y0 < 28) {
        const at = (yy: number, xx: number) => (xx >= 0 && xx < 28 && yy >= 0 && yy < 28 ? src[srcOffset + yy * 28 + xx] : 0);
        v = (1 - fy) * ((1 - fx) * at(y0, x0) + fx * at(y0, x0 + 1)) + fy * ((1 - fx) * at(y0 + 1, x0) + fx * at(y0 + 1, x0 + 1));
      }
      dst[dstOffset + y * 28 + x] = v;
    }
  }
}

/** Augment `count` digits of a batch in place (uses a scratch copy of one digit). */
export function augmentBatch(x: Float32Array, count: number, rand: () => number, opts: AugmentOptions = DEFAULT_AUGMENT, scratch = new Float32Array(784)): void {
  for (let b = 0; b < count; b++) {
    scratch.set(x.subarray(b * 784, (b + 1) * 784));
    const theta = ((rand() * 2 - 1) * opts.maxRotateDeg * Math.PI) / 180;
    const tx = Math.round((rand() * 2 - 1) * opts.maxShift);
    const ty = Math.round((rand() * 2 - 1) * opts.maxShift);
    affine28(scratch, 0, x, b * 784, theta, tx, ty);
  }
}
