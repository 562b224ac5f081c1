// Pure view logic of the NMS stepper: the state of every box after the first k events of
// geometry's nmsTrace (per class: low-score discards, then keep / suppress), and the reason
// each discarded box was discarded, as numbers the widget formats in the reader's language.
// Boxes are numbered 1…n on screen (index + 1).
import type { NmsEvent } from '../../geometry/nms';
import { formatCell } from '../../viz/format';
import { mulberry32 } from '../../engine/random';
import { makeScene, type Scene } from '../../data/scenes';

export type NmsBoxState = 'pending' | 'kept' | 'suppressed' | 'low-score';

export interface NmsStepState {
  /** State of every box after k events. */
  states: NmsBoxState[];
  /** Kept box indices, in the order they were kept. */
  kept: number[];
  /** Discarded boxes with the event that discarded them, in order. */
  discarded: Extract<NmsEvent, { kind: 'low-score' | 'suppress' }>[];
  /** The k-th event (the one just applied), or null at k = 0. */
  current: NmsEvent | null;
  /** Boxes not decided yet. */
  remaining: number;
}

export function nmsStateAt(events: readonly NmsEvent[], n: number, k: number): NmsStepState {
  const steps = Math.max(0, Math.min(k, events.length));
  const states: NmsBoxState[] = new Array(n).fill('pending');
  const kept: number[] = [];
  const discarded: NmsStepState['discarded'] = [];
  for (let i = 0; i < steps; i++) {
    const e = events[i];
    if (e.kind === 'keep') {
      states[e.index] = 'kept';
      kept.push(e.index);
    } else {
      states[e.index] = e.kind === 'low-score' ? 'low-score' : 'suppressed';
      discarded.push(e);
    }
  }
  return { states, kept, discarded, current: steps > 0 ? events[steps - 1] : null, remaining: n - steps };
}

/** Box label on screen. */
export const boxNumber = (index: number): number => index + 1;

/** A threshold or score as the course writes it: 0.6, 0.42 (up to 2 decimals). */
export const formatScore = (v: number): string => formatCell(v, 2);

/**
 * The values for the reason a box was discarded:
 *   low score:  "score {score} ≤ {t}"            e.g. score 0.42 ≤ 0.6
 *   suppressed: "IoU {iou} ≥ {t} with box {by}"  e.g. IoU 0.71 ≥ 0.5 with box 3
 */
export function reasonValues(
  e: Extract<NmsEvent, { kind: 'low-score' | 'suppress' }>,
  opts: { iouThreshold: number; scoreThreshold: number },
): Record<string, string> {
  return e.kind === 'low-score'
    ? { box: String(boxNumber(e.index)), score: formatScore(e.score), t: formatScore(opts.scoreThreshold) }
    : { box: String(boxNumber(e.index)), iou: formatIouNear(e.iou, opts.iouThreshold), t: formatScore(opts.iouThreshold), by: String(boxNumber(e.by)) };
}

/**
 * Shown IoU values are rounded to 2 decimals; a box suppressed at IoU 0.498 with threshold
 * 0.5 can't happen (IoU ≥ t), but IoU 0.5049 would show "0.5 ≥ 0.5" — fine — and IoU
 * 0.4951 < 0.5 survives while showing 0.5. To never print a contradiction we show 3 decimals
 * when 2 would round onto the threshold.
 */
export function formatIouNear(v: number, t: number): string {
  const two = formatScore(v);
  return Number(two) === Number(formatScore(t)) && v !== t ? formatCell(v, 3) : two;
}

export interface NmsSceneArgs {
  seed: number;
  objects?: number;
  classes?: number;
  perObject?: number;
  strays?: number;
}

export function buildNmsScene(a: NmsSceneArgs): Scene {
  return makeScene(mulberry32(a.seed), { objects: a.objects ?? 4, classes: a.classes ?? 3, perObject: a.perObject ?? 6, strays: a.strays ?? 4 });
}
