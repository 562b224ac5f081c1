// Start / pause / reset the augmentation-training job: both networks' training and held-out
// accuracy on one chart (dashed = training pictures, solid = held-out), the gap as numbers,
// and a few of the augmented pictures the second network was trained on.
import { useCallback, useMemo, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, Select, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import { RgbCanvas } from '../shared/RgbCanvas';
import type { WidgetProps } from '../types';
import type { AugTrainProgress, AugTrainSnapshot, NetProgress } from './job/train';
import { PER_CLASS_CHOICES, PICTURE_SIZE, type AugmentationTrainingParams } from './params';
import { augmentationTrainingStrings } from './strings';
import './style.css';

type PerClass = AugmentationTrainingParams['perClass'];
const percent = format('.0%');
const points = (v: number | null | undefined) => (v != null ? `${Math.round(100 * v)} pt` : '—');
const none = new Float32Array(0);
const PIXELS = 3 * PICTURE_SIZE * PICTURE_SIZE;

function accuracySpec(s: AugTrainSnapshot | null, xLabel: string): LineChartSpec {
  const xs = s?.evalSteps ?? none;
  return {
    x: { min: 0, max: 300, label: xLabel },
    left: { min: 0, max: 1, format: percent, nice: false, guide: { value: 0.25, label: '25%' } },
    series: [
      { xs, ys: s?.plainTrain ?? none, colour: '--at-plain', width: 1.5, dash: [5, 4] },
      { xs, ys: s?.augmentedTrain ?? none, colour: '--at-augmented', width: 1.5, dash: [5, 4] },
      { xs, ys: s?.plainTest ?? none, colour: '--at-plain', width: 2.5, dots: true },
      { xs, ys: s?.augmentedTest ?? none, colour: '--at-augmented', width: 2.5, dots: true },
    ],
  };
}

function NetMetrics({ name, label, p, t }: { name: string; label: string; p: NetProgress | undefined; t: { trainAcc: string; testAcc: string; gap: string } }) {
  return (
    <div className={`at-net at-m-${name}`}>
      <strong>{label}</strong>
      <Metric name={`${name}-train-accuracy`} label={t.trainAcc} value={p?.trainAccuracy ?? null}>{p?.trainAccuracy != null ? percent(p.trainAccuracy) : '—'}</Metric>
      <Metric name={`${name}-test-accuracy`} label={t.testAcc} value={p?.testAccuracy ?? null}>{p?.testAccuracy != null ? percent(p.testAccuracy) : '—'}</Metric>
      <Metric name={`${name}-gap`} className="at-gap" label={t.gap} value={p?.gap ?? null}>{points(p?.gap)}</Metric>
    </div>
  );
}

export default function AugmentationTraining({ params }: WidgetProps<AugmentationTrainingParams>) {
  const t = useStrings(augmentationTrainingStrings);
  const palette = useThemePalette();
  const [perClass, setPerClass] = useState<PerClass>(params.perClass);
  const [progress, setProgress] = useState<AugTrainProgress | null>(null);
  const [samples, setSamples] = useState<Float32Array | null>(null);
  const curves = useMemo(() => live<AugTrainSnapshot | null>(null), []);
  const job = useLongJob('augmentation-training', {
    onProgress: (p, snapshot) => {
      setProgress(p);
      if (snapshot) {
        curves.set(snapshot);
        if (p.step > 0) setSamples(snapshot.samples);
      }
    },
  });
  const { phase, error } = job;

  const reset = () => {
    job.cancel();
    setProgress(null);
    setSamples(null);
    curves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ perClass: Number(perClass) }, { fps: 6 });
  };

  // a new theme is a new function, so the chart re-reads its colours
  const toSpec = useCallback((s: AugTrainSnapshot | null) => accuracySpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps

  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const p = progress;
  const status =
    phase === 'done' && p ? fmt(t.done, { step: p.step, plain: points(p.plain.gap), aug: points(p.augmented.gap) })
    : phase === 'idle' ? t.ready : '';
  const shown = samples ? Array.from({ length: samples.length / PIXELS }, (_, i) => samples.subarray(i * PIXELS, (i + 1) * PIXELS)) : [];

  return (
    <div className="at">
      <strong className="at-title">{t.title}</strong>
      <p className="at-intro">{t.intro}</p>
      <p className="at-intro">{t.todo}</p>
      <p className="at-note">{t.onlyTrain}</p>
      <div className="at-controls">
        <Select label={t.perClass} value={perClass} param="perClass" options={PER_CLASS_CHOICES.map((v) => ({ value: v, label: v }))} onChange={(v) => { setPerClass(v); reset(); }} />
        <div className="at-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
          ) : (
            <button type="button" className="at-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
        </div>
        <Metric name="examples-per-class" label={t.perClass} value={Number(perClass)} />
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
      </div>
      <div className="at-metrics">
        <NetMetrics name="plain" label={t.plain} p={p?.plain} t={t} />
        <NetMetrics name="augmented" label={t.augmented} p={p?.augmented} t={t} />
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <ul className="at-legend" aria-hidden="true">
        <li><span className="at-swatch at-sw-plain" />{t.plain}</li>
        <li><span className="at-swatch at-sw-augmented" />{t.augmented}</li>
        <li>{t.legendTrain}</li>
        <li>{t.legendTest}</li>
      </ul>
      <figure className="at-chart">
        <LineChart live={curves} toSpec={toSpec} label={t.chart} heightEm={12} />
        <figcaption>{t.chart}</figcaption>
      </figure>
      {shown.length > 0 && (
        <figure className="at-samples">
          <figcaption>{t.samples}</figcaption>
          <div className="at-sample-row">
            {shown.map((rgb, i) => <RgbCanvas key={i} rgb={rgb} width={PICTURE_SIZE} label={`${t.samples} ${i + 1}`} em={4} />)}
          </div>
        </figure>
      )}
      <p className="at-status" aria-live="polite">{status}</p>
    </div>
  );
}
