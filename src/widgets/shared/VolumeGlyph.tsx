// A volume drawn as the course draws it: a box whose front face is the n×n picture and whose
// depth (receding up and to the right) grows with the number of channels. Shared by the
// week-2 widgets (inception-cost, inception-module, one-by-one, depthwise-separable).
import { formatShape } from '../../viz/format';
import './volume-glyph.css';

export interface VolumeGlyphProps {
  shape: readonly [number, number, number];
  /** Channels that give the longest depth (the others scale by √(c / maxC)). */
  maxC?: number;
  /** Spatial size that gives the largest face. */
  maxN?: number;
  /** Visual size in em of the largest face. */
  em?: number;
  tone?: 'in' | 'mid' | 'out';
  label?: string;
}

const FACE = 40;
const DEPTH = 44;
const COS = 0.8;
const SIN = 0.5;

export function volumeBox(shape: readonly [number, number, number], maxC: number, maxN: number) {
  const s = FACE * Math.min(1, Math.sqrt(shape[0] / maxN));
  const d = 3 + DEPTH * Math.min(1, Math.sqrt(shape[2] / maxC));
  return { s, d, dx: d * COS, dy: d * SIN };
}

export function VolumeGlyph({ shape, maxC = 192, maxN = 28, em = 4.5, tone = 'in', label }: VolumeGlyphProps) {
  const { s, dx, dy } = volumeBox(shape, maxC, maxN);
  const W = s + dx + 2;
  const H = s + dy + 2;
  const p = (pts: number[][]) => pts.map(([x, y]) => `${(x + 1).toFixed(2)},${(y + 1).toFixed(2)}`).join(' ');
  const text = label ?? formatShape(shape);
  return (
    <figure className={`vg vg-${tone}`}>
      <svg viewBox={`0 0 ${W.toFixed(2)} ${H.toFixed(2)}`} style={{ width: `${((em * W) / (FACE + DEPTH * COS + 2)).toFixed(2)}em` }} role="img" aria-label={text}>
        <polygon className="vg-top" points={p([[0, dy], [dx, 0], [s + dx, 0], [s, dy]])} />
        <polygon className="vg-side" points={p([[s, dy], [s + dx, 0], [s + dx, s], [s, s + dy]])} />
        <polygon className="vg-front" points={p([[0, dy], [s, dy], [s, s + dy], [0, s + dy]])} />
      </svg>
      <figcaption>{text}</figcaption>
    </figure>
  );
}
