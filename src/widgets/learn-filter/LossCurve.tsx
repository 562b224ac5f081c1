// A small SVG line of loss against step, log10 scale on the y axis (the loss falls by many
// orders of magnitude as the filter converges).
import { scaleLinear, scaleLog } from 'd3';

export function LossCurve({ points, label }: { points: { step: number; loss: number }[]; label: string }) {
  const W = 240, H = 120, P = 6;
  const pts = points.filter((p) => p.loss > 0 && Number.isFinite(p.loss));
  let path = '';
  if (pts.length > 1) {
    const x = scaleLinear().domain([pts[0].step, pts[pts.length - 1].step]).range([P, W - P]);
    const lo = Math.min(...pts.map((p) => p.loss));
    const hi = Math.max(...pts.map((p) => p.loss));
    const y = scaleLog().domain([Math.max(lo, hi * 1e-12), hi * 1.0001]).range([H - P, P]).clamp(true);
    path = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.step).toFixed(1)},${y(p.loss).toFixed(1)}`).join('');
  }
  return (
    <svg className="lf-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x="0.5" y="0.5" width={W - 1} height={H - 1} className="lf-svg-frame" />
      {path && <path d={path} className="lf-svg-line" />}
    </svg>
  );
}
