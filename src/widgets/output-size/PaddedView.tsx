// The padded input with the window, and the output filling in, as one light SVG (n up to 64:
// regions and a grid pattern instead of one element per cell). Padding is drawn dashed and
// hatched; rows/columns the window never reaches are greyed; the window is the accent frame.
import { useId } from 'react';
import type { WindowGeometry, WindowPosition } from '../../viz/window';

export interface PaddedViewProps {
  g: WindowGeometry;
  unreached: { rows: number[]; cols: number[] };
  current: WindowPosition;
  /** Output cells done so far (row-major count). */
  done: number;
  /** Total width of the drawing in em. */
  widthEm: number;
  labels: { input: string; output: string; unreached: string };
}

export function PaddedView({ g, unreached, current, done, widthEm, labels }: PaddedViewProps) {
  const id = useId().replace(/:/g, '');
  const gap = 1.5;
  const W = g.paddedW + gap + g.outW;
  const H = Math.max(g.paddedH, g.outH);
  const thin = Math.min(0.04, 0.6 / W + 0.01);
  const ox = g.paddedW + gap; // output's left edge
  const fullRows = Math.floor(done / g.outW);
  const rest = done % g.outW;
  return (
    <svg className="os-view" viewBox={`-0.1 -0.1 ${W + 0.2} ${H + 0.2}`} style={{ width: `min(100%, ${widthEm}em)`, height: 'auto' }} role="img"
      aria-label={`${labels.input}; ${labels.output}`}>
      <defs>
        <pattern id={`${id}-grid`} width="1" height="1" patternUnits="userSpaceOnUse">
          <path d="M 1 0 L 0 0 0 1" fill="none" className="os-gridline" strokeWidth={thin} />
        </pattern>
        <pattern id={`${id}-hatch`} width="0.5" height="0.5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="0.5" className="os-hatch" strokeWidth={0.08} />
        </pattern>
      </defs>
      {/* padding (whole padded area, then the input drawn over it) */}
      <rect x={0} y={0} width={g.paddedW} height={g.paddedH} className="os-pad" fill={`url(#${id}-hatch)`} />
      <rect x={g.pad.left} y={g.pad.top} width={g.w} height={g.h} className="os-input" />
      <rect x={0} y={0} width={g.paddedW} height={g.paddedH} fill={`url(#${id}-grid)`} />
      <rect x={0} y={0} width={g.paddedW} height={g.paddedH} className="os-pad-border" strokeWidth={thin * 2} strokeDasharray={`${thin * 6} ${thin * 4}`} />
      <rect x={g.pad.left} y={g.pad.top} width={g.w} height={g.h} className="os-input-border" strokeWidth={thin * 2.5} />
      {/* greyed: never reached */}
      {unreached.rows.length > 0 && (
        <rect x={0} y={unreached.rows[0]} width={g.paddedW} height={unreached.rows.length} className="os-unreached" data-unreached="rows">
          <title>{labels.unreached}</title>
        </rect>
      )}
      {unreached.cols.length > 0 && (
        <rect x={unreached.cols[0]} y={0} width={unreached.cols.length} height={g.paddedH} className="os-unreached" data-unreached="cols">
          <title>{labels.unreached}</title>
        </rect>
      )}
      {/* the window */}
      <rect x={current.padded.col} y={current.padded.row} width={g.f} height={g.f} className="os-window" strokeWidth={Math.max(0.08, W / 120)} />
      {/* output */}
      {fullRows > 0 && <rect x={ox} y={0} width={g.outW} height={fullRows} className="os-out-done" />}
      {rest > 0 && <rect x={ox} y={fullRows} width={rest} height={1} className="os-out-done" />}
      <rect x={ox} y={0} width={g.outW} height={g.outH} fill={`url(#${id}-grid)`} />
      <rect x={ox} y={0} width={g.outW} height={g.outH} className="os-input-border" strokeWidth={thin * 2.5} />
      <rect x={ox + current.outCol} y={current.outRow} width={1} height={1} className="os-window" strokeWidth={Math.max(0.08, W / 120)} />
    </svg>
  );
}
