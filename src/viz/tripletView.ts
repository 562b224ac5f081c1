// Pure view logic for the triplet-loss widgets (course §35): the 2-D plane with anchor, positive
// and negative, the easy / semi-hard / hard regions, and the scatter of learnt embeddings.
import { squaredDistance, tripletKind, type TripletKind } from '../geometry/triplet';
import { formatCell } from './format';

export interface Pt {
  x: number;
  y: number;
}

/** The plane shows [−LIM, LIM]² in embedding units. */
export const TRIPLET_LIM = 1.5;
export const TRIPLET_START: { a: Pt; p: Pt; n: Pt } = { a: { x: -0.4, y: 0.1 }, p: { x: 0.1, y: 0.45 }, n: { x: 0.6, y: -0.35 } };

export interface TripletView {
  dAP: number;
  dAN: number;
  loss: number;
  kind: TripletKind;
  /** Radii around the anchor: a negative inside rHard is hard, between rHard and rEasy semi-hard, beyond easy. */
  rHard: number;
  rEasy: number;
  /** The loss with its numbers, as TeX. */
  tex: string;
}

export function tripletView(a: Pt, p: Pt, n: Pt, alpha: number): TripletView {
  const dAP = squaredDistance([a.x, a.y], [p.x, p.y]);
  const dAN = squaredDistance([a.x, a.y], [n.x, n.y]);
  const inner = dAP - dAN + alpha;
  const loss = Math.max(inner, 0);
  const c = (v: number) => formatCell(v, 3);
  const tex =
    String.raw`\mathcal{L} = \max\big(\underbrace{${c(dAP)}}_{\lVert f(A)-f(P)\rVert^2} - \underbrace{${c(dAN)}}_{\lVert f(A)-f(N)\rVert^2} + \underbrace{${c(alpha)}}_{\alpha},\ 0\big)` +
    String.raw` = \max(${c(inner)},\ 0) = ${c(loss)}`;
  return { dAP, dAN, loss, kind: tripletKind(dAP, dAN, alpha), rHard: Math.sqrt(dAP), rEasy: Math.sqrt(dAP + alpha), tex };
}

/** Arrow keys move a point by 0.05 (shift: 0.01), kept inside the plane; null for other keys. */
export function keyMovePoint(pt: Pt, key: string, fine: boolean): Pt | null {
  const s = fine ? 0.01 : 0.05;
  const d: Record<string, [number, number]> = { ArrowLeft: [-s, 0], ArrowRight: [s, 0], ArrowUp: [0, s], ArrowDown: [0, -s] };
  const m = d[key];
  if (!m) return null;
  return clampPoint({ x: round(pt.x + m[0]), y: round(pt.y + m[1]) });
}

export function clampPoint(pt: Pt): Pt {
  const c = (v: number) => Math.min(TRIPLET_LIM, Math.max(-TRIPLET_LIM, v));
  return { x: c(pt.x), y: c(pt.y) };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Ten class colours (Tableau 10: distinct in light and dark themes); shapes add a second cue. */
export const CLASS_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/**
 * Where to draw each 2-D embedding. They lie on the unit circle (only the angle carries
 * information), so each dot is spread across a thin band (radius 1 ± 0.12, a fixed offset per
 * dot) to keep overlapping dots visible.
 */
export function scatterPositions(emb: Float32Array, count: number): Float32Array {
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    const x = emb[2 * i], y = emb[2 * i + 1];
    const r = Math.hypot(x, y) || 1;
    const band = 1 + 0.12 * (((i * 0.6180339887) % 1) * 2 - 1);
    out[2 * i] = (x / r) * band;
    out[2 * i + 1] = (y / r) * band;
  }
  return out;
}

/** Mean angle (as a point on the circle) of each class: where its label goes. */
export function classCentres(emb: Float32Array, labels: ArrayLike<number>): (Pt | null)[] {
  const sx = new Array(10).fill(0), sy = new Array(10).fill(0), n = new Array(10).fill(0);
  for (let i = 0; i < labels.length; i++) {
    sx[labels[i]] += emb[2 * i];
    sy[labels[i]] += emb[2 * i + 1];
    n[labels[i]]++;
  }
  return sx.map((x, c) => {
    if (!n[c]) return null;
    const r = Math.hypot(x, sy[c]);
    return r < 1e-6 ? null : { x: x / r, y: sy[c] / r };
  });
}
