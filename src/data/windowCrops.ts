// Training data for the sliding-windows classifier (course §25): square crops of the detection
// scenes, each labelled with the class of the object it frames, or background.
//
// A crop frames an object when the object's box centre lies in the crop's central half (so
// the window is roughly centred on it) and at least FRAMED of the object's box is inside the
// crop. It is background when no object has more than LOOSE of its box inside. Anything in
// between is ambiguous (half an object at the edge) and is not used for training.
import type { Box } from '../geometry/box';
import type { RgbImage } from './colorPicture';
import type { DetectionScene } from './detectionScenes';

export const FRAMED = 0.6;
export const LOOSE = 0.25;
/** Label of a crop with no object (after the classes 0 … C−1). */
export const windowBackground = (classes: number) => classes;

/** The size×size×3 crop with top-left corner (x, y), copied into out (or a new array). */
export function cropImage(image: RgbImage, x: number, y: number, size: number, out: Float32Array = new Float32Array(size * size * 3)): Float32Array {
  if (x < 0 || y < 0 || x + size > image.width || y + size > image.height) {
    throw new RangeError(`crop ${size}×${size} at (${x}, ${y}) leaves the ${image.width}×${image.height} image`);
  }
  for (let r = 0; r < size; r++) {
    const from = ((y + r) * image.width + x) * 3;
    out.set(image.data.subarray(from, from + size * 3), r * size * 3);
  }
  return out;
}

/** Fraction of box b that lies inside the window w. */
function inside(b: Box, w: Box): number {
  const iw = Math.min(b.x2, w.x2) - Math.max(b.x1, w.x1), ih = Math.min(b.y2, w.y2) - Math.max(b.y1, w.y1);
  const a = (b.x2 - b.x1) * (b.y2 - b.y1);
  return iw > 0 && ih > 0 && a > 0 ? (iw * ih) / a : 0;
}

/** The crop's label: a class id, `classes` for background, or null when ambiguous. */
export function windowLabel(scene: DetectionScene, x: number, y: number, size: number, classes: number): number | null {
  const w = { x1: x, y1: y, x2: x + size, y2: y + size };
  let best: number | null = null, bestFrac = 0, loose = true;
  for (const o of scene.objects) {
    const f = inside(o.box, w);
    if (f > LOOSE) loose = false;
    const cx = (o.box.x1 + o.box.x2) / 2, cy = (o.box.y1 + o.box.y2) / 2;
    const centred = cx >= x + size / 4 && cx <= x + (3 * size) / 4 && cy >= y + size / 4 && cy <= y + (3 * size) / 4;
    if (centred && f >= FRAMED && f > bestFrac) [best, bestFrac] = [o.classId, f];
  }
  if (best !== null) return best;
  return loose ? windowBackground(classes) : null;
}

export interface LabelledCrop {
  x: number;
  y: number;
  label: number;
}

/**
 * Crops from one scene: one centred on each object (jittered by up to ±jitter pixels), then
 * random positions, keeping only unambiguous ones; at most `count` in all.
 */
export function sampleWindowCrops(scene: DetectionScene, size: number, count: number, classes: number, rand: () => number, jitter = 2): LabelledCrop[] {
  const { width, height } = scene.image;
  const out: LabelledCrop[] = [];
  const clampTo = (v: number, hi: number) => Math.max(0, Math.min(hi, Math.round(v)));
  for (const o of scene.objects) {
    if (out.length >= count) break;
    const cx = (o.box.x1 + o.box.x2) / 2 + (2 * rand() - 1) * jitter, cy = (o.box.y1 + o.box.y2) / 2 + (2 * rand() - 1) * jitter;
    const x = clampTo(cx - size / 2, width - size), y = clampTo(cy - size / 2, height - size);
    const label = windowLabel(scene, x, y, size, classes);
    if (label !== null) out.push({ x, y, label });
  }
  for (let tries = 0; out.length < count && tries < 4 * count; tries++) {
    const x = Math.floor(rand() * (width - size + 1)), y = Math.floor(rand() * (height - size + 1));
    const label = windowLabel(scene, x, y, size, classes);
    if (label !== null) out.push({ x, y, label });
  }
  return out;
}
