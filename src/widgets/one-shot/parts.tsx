// Small pieces of the one-shot widget: a digit thumbnail, the two distance histograms with the
// τ line, and the per-component difference bars of the §36 form.
import { PixelGrid } from '../../ui';
import { histogram } from './view';
import type { OneShotSet } from '../shared/job/embedding/oneShot';

export function Digit({ set, i, label, widthEm = 3.2 }: { set: OneShotSet; i: number; label: string; widthEm?: number }) {
  const px = set.images.subarray(i * 784, (i + 1) * 784);
  return <PixelGrid rows={28} cols={28} values={Float32Array.from(px, (v) => v / 255)} label={label} widthEm={widthEm} />;
}

const HW = 420, HH = 150, HP = 24, BINS = 32;

export function DistanceHistogram({ same, diff, tau, max, label, sameLabel, diffLabel }: { same: number[]; diff: number[]; tau: number; max: number; label: string; sameLabel: string; diffLabel: string }) {
  const hs = histogram(same, BINS, 0, max), hd = histogram(diff, BINS, 0, max);
  const top = Math.max(1, ...hs, ...hd);
  const bw = (HW - 2 * HP) / BINS;
  const X = (v: number) => HP + (v / max) * (HW - 2 * HP);
  const Y = (c: number) => HH - HP - (c / top) * (HH - 2 * HP);
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  return (
    <svg className="os-hist" viewBox={`0 0 ${HW} ${HH}`} role="img" aria-label={label}>
      <defs>
        <pattern id="os-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="6" className="os-hatch-line" />
        </pattern>
      </defs>
      {hs.map((c, k) => c > 0 && <rect key={`s${k}`} x={HP + k * bw} y={Y(c)} width={bw - 1} height={HH - HP - Y(c)} className="os-bar-same" />)}
      {hd.map((c, k) => c > 0 && <rect key={`d${k}`} x={HP + k * bw} y={Y(c)} width={bw - 1} height={HH - HP - Y(c)} className="os-bar-diff" />)}
      <line x1={HP} x2={HW - HP} y1={HH - HP} y2={HH - HP} className="os-axis" />
      {ticks.map((t) => <text key={t} x={X(t)} y={HH - 8} textAnchor="middle" className="os-tick">{String(Number(t.toFixed(2)))}</text>)}
      <line x1={X(Math.min(tau, max))} x2={X(Math.min(tau, max))} y1={8} y2={HH - HP} className="os-tau" />
      <text x={X(Math.min(tau, max)) + 4} y={16} className="os-tau-label">τ</text>
      <g className="os-hist-key">
        <rect x={HW - 150} y={6} width={12} height={10} className="os-bar-same" /><text x={HW - 134} y={15} className="os-tick">{sameLabel}</text>
        <rect x={HW - 150} y={22} width={12} height={10} className="os-bar-diff" /><text x={HW - 134} y={31} className="os-tick">{diffLabel}</text>
      </g>
    </svg>
  );
}

export function ComponentBars({ features, w, label }: { features: number[]; w: ArrayLike<number>; label: string }) {
  const n = features.length;
  const W = 420, H = 110, P = 16;
  const bw = (W - 2 * P) / n;
  const wmax = Math.max(1e-9, ...Array.from(w, Math.abs));
  const fmax = Math.max(0.5, ...features);
  return (
    <svg className="os-bars" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}: ${features.map((f) => f.toFixed(2)).join(', ')}`}>
      {features.map((f, k) => {
        const h = (f / fmax) * (H - 2 * P);
        return (
          <g key={k}>
            <rect x={P + k * bw + 2} y={H - P - h} width={bw - 4} height={h} className="os-comp" style={{ opacity: 0.3 + 0.7 * (Math.abs(w[k]) / wmax) }} />
            <text x={P + k * bw + bw / 2} y={H - 3} textAnchor="middle" className="os-tick">{k + 1}</text>
          </g>
        );
      })}
      <line x1={P} x2={W - P} y1={H - P} y2={H - P} className="os-axis" />
    </svg>
  );
}
