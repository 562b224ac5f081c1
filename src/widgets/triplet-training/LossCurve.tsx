// Loss per step (left axis, 0 to its max), the test-triplet loss (one dot per pass over the
// test digits) and the share of easy (zero-loss) triplets per batch (right axis, 0–100 %),
// drawn by the shared line chart from the snapshot box.
import { useCallback } from 'react';
import { format } from 'd3';
import { useThemePalette } from '../../ui';
import { LineChart } from '../../ui/LineChart';
import type { Live } from '../../ui/live';
import type { Palette } from '../../viz/colors';
import type { LineChartSpec } from '../../viz/lineChart';
import type { TripletEmbeddingSnapshot } from '../shared/job/embedding/tripletEmbedding';

const percent = format('.0%');

export function lossCurveSpec(s: TripletEmbeddingSnapshot | null, palette: Palette): LineChartSpec | null {
  if (!s || s.curve.step.length < 2) return null;
  const x0 = Math.max(0, s.curve.step[0]);
  return {
    x: { min: x0, nice: false },
    left: { min: 0, max: 1e-6 },
    right: { min: 0, max: 1, format: percent, nice: false },
    series: [
      { xs: s.curve.step, ys: s.curve.loss, colour: palette.fg, alpha: 0.55 },
      { xs: s.curve.step, ys: s.curve.easy, colour: palette.neg, dash: [5, 3], axis: 'right' },
      { xs: s.testCurve.step.map((v) => Math.max(x0, v)), ys: s.testCurve.loss, colour: palette.pos, width: 3, dots: true },
    ],
  };
}

export function LossCurve({ snapshot, label, lossLabel, testLabel, easyLabel }: { snapshot: Live<TripletEmbeddingSnapshot | null>; label: string; lossLabel: string; testLabel: string; easyLabel: string }) {
  const palette = useThemePalette();
  const toSpec = useCallback((s: TripletEmbeddingSnapshot | null) => lossCurveSpec(s, palette), [palette]);
  return (
    <figure className="tt-curve-figure">
      <LineChart live={snapshot} toSpec={toSpec} label={label} heightEm={9.5} className="tt-curve" />
      <ul className="tt-legend" aria-hidden="true">
        <li><i style={{ background: palette.fg, opacity: 0.55 }} />{lossLabel}</li>
        <li><i style={{ background: palette.pos }} />{testLabel}</li>
        <li><i style={{ background: palette.neg }} />{easyLabel}</li>
      </ul>
    </figure>
  );
}
