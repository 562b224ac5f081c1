// The input image (gray pixels) with 14×14 windows drawn over it: the current one bold, the
// ones already visited faint, and (optionally) the part a neighbour shares hatched.
import type { CellRect } from '../../viz/window';

export interface DrawnWindow {
  rect: CellRect;
  kind: 'current' | 'visited' | 'shared';
}

interface Props {
  n: number;
  image: Float32Array | null;
  windows: readonly DrawnWindow[];
  label: string;
}

export function ImageView({ n, image, windows, label }: Props) {
  const px = [];
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    const g = image ? Math.round(40 + 200 * image[r * n + c]) : 200;
    px.push(<rect key={r * n + c} x={c} y={r} width={1.02} height={1.02} fill={`rgb(${g},${g},${g})`} />);
  }
  return (
    <svg className="sw-image" viewBox={`-0.6 -0.6 ${n + 1.2} ${n + 1.2}`} role="img" aria-label={label}>
      <g aria-hidden="true">{px}</g>
      {Array.from({ length: n + 1 }, (_, i) => (
        <g key={i} className="sw-gridline" aria-hidden="true">
          <line x1={i} x2={i} y1={0} y2={n} />
          <line y1={i} y2={i} x1={0} x2={n} />
        </g>
      ))}
      {windows.map((w, i) => (
        <rect key={i} x={w.rect.col} y={w.rect.row} width={w.rect.cols} height={w.rect.rows} className={`sw-window sw-${w.kind}`}
          data-window={w.kind} />
      ))}
    </svg>
  );
}
