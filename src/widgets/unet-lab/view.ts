// Masks as pictures: one fixed colour per class (background, car, pedestrian, motorcycle),
// the same in every theme so a mask reads the same next to its legend.
export const CLASS_COLOURS: readonly [number, number, number][] = [
  [0.16, 0.17, 0.2], // background: near black
  [0.12, 0.47, 0.9], // car: blue
  [0.96, 0.55, 0.1], // pedestrian: orange
  [0.85, 0.2, 0.62], // motorcycle: magenta
];

/** A label map (one class index per pixel) as RGB floats in [0, 1], three per pixel. */
export function maskToRgb(mask: ArrayLike<number>): Float32Array {
  const out = new Float32Array(3 * mask.length);
  for (let i = 0; i < mask.length; i++) {
    const c = CLASS_COLOURS[mask[i]];
    if (!c) throw new RangeError(`maskToRgb: label ${mask[i]} at pixel ${i} is not a class 0–${CLASS_COLOURS.length - 1}`);
    out[3 * i] = c[0];
    out[3 * i + 1] = c[1];
    out[3 * i + 2] = c[2];
  }
  return out;
}

/** Share of pixels where two label maps agree (how many the picked scene got right). */
export function pixelAccuracy(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError(`pixelAccuracy: masks of ${a.length} and ${b.length} pixels`);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
