// One grader per exercise function: how to draw its inputs, the engine's answer, and the
// answers a typical mistake produces (each tied to a hint the page shows in the reader's
// language). The page runs the student's function on the same inputs and compares.
import type { Rng } from '../../../engine/random';
import type { Json } from './nested';

/** A range an instructor may set in the lesson block, with its default and hard bounds. */
export interface RangeSpec {
  default: [number, number];
  min: number;
  max: number;
}

/**
 * A typical wrong answer: either the whole output it produces (`value`), or only the shape it
 * produces (`shape`); with `key`, only that field of an output record. The first one the student's output
 * matches names the hint.
 */
export type Mistake = { hint: string; value: Json; key?: string } | { hint: string; shape: number[]; key?: string };

export interface GraderCase {
  args: Json[];
  /** What the case is, for the page: sizes and hyperparameters. */
  dims: Record<string, number | string>;
}

export interface Grader {
  /** The student's function's parameters, in order (also the starter's signature). */
  args: string[];
  ranges: Record<string, RangeSpec>;
  /** The lesson's worked example(s): fixed inputs. */
  examples(): GraderCase[];
  random(r: Rng, ranges: Record<string, [number, number]>): GraderCase;
  reference(args: Json[]): Json;
  mistakes(args: Json[]): Mistake[];
  /** Hint when the output is wrong in no recognised way. */
  fallbackHint: string;
}

export function defineGrader(g: Grader): Grader {
  return g;
}
