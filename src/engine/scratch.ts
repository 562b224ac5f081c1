// Growable module-level scratch buffers, so a training step reuses its big temporaries
// (blocks of im2col columns and of their gradients) instead of allocating them on every
// call. (The GEMM keeps its own Float64 packed panels in gemm.ts.)
// Each slot is owned by one caller at a time; ops never return a scratch view.

export const SLOT_COLS = 0;
export const SLOT_DCOLS = 1;
/** A conv input with its zero padding written out (conv2d forward and filter gradient). */
export const SLOT_PAD = 2;
/** The gradient of that padded input (conv2d's sparse backward path). */
export const SLOT_DXPAD = 3;
/** Rows of the windows that are not all zeros, compacted (conv2d, see activeWindows.ts). */
export const SLOT_COMPACT = 4;

const buffers: Float32Array[] = [0, 1, 2, 3, 4].map(() => new Float32Array(0));

/** A Float32Array of at least `size` elements for the slot (contents unspecified). */
export function scratch(slot: number, size: number): Float32Array {
  let buf = buffers[slot];
  if (buf.length < size) {
    buf = new Float32Array(Math.max(size, Math.ceil(buf.length * 1.5)));
    buffers[slot] = buf;
  }
  return buf;
}

/** Drop every scratch buffer (e.g. after a large one-off job). */
export function releaseScratch(): void {
  for (let i = 0; i < buffers.length; i++) buffers[i] = new Float32Array(0);
}
