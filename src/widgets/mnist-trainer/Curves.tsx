// The lab's curves: training loss (left axis) and train / test accuracy (right axis, with the
// 97% mark) against images seen, drawn by the shared line chart from the snapshot box.
import { memo, useCallback } from 'react';
import { format } from 'd3';
import { LineChart } from '../../ui/LineChart';
import { useThemePalette } from '../../ui';
import type { Live } from '../../ui/live';
import type { LineChartSpec } from '../../viz/lineChart';
import type { TrainMnistSnapshot } from './job/train';
import type { CurveArrays } from './job/views';

export interface CurveLabels {
  label: string;
  loss: string;
  train: string;
  test: string;
  images: string;
}

const HEIGHT_EM = 220 / 16;
const images = format('~s');
const percent = format('.0%');

/** What the lab draws for its history so far (axes start at 2,000 images and a loss of 2.5). */
export function curvesSpec(c: CurveArrays | null, xLabel: string): LineChartSpec {
  const none = new Float32Array(0);
  return {
    x: { min: 0, max: 2000, format: images, label: xLabel },
    left: { min: 0, max: 2.5, cap: 10 },
    right: { min: 0, max: 1, format: percent, nice: false, guide: { value: 0.97, label: '97%' } },
    series: [
      { xs: c?.trainImages ?? none, ys: c?.trainLoss ?? none, colour: '--mt-loss', width: 1.5 },
      { xs: c?.trainImages ?? none, ys: c?.trainAcc ?? none, colour: '--mt-train', width: 1, axis: 'right' },
      { xs: c?.testImages ?? none, ys: c?.testAcc ?? none, colour: '--mt-test', width: 2.5, dots: true, axis: 'right' },
    ],
  };
}

export const Curves = memo(function Curves({ snapshot, labels }: { snapshot: Live<TrainMnistSnapshot | null>; labels: CurveLabels }) {
  // a new theme is a new function, so the chart re-reads its colours
  const palette = useThemePalette();
  const toSpec = useCallback((s: TrainMnistSnapshot | null) => curvesSpec(s?.curves ?? null, labels.images), [labels.images, palette]); // eslint-disable-line react-hooks/exhaustive-deps -- palette is listed so a new theme gives a new function (the chart re-reads its colours)
  return (
    <div className="mt-curves">
      <LineChart live={snapshot} toSpec={toSpec} label={labels.label} heightEm={HEIGHT_EM} />
      <ul className="mt-legend" aria-hidden="true">
        <li><span className="mt-swatch mt-sw-loss" />{labels.loss}</li>
        <li><span className="mt-swatch mt-sw-train" />{labels.train}</li>
        <li><span className="mt-swatch mt-sw-test" />{labels.test}</li>
      </ul>
    </div>
  );
});
