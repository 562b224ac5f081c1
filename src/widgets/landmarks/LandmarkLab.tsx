// Landmark regression trained live (params.show = 'train'): the train-landmarks job in the
// worker; the held-out error as a curve; six held-out faces with true and predicted landmarks.
// The faces are pure functions of their seeds, so the page draws them itself.
import { useCallback, useMemo, useState } from 'react';
import { ErrorNote, Metric, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import { FACE_LANDMARKS, LANDMARK_FACE_SIZE, landmarkTestFaces, meanLandmarkError } from '../../data/landmarkFaces';
import { RgbCanvas } from '../shared/RgbCanvas';
import { LM_SHOWN, type LandmarkProgress, type LandmarkSnapshot } from './job/train';
import { landmarkLabStrings } from './trainStrings';

const none = new Float32Array(0);
const K = FACE_LANDMARKS.length;
const N = LANDMARK_FACE_SIZE;

export function LandmarkLab() {
  const t = useStrings(landmarkLabStrings);
  const palette = useThemePalette();
  const faces = useMemo(() => landmarkTestFaces(LM_SHOWN), []);
  const [progress, setProgress] = useState<LandmarkProgress | null>(null);
  const [shown, setShown] = useState<Float32Array>(none);
  const curves = useMemo(() => live<LandmarkSnapshot | null>(null), []);
  const job = useLongJob('train-landmarks', {
    onProgress: (p, s) => {
      setProgress(p);
      if (s) {
        curves.set(s);
        if (s.shown.length) setShown(s.shown);
      }
    },
  });
  const { phase, error } = job;
  const reset = () => {
    job.cancel();
    setProgress(null);
    setShown(none);
    curves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ seed: 1 }, { fps: 8 });
  };
  const toErr = useCallback((s: LandmarkSnapshot | null): LineChartSpec => ({
    x: { min: 0, max: 100, label: t.steps },
    left: { min: 0, max: 8, cap: 40 },
    series: [{ xs: s?.testSteps ?? none, ys: s?.errors ?? none, colour: '--lm-err', width: 2, dots: true }],
  }), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps
  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const p = progress;
  const loss = p && Number.isFinite(p.loss) ? p.loss : null;
  const names = t.legend.split('|').map((s) => s.trim());

  return (
    <div className="lm-lab">
      <strong>{t.title}</strong>
      <p className="lm-lab-note">{t.intro}</p>
      <div className="lm-lab-buttons">
        {phase === 'running' ? (
          <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
        ) : (
          <button type="button" className="lm-lab-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
        )}
        <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
      </div>
      <div className="lm-lab-metrics">
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
        <Metric name="train-loss" label={t.loss} value={loss}>{loss !== null ? loss.toFixed(4) : '—'}</Metric>
        <Metric name="landmark-error" className="lm-lab-big" label={t.error} value={p?.error ?? null}>{p?.error != null ? fmt(t.px, { v: p.error.toFixed(2) }) : '—'}</Metric>
      </div>
      {p && <p className="lm-lab-note">{fmt(t.errorNote, { n: p.testFaces })}</p>}
      {phase === 'idle' && <p className="lm-lab-note" role="status">{t.ready}</p>}
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <figure className="lm-lab-chart">
        <LineChart live={curves} toSpec={toErr} label={t.errChart} heightEm={8} />
        <figcaption>{t.errChart}</figcaption>
      </figure>
      <p className="lm-lab-note">{t.shown}</p>
      <ul className="lm-lab-legend">{names.map((n, k) => <li key={k}><span className={`lm-dot lm-k${k}`} />{n}</li>)}</ul>
      <div className="lm-lab-faces">
        {faces.map((f, i) => {
          const pred = shown.length >= (i + 1) * 2 * K ? Array.from({ length: K }, (_, k) => ({ x: shown[i * 2 * K + 2 * k], y: shown[i * 2 * K + 2 * k + 1] })) : null;
          const label = fmt(t.faceLabel, { k: i + 1, pred: pred ? fmt(t.predLabel, { v: meanLandmarkError([pred], [f.points]).toFixed(2) }) : t.noPred });
          return (
            <figure key={f.seed} className="lm-lab-face">
              <div className="lm-lab-pic">
                <RgbCanvas rgb={f.image.data} width={N} label={label} em={8} pixelated />
                <svg viewBox={`0 0 ${N} ${N}`} aria-hidden="true">
                  {f.points.map((q, k) => <circle key={`t${k}`} cx={q.x} cy={q.y} r={1.3} className="lm-true" />)}
                  {pred?.map((q, k) => <circle key={`p${k}`} cx={q.x} cy={q.y} r={0.8} className={`lm-pred lm-k${k}`} />)}
                </svg>
              </div>
              <figcaption>{pred ? fmt(t.px, { v: meanLandmarkError([pred], [f.points]).toFixed(2) }) : '—'}</figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
