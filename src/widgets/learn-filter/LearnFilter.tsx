// Start / pause / reset a learn-filter job in the worker; show the nine learned numbers next
// to the target's, the loss, the step and a loss curve. Progress arrives throttled (~20/s).
import { useMemo, useState } from 'react';
import { CellGrid, ErrorNote, Metric, Select, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import type { WorkerError } from '../../worker/protocol';
import { divergingScale, maxAbs } from '../../viz/colors';
import { FILTERS } from '../../viz/filters';
import { formatCell } from '../../viz/format';
import { useLongJob } from '../../ui/useLongJob';
import type { WidgetProps } from '../types';
import { LEARN_TARGETS, type LearnFilterParams, type LearnTarget } from './params';
import { LineChart } from '../../ui/LineChart';
import type { LineChartSpec } from '../../viz/lineChart';
import { learnFilterStrings } from './strings';
import './learn-filter.css';

const RATES = ['0.02', '0.05', '0.1', '0.2', '0.5', '1', '2', '3'] as const;
type Rate = (typeof RATES)[number];
const SEED = 1;

export default function LearnFilter({ params }: WidgetProps<LearnFilterParams>) {
  const t = useStrings(learnFilterStrings);
  const tj = useStrings(jobStrings);
  const palette = useThemePalette();
  const [target, setTarget] = useState<LearnTarget>(params.target);
  const [rate, setRate] = useState<Rate>('0.2');
  const [kernel, setKernel] = useState<number[] | null>(null);
  const [progress, setProgress] = useState<{ step: number; loss: number; maxAbsDiff: number } | null>(null);
  const [curve, setCurve] = useState<{ step: number; loss: number }[]>([]);
  const job = useLongJob('learn-filter', {
    onProgress: (p, snapshot) => {
      if (Number.isFinite(p.loss)) {
        setProgress({ step: p.step, loss: p.loss, maxAbsDiff: p.maxAbsDiff });
        setCurve((c) => (c.length && c[c.length - 1].step === p.step ? c : [...c, { step: p.step, loss: p.loss }]));
      }
      if (snapshot) setKernel(Array.from(snapshot.kernel));
    },
  });
  const { phase, error } = job;

  const reset = () => {
    job.cancel();
    setKernel(null);
    setProgress(null);
    setCurve([]);
  };

  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ target: [...FILTERS[target]], seed: SEED, learningRate: Number(rate) }, { stepsPerSecond: 60, fps: 20 });
  };

  const changeRate = (r: Rate) => {
    setRate(r);
    job.update({ learningRate: Number(r) });
  };
  const changeTarget = (v: LearnTarget) => {
    setTarget(v);
    reset();
  };

  // loss against step on a log axis: it falls by many orders of magnitude as the filter converges
  const curveSpec = useMemo<LineChartSpec | null>(
    () =>
      curve.length > 1
        ? { x: { min: curve[0].step, nice: false }, left: { log: true }, series: [{ xs: curve.map((p) => p.step), ys: curve.map((p) => p.loss), colour: '--accent', width: 2 }] }
        : null,
    [curve],
  );

  const targetKernel = [...FILTERS[target]];
  const scale = divergingScale(maxAbs(targetKernel), palette);
  const errorText = (e: WorkerError) =>
    e.code === 'non-finite-loss'
      ? fmt(t.diverged, { loss: String(e.values?.loss ?? '∞'), step: String(e.values?.step ?? '?'), lr: rate })
      : e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message });

  return (
    <div className="lf">
      <strong className="lf-title">{t.title}</strong>
      <p className="lf-intro">{t.intro}</p>
      <div className="lf-controls">
        <Select param="target" label={t.target} value={target} options={LEARN_TARGETS.map((v) => ({ value: v, label: t[v] }))} onChange={changeTarget} />
        <Select label={t.learningRate} value={rate} options={RATES.map((v) => ({ value: v, label: v }))} onChange={changeRate} />
        <div className="lf-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={job.pause}>{tj.pause}</button>
          ) : (
            <button type="button" className="lf-primary" data-action="start" onClick={start} disabled={phase === 'error'}>
              {phase === 'paused' ? tj.resume : tj.start}
            </button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{tj.reset}</button>
        </div>
      </div>
      <div className="lf-metrics">
        <Metric name="step" label={tj.stepCount} value={progress?.step ?? 0} />
        <Metric name="loss" label={t.loss} value={progress?.loss ?? null}>{progress ? progress.loss.toExponential(2) : '—'}</Metric>
        <Metric name="max-abs-diff" label={t.diff} value={progress?.maxAbsDiff ?? null}>{progress ? progress.maxAbsDiff.toFixed(3) : '—'}</Metric>
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <div className="lf-stage">
        <figure>
          <CellGrid rows={3} cols={3} values={kernel ?? new Array(9).fill(NaN)} label={t.learned} color={scale} format={(v) => (Number.isFinite(v) ? formatCell(v, 2) : '·')} cellEm={2.8} name="learned" />
          <figcaption>{t.learned}</figcaption>
        </figure>
        <figure>
          <CellGrid rows={3} cols={3} values={targetKernel} label={t.targetGrid} color={scale} cellEm={2.8} name="target" />
          <figcaption>{t.targetGrid}</figcaption>
        </figure>
        <figure className="lf-curve">
          <LineChart spec={curveSpec} label={t.curve} heightEm={7.5} widthEm={15} className="lf-svg" />
          <figcaption>{t.curve}</figcaption>
        </figure>
      </div>
      <p className="lf-status" aria-live="polite">
        {phase === 'done' && progress ? fmt(t.done, { step: progress.step, diff: progress.maxAbsDiff.toFixed(3) }) : phase === 'idle' ? t.ready : ''}
      </p>
    </div>
  );
}
