// Start / pause / reset the tta-ensemble job; the table of methods fills in as the held-out
// pictures are scored (accuracy, gain over one network, measured time per picture, cost ratio).
import { useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { useLongJob } from '../../ui/useLongJob';
import type { WorkerError } from '../../worker/protocol';
import type { WidgetProps } from '../types';
import type { TtaProgress } from './job/train';
import type { TtaEnsembleParams } from './params';
import { methodRows } from './view';
import { ttaEnsembleStrings } from './strings';
import './style.css';

const percent = format('.1%');
const signedPoints = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(100 * v).toFixed(1)} pt`;

export default function TtaEnsemble(_: WidgetProps<TtaEnsembleParams>) {
  const t = useStrings(ttaEnsembleStrings);
  const [progress, setProgress] = useState<TtaProgress | null>(null);
  const job = useLongJob('tta-ensemble', { onProgress: (p) => setProgress(p) });
  const { phase, error } = job;
  const reset = () => {
    job.cancel();
    setProgress(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({}, { fps: 6 });
  };
  const p = progress;
  const rows = p ? methodRows(p.results, p.scored) : null;
  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const status =
    !p ? (phase === 'idle' ? t.ready : '')
    : p.phase === 'train' ? fmt(t.training, { step: p.step, steps: p.steps })
    : p.phase === 'evaluate' ? fmt(t.scoring, { n: p.scored, total: p.testCount })
    : fmt(t.done, { total: p.testCount });

  return (
    <div className="tta">
      <strong className="tta-title">{t.title}</strong>
      <p>{t.intro}</p>
      <p>{t.todo}</p>
      <div className="tta-controls">
        {phase === 'running' ? (
          <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
        ) : (
          <button type="button" className="tta-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
        )}
        <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
        <Metric name="train-step" label={t.trainStep} value={p?.step ?? 0} />
        <Metric name="scored" label={t.scored} value={p?.scored ?? 0}>{p ? `${p.scored} / ${p.testCount}` : '0'}</Metric>
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <table className="tta-table">
        <thead>
          <tr><th scope="col">{t.method}</th><th scope="col">{t.passes}</th><th scope="col">{t.accuracy}</th><th scope="col">{t.gain}</th><th scope="col">{t.ms}</th><th scope="col">{t.cost}</th></tr>
        </thead>
        <tbody>
          {(['single', 'crops', 'ensemble', 'ensembleCrops'] as const).map((m, i) => {
            const r = rows?.[i];
            return (
              <tr key={m} data-method={m}>
                <th scope="row">{t[m]}</th>
                <td>{p?.results[m].passes ?? '—'}</td>
                <td><Metric name={`${m}-accuracy`} value={r?.accuracy ?? null}>{r ? percent(r.accuracy) : '—'}</Metric></td>
                <td><Metric name={`${m}-gain`} value={r?.gain ?? null}>{r ? signedPoints(r.gain) : '—'}</Metric></td>
                <td><Metric name={`${m}-ms`} value={r?.msPerPicture ?? null}>{r ? `${r.msPerPicture.toFixed(r.msPerPicture < 10 ? 2 : 1)} ms` : '—'}</Metric></td>
                <td><Metric name={`${m}-cost`} value={r?.costRatio ?? null}>{r && Number.isFinite(r.costRatio) ? `${r.costRatio.toFixed(1)}×` : '—'}</Metric></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="tta-note">{t.averaged} {t.noisy}</p>
      <p className="tta-status" aria-live="polite">{status}</p>
    </div>
  );
}
