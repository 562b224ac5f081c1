// Start / pause / reset the resnet-vs-plain job in the worker: the two training losses and
// test accuracies as curves, the per-layer gradient norms as bars. Progress arrives throttled;
// the curves are drawn from a Live box, so the page never re-renders per snapshot.
import { useCallback, useMemo, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, Select, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import type { WidgetProps } from '../types';
import type { ResnetVsPlainProgress, ResnetVsPlainSnapshot } from './job/train';
import { DEPTH_CHOICES, WIDTH_CHOICES, type ResnetVsPlainParams } from './params';
import { GradientBars } from './GradientBars';
import { resnetVsPlainStrings } from './strings';
import './style.css';

const RATES = ['0.003', '0.01', '0.03', '0.1'] as const;
type Rate = (typeof RATES)[number];
const SEED = 1;
const percent = format('.0%');

function lossSpec(s: ResnetVsPlainSnapshot | null, xLabel: string): LineChartSpec {
  const none = new Float32Array(0);
  return {
    x: { min: 0, max: 100, label: xLabel },
    left: { min: 0, max: 2.5, cap: 5, guide: { value: Math.log(10), label: 'ln 10' } },
    series: [
      { xs: s?.steps ?? none, ys: s?.plainLoss ?? none, colour: '--rvp-plain', width: 2 },
      { xs: s?.steps ?? none, ys: s?.residualLoss ?? none, colour: '--rvp-residual', width: 2 },
    ],
  };
}

function accuracySpec(s: ResnetVsPlainSnapshot | null, xLabel: string): LineChartSpec {
  const none = new Float32Array(0);
  return {
    x: { min: 0, max: 100, label: xLabel },
    left: { min: 0, max: 1, format: percent, nice: false },
    series: [
      { xs: s?.testSteps ?? none, ys: s?.plainAccuracy ?? none, colour: '--rvp-plain', width: 2, dots: true },
      { xs: s?.testSteps ?? none, ys: s?.residualAccuracy ?? none, colour: '--rvp-residual', width: 2, dots: true },
    ],
  };
}

export default function ResnetVsPlain({ params }: WidgetProps<ResnetVsPlainParams>) {
  const t = useStrings(resnetVsPlainStrings);
  const tj = useStrings(jobStrings);
  const palette = useThemePalette();
  const [depth, setDepth] = useState(params.depth);
  const [width, setWidth] = useState(params.width);
  const [rate, setRate] = useState<Rate>('0.01');
  const [progress, setProgress] = useState<ResnetVsPlainProgress | null>(null);
  const [grads, setGrads] = useState<{ plain: Float32Array; residual: Float32Array } | null>(null);
  const curves = useMemo(() => live<ResnetVsPlainSnapshot | null>(null), []);
  const job = useLongJob('resnet-vs-plain', {
    onProgress: (p, snapshot) => {
      setProgress(p);
      if (snapshot) {
        curves.set(snapshot);
        setGrads(snapshot.plainGrads.length ? { plain: snapshot.plainGrads, residual: snapshot.residualGrads } : null);
      }
    },
  });
  const { phase, error } = job;

  const reset = () => {
    job.cancel();
    setProgress(null);
    setGrads(null);
    curves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    const dataUrl = new URL('data/', document.baseURI).href;
    job.start({ depth: Number(depth), width: Number(width), seed: SEED, learningRate: Number(rate), dataUrl }, { fps: 10 });
  };
  const changeRate = (r: Rate) => {
    setRate(r);
    job.update({ learningRate: Number(r) });
  };

  // a new theme is a new function, so the charts re-read their colours
  const toLoss = useCallback((s: ResnetVsPlainSnapshot | null) => lossSpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps -- palette is listed so a new theme gives a new function (the chart re-reads its colours)
  const toAccuracy = useCallback((s: ResnetVsPlainSnapshot | null) => accuracySpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps -- palette is listed so a new theme gives a new function (the chart re-reads its colours)

  const errorText = (e: WorkerError) =>
    e.code === 'non-finite-loss'
      ? fmt(t.diverged, { network: e.values?.network === 'plain' ? t.plain : t.residual, loss: String(e.values?.loss ?? '∞'), step: String(e.values?.step ?? '?'), lr: rate })
      : e.code === 'worker-restarted' ? t.restarted
      : e.code === 'no-data' ? fmt(t.noData, { msg: String(e.values?.reason ?? e.message) })
      : fmt(t.failed, { msg: e.message });

  const loss = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
  const p = progress;
  const status =
    phase === 'done' && p ? fmt(t.done, { step: p.step })
    : phase === 'running' && p?.status === 'loading' ? t.loading
    : phase === 'idle' ? t.ready : '';

  return (
    <div className="rvp">
      <strong className="rvp-title">{t.title}</strong>
      <p className="rvp-intro">{t.intro}</p>
      <p className="rvp-intro">{t.todo}</p>
      <div className="rvp-controls">
        <Select param="depth" label={t.depth} value={depth} options={DEPTH_CHOICES.map((v) => ({ value: v, label: v }))} onChange={(v) => { setDepth(v); reset(); }} />
        <Select param="width" label={t.width} value={width} options={WIDTH_CHOICES.map((v) => ({ value: v, label: v }))} onChange={(v) => { setWidth(v); reset(); }} />
        <Select label={t.learningRate} value={rate} options={RATES.map((v) => ({ value: v, label: v }))} onChange={changeRate} />
        <div className="rvp-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={job.pause}>{tj.pause}</button>
          ) : (
            <button type="button" className="rvp-primary" data-action="start" onClick={start} disabled={phase === 'error' && !job.crashed && error?.code !== 'non-finite-loss'}>
              {phase === 'paused' ? tj.resume : tj.start}
            </button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{tj.reset}</button>
        </div>
      </div>
      <div className="rvp-metrics">
        <Metric name="depth" label={t.depth} value={Number(depth)} />
        <Metric name="step" label={tj.stepCount} value={p?.step ?? 0} />
        <Metric name="plain-train-loss" className="rvp-m-plain" label={t.plainLoss} value={loss(p?.plain.loss)}>{loss(p?.plain.loss)?.toFixed(3) ?? '—'}</Metric>
        <Metric name="residual-train-loss" className="rvp-m-residual" label={t.residualLoss} value={loss(p?.residual.loss)}>{loss(p?.residual.loss)?.toFixed(3) ?? '—'}</Metric>
        <Metric name="plain-test-accuracy" className="rvp-m-plain" label={t.plainAcc} value={p?.plain.testAccuracy ?? null}>{p?.plain.testAccuracy != null ? percent(p.plain.testAccuracy) : '—'}</Metric>
        <Metric name="residual-test-accuracy" className="rvp-m-residual" label={t.residualAcc} value={p?.residual.testAccuracy ?? null}>{p?.residual.testAccuracy != null ? percent(p.residual.testAccuracy) : '—'}</Metric>
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <ul className="rvp-legend" aria-hidden="true">
        <li><span className="rvp-swatch rvp-sw-plain" />{t.plain}</li>
        <li><span className="rvp-swatch rvp-sw-residual" />{t.residual}</li>
      </ul>
      <div className="rvp-charts">
        <figure>
          <LineChart live={curves} toSpec={toLoss} label={t.lossChart} heightEm={10} />
          <figcaption>{t.lossChart}</figcaption>
        </figure>
        <figure>
          <LineChart live={curves} toSpec={toAccuracy} label={t.accChart} heightEm={10} />
          <figcaption>{t.accChart}</figcaption>
        </figure>
      </div>
      <GradientBars
        title={t.gradTitle}
        layerLabel={t.gradLayer}
        empty={t.gradNone}
        drop={t.gradDrop}
        noDrop={t.gradGrow}
        rows={[
          { name: 'plain', label: t.plain, values: grads?.plain ?? null },
          { name: 'residual', label: t.residual, values: grads?.residual ?? null },
        ]}
      />
      <p className="rvp-setup">{t.setup}</p>
      <p className="rvp-status" aria-live="polite">{status}</p>
    </div>
  );
}
