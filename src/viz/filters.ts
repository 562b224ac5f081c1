// The course's example images and filters (pure data, row-major). Shared by the stepper,
// edge detection and learn-the-filter widgets, so a "vertical" filter is the same everywhere.
//   vertical   1 0 −1 (×3)               — errata §2: detects VERTICAL edges
//   horizontal 1 1 1 / 0 0 0 / −1 −1 −1  — detects HORIZONTAL edges (the notes mislabel it)
//   Sobel      1 0 −1 / 2 0 −2 / 1 0 −1   Scharr 3 0 −3 / 10 0 −10 / 3 0 −3   (errata §3)
// "…-horizontal" variants are the transposes.

export const FILTER_NAMES = [
  'vertical', 'horizontal', 'sobel-vertical', 'sobel-horizontal', 'scharr-vertical', 'scharr-horizontal',
  'identity', 'box-blur', 'sharpen',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const transpose3 = (k: number[]) => [0, 3, 6, 1, 4, 7, 2, 5, 8].map((i) => k[i]);
const VERTICAL = [1, 0, -1, 1, 0, -1, 1, 0, -1];
const SOBEL = [1, 0, -1, 2, 0, -2, 1, 0, -1];
const SCHARR = [3, 0, -3, 10, 0, -10, 3, 0, -3];

/** 3×3 filters, row-major. */
export const FILTERS: Record<FilterName, readonly number[]> = {
  vertical: VERTICAL,
  horizontal: transpose3(VERTICAL),
  'sobel-vertical': SOBEL,
  'sobel-horizontal': transpose3(SOBEL),
  'scharr-vertical': SCHARR,
  'scharr-horizontal': transpose3(SCHARR),
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  'box-blur': Array(9).fill(1 / 9),
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
};

export const IMAGE_NAMES = ['vertical-edge-6x6', 'vertical-edge-6x6-mirror', 'horizontal-edge-6x6', 'checker-6x6', 'random-7x7'] as const;
export type ImageName = (typeof IMAGE_NAMES)[number];

export interface SmallImage {
  rows: number;
  cols: number;
  values: number[];
}

function image(rows: number, cols: number, at: (r: number, c: number) => number): SmallImage {
  const values: number[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) values.push(at(r, c));
  return { rows, cols, values };
}

/** A fixed 7×7 of digits 0–9 (fixed, so the lesson's numbers never change between visits). */
const RANDOM_7X7 = [
  3, 7, 1, 0, 8, 2, 5,
  6, 2, 9, 4, 1, 7, 3,
  0, 5, 3, 8, 6, 2, 9,
  4, 1, 7, 2, 9, 5, 0,
  8, 6, 0, 5, 3, 1, 7,
  2, 9, 4, 7, 0, 6, 1,
  5, 3, 8, 1, 4, 9, 6,
];

export function smallImage(name: ImageName): SmallImage {
  switch (name) {
    case 'vertical-edge-6x6': // lecture: left 3 columns bright (10), right 3 dark (0)
      return image(6, 6, (_r, c) => (c < 3 ? 10 : 0));
    case 'vertical-edge-6x6-mirror': // dark → bright: a negative edge
      return image(6, 6, (_r, c) => (c < 3 ? 0 : 10));
    case 'horizontal-edge-6x6':
      return image(6, 6, (r) => (r < 3 ? 10 : 0));
    case 'checker-6x6': // 3×3 blocks: both kinds of edge meet in the middle
      return image(6, 6, (r, c) => ((r < 3) !== (c < 3) ? 0 : 10));
    case 'random-7x7':
      return { rows: 7, cols: 7, values: RANDOM_7X7.slice() };
  }
}
