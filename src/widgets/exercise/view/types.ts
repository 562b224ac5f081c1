// A self-check question: numbers drawn from a seed, an answer computed by the engine's shape
// maths (or geometry), and the worked computation with the drawn numbers for the explanation.
// Text lives in the widget's strings (per language); here only numbers and maths.

export type Answer =
  | { type: 'int'; value: number }
  /** A shape h×w×c (or longer); `alternatives` lists other accepted forms (e.g. 3×3×2×8). */
  | { type: 'shape'; dims: number[]; alternatives?: number[][] }
  /** A real number; right when it rounds to the same `places` decimals (or a/b equal to it). */
  | { type: 'real'; value: number; places: number }
  /** A set of whole numbers in any order (NMS: the numbers of the boxes that are output). */
  | { type: 'set'; values: number[] };

export interface Question {
  kind: ExerciseKind;
  seed: number;
  /** Values for the prompt template of this kind (strings.ts), e.g. { n: 27, f: 5, p: 1, s: 2 }. */
  vars: Record<string, number | string>;
  /** Small matrices shown with the prompt (conv-value: patch and filter). */
  grids?: { patch: number[][]; filter: number[][] };
  answer: Answer;
  /** The computation with the drawn numbers, language-neutral maths: "⌊(27 + 2·1 − 5)/2⌋ + 1 = 13". */
  work: string[];
}

/**
 * Limits a lesson puts on the drawn numbers, so it asks only what it has taught: a fixed
 * padding p and stride s (output-size, volume-output), a fixed number of anchor boxes (yolo-output).
 */
export interface Constraints {
  p?: number;
  s?: number;
  anchors?: number;
}

/** Which constraints each kind understands. */
export const CONSTRAINTS_OF: Partial<Record<ExerciseKind, readonly (keyof Constraints)[]>> = {
  'output-size': ['p', 's'],
  'volume-output': ['p', 's'],
  'yolo-output': ['anchors'],
};

export const EXERCISE_KINDS = [
  'output-size',
  'same-padding',
  'param-count',
  'volume-output',
  'pool-output',
  'conv-value',
  'dense-vs-conv',
  'multiply-count',
  'one-by-one',
  'bottleneck-cost',
  'depthwise-cost',
  'iou',
  'yolo-output',
  'triplet-loss',
  'conv-1d-3d',
  'nms',
] as const;

export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
