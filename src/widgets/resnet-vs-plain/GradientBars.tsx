// The vanishing gradient made visible: ‖∂L/∂W‖ of every conv layer of both networks, one row
// of bars each, on one log scale fitted to both rows (./view), so the two rows compare
// directly; an exactly zero gradient draws a grey stub.
import { memo } from 'react';
import { fmt } from '../../ui/i18n';
import { barHeight, decadesLost, gradScale } from './view';

interface Props {
  rows: { name: string; label: string; values: Float32Array | null }[];
  title: string;
  layerLabel: string;
  empty: string;
  /** '… 10^{d} times smaller than layer {n}' and its no-drop twin */
  drop: string;
  noDrop: string;
}

/** The first-vs-last comparison under a row, with the decades as a data-metric. */
function Drop({ name, values, drop, noDrop }: { name: string; values: Float32Array | null; drop: string; noDrop: string }) {
  const d = decadesLost(values);
  if (d === null || !values) return null;
  const n = values.length;
  return (
    <span className="rvp-grad-drop" data-metric={`${name}-gradient-decades`} data-value={d.toFixed(2)}>
      {d >= 0.05 ? fmt(drop, { d: d.toFixed(1), n }) : fmt(noDrop, { n })}
    </span>
  );
}

export const GradientBars = memo(function GradientBars({ rows, title, layerLabel, empty, drop, noDrop }: Props) {
  const n = rows[0].values?.length ?? 0;
  if (!n) return <p className="rvp-grad-empty">{empty}</p>;
  const W = 300;
  const H = 60;
  const bw = W / n;
  const scale = gradScale(rows.map((r) => r.values));
  const { lo: LO, hi: HI, ticks } = scale;
  return (
    <figure className="rvp-grads">
      <figcaption>{title}</figcaption>
      {rows.map((row) => (
        <div className={`rvp-grad-row rvp-${row.name}`} key={row.name} data-grads={row.name}>
          <span className="rvp-grad-label">{row.label}</span>
          <svg viewBox={`-22 0 ${W + 22} ${H + 2}`} role="img" aria-label={`${row.label}: ${title}`}>
            {ticks.map((t) => {
              const y = H - ((t - LO) / (HI - LO)) * H;
              return (
                <g key={t} className="rvp-tick">
                  <line x1={0} x2={W} y1={y} y2={y} />
                  <text x={-3} y={y + 3} textAnchor="end">{`1e${t}`}</text>
                </g>
              );
            })}
            {Array.from(row.values ?? [], (v, i) => {
              // exactly zero (every ReLU below is off): a grey stub at the floor, so "none" is seen
              const h = v > 0 ? barHeight(v, scale) * H : 1.5;
              return (
                <rect key={i} className={v > 0 ? 'rvp-bar' : 'rvp-bar rvp-zero'} x={i * bw + bw * 0.1} width={bw * 0.8} y={H - h} height={h}>
                  <title>{fmt(layerLabel, { i: i + 1, v: v.toExponential(1) })}</title>
                </rect>
              );
            })}
          </svg>
          <Drop name={row.name} values={row.values} drop={drop} noDrop={noDrop} />
        </div>
      ))}
    </figure>
  );
});
