// View geometry of the sliding-windows widget (lessons 26–27): a 14×14 window over an n×n
// input, the positions per axis, how much of the image the windows cover, and the shapes of
// the convolutional version of the classifier. Every size comes from engine/shape.ts.
import { convOutputSize, poolOutputSize } from '../../engine/shape';
import { windowGeometry, type WindowGeometry } from '../../viz/window';

/** The classifier's crop size: the window is always 14×14. */
export const SW_WINDOW = 14;
/** The convolutional version's effective stride (one 2×2 max-pool). */
export const SW_NET_STRIDE = 2;

export function swGeometry(n: number, stride: number): WindowGeometry {
  return windowGeometry(n, n, SW_WINDOW, stride, 0);
}

/** Input pixels that at least one window covers (a coarse stride can miss the border). */
export function coveredPixels(g: WindowGeometry): number {
  const covered = (len: number, out: number) => Math.min(len, (out - 1) * g.s + g.f);
  return covered(g.h, g.outH) * covered(g.w, g.outW);
}

/** Columns two horizontally neighbouring windows share (0 when they do not overlap). */
export function sharedColumns(g: WindowGeometry): number {
  return g.outW > 1 ? Math.max(0, g.f - g.s) : 0;
}

export interface NetLayer {
  name: string;
  shape: [number, number, number];
}

/**
 * The lecture's classifier with its FC layers as convolutions, on an n×n×3 input:
 * CONV 5×5 ×16 → MAX-POOL 2×2 s2 → CONV 5×5 ×400 → CONV 1×1 ×400 → CONV 1×1 ×4 (softmax).
 */
export function netShapes(n: number): NetLayer[] {
  const a = convOutputSize(n, 5, 0, 1);
  const b = poolOutputSize(a, 2, 2);
  const c = convOutputSize(b, 5, 0, 1);
  return [
    { name: 'input', shape: [n, n, 3] },
    { name: 'conv5', shape: [a, a, 16] },
    { name: 'pool', shape: [b, b, 16] },
    { name: 'fc-conv5', shape: [c, c, 400] },
    { name: 'fc-conv1', shape: [c, c, 400] },
    { name: 'out', shape: [c, c, 4] },
  ];
}

export interface WindowDetection {
  row: number;
  col: number;
  classId: number;
  p: number;
  /** The cell's 14×14 window in input pixels. */
  box: { x1: number; y1: number; x2: number; y2: number };
}

/** Output cells [m, m, classes] whose best class is an object (not the last, background) with p ≥ threshold. */
export function windowDetections(probs: ArrayLike<number>, m: number, classes: number, threshold: number): WindowDetection[] {
  const out: WindowDetection[] = [];
  for (let row = 0; row < m; row++) for (let col = 0; col < m; col++) {
    const at = (row * m + col) * classes;
    let best = 0;
    for (let k = 1; k < classes; k++) if (probs[at + k] > probs[at + best]) best = k;
    if (best === classes - 1 || probs[at + best] < threshold) continue;
    const x1 = col * SW_NET_STRIDE, y1 = row * SW_NET_STRIDE;
    out.push({ row, col, classId: best, p: probs[at + best], box: { x1, y1, x2: x1 + SW_WINDOW, y2: y1 + SW_WINDOW } });
  }
  return out;
}
