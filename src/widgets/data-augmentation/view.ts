// View helpers for the data-augmentation widget (course §21): what a sample's label becomes,
// and the numbers shown under it. Pure; the image maths is in data/augmentImage.
import type { AugmentSettings } from '../../data/augmentImage';
import type { ColorPictureName } from '../../data/colorPicture';



/** The settings the widget opens with: every augmentation on, moderately. */
export const AUGMENT_START: AugmentSettings = { mirror: true, crop: 0.3, rotateDeg: 12, shear: 0.15, colorShift: 0.08, pcaSigma: 0 };

export const AUGMENT_SAMPLES = 8;

/**
 * The label of an augmented sample. A cat is a cat whatever the mirror, crop or colour; a "b"
 * mirrored left-right reads "d" — the augmentation would train the network on a wrong label.
 */
export function labelAfter(picture: ColorPictureName, d: { mirrored: boolean }): { label: 'cat' | 'b' | 'd'; changed: boolean } {
  if (picture === 'cat') return { label: 'cat', changed: false };
  return d.mirrored ? { label: 'd', changed: true } : { label: 'b', changed: false };
}

/** Offsets in [0, 1] units as the course writes them, on the 0…255 scale (+20 red, −20 green). */
export function to255(v: number): number {
  return Math.round(v * 255);
}

/** "+20" / "−20" / "0" with a real minus sign. */
export function signed(v: number): string {
  return v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0';
}

/** A colour offset (R, G, B) in [0, 1] units → "R +20, G −20, B +20". */
export function shiftText(shift: readonly number[]): string {
  return ['R', 'G', 'B'].map((c, i) => `${c} ${signed(to255(shift[i]))}`).join(', ');
}

/** A unit colour direction → a CSS colour for a swatch: mid-grey moved along it. */
export function directionSwatch(p: readonly number[]): string {
  const c = p.map((x) => Math.round(Math.min(255, Math.max(0, 128 + 127 * x))));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

