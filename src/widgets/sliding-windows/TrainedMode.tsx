// Sliding windows for real (trained: true): the window classifier trained in the worker, then
// run over a held-out 28×28 scene crop by crop and in one convolutional pass. The page shows the
// one-pass output grid, the windows it calls objects, the largest difference between the two
// ways and the measured time of each.
import { useCallback, useMemo, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, Select, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import { SceneBoxes, type DrawnBox } from '../shared/detection/SceneBoxes';
import { detectionClassName, detectionClassStrings } from '../shared/detection/strings';
import { SW_SHOWN, swTestScene, type SwTrainProgress, type SwTrainSnapshot } from './job/train';
import { windowDetections } from './view';
import { swTrainStrings } from './trainStrings';

const percent = format('.1%');
const count = format(',');
const none = new Float32Array(0);
const CLASSES = 4;

export function TrainedMode() {
  const t = useStrings(swTrainStrings);
  const tc = useStrings(detectionClassStrings);
  const palette = useThemePalette();
  const [scene, setScene] = useState(0);
  const [progress, setProgress] = useState<SwTrainProgress | null>(null);
  const [onePass, setOnePass] = useState<Float32Array>(none);
  const curves = useMemo(() => live<SwTrainSnapshot | null>(null), []);
  const job = useLongJob('train-sliding-windows', {
    onProgress: (p, s) => {
      setProgress(p);
      // trained and compared: pause, keeping the trained network in the worker for other scenes
      if (p.step >= p.maxSteps && p.comparison?.step === p.step) job.handle()?.pause();
      if (s) {
        curves.set(s);
        if (s.onePass.length) setOnePass(s.onePass);
      }
    },
  });
  const { phase, error } = job;
  const reset = () => {
    job.cancel();
    setProgress(null);
    setOnePass(none);
    curves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ seed: 1, scene }, { fps: 8 });
  };
  const pickScene = (v: string) => {
    const k = Number(v);
    setScene(k);
    if (job.phase === 'paused') {
      job.update({ scene: k });
      job.step(1); // the pending comparison runs as the next step (no training)
    } else job.update({ scene: k });
  };
  const toAcc = useCallback((s: SwTrainSnapshot | null): LineChartSpec => ({
    x: { min: 0, max: 100, label: t.steps },
    left: { min: 0, max: 1, nice: false },
    series: [{ xs: s?.testSteps ?? none, ys: s?.accuracies ?? none, colour: '--sw-acc', width: 2, dots: true }],
  }), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps

  const p = progress;
  const c = p?.comparison ?? null;
  const shownScene = c ? c.scene : scene;
  const img = useMemo(() => swTestScene(shownScene), [shownScene]);
  const m = c?.m ?? 8;
  const dets = onePass.length ? windowDetections(onePass, m, CLASSES, 0.5) : [];
  const boxes: DrawnBox[] = [
    ...dets.map((d) => ({ box: d.box, kind: 'faint' as const, classId: d.classId })),
    ...img.objects.map((o) => ({ box: o.box, kind: 'truth' as const, classId: -1 })),
  ];
  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const loss = p && Number.isFinite(p.loss) ? p.loss : null;
  const names = [0, 1, 2, 3].map((k) => detectionClassName(tc, k === 3 ? -1 : k));
  const cells = onePass.length
    ? Array.from({ length: m * m }, (_, q) => {
      let best = 0;
      for (let k = 1; k < CLASSES; k++) if (onePass[q * CLASSES + k] > onePass[q * CLASSES + best]) best = k;
      return { best, p: onePass[q * CLASSES + best] };
    })
    : [];

  return (
    <div className="sw-trained">
      <strong>{t.title}</strong>
      <p className="sw-hint">{t.intro}</p>
      <div className="sw-trained-controls">
        <Select label={t.scene} value={String(scene)} options={Array.from({ length: SW_SHOWN }, (_, k) => ({ value: String(k), label: fmt(t.sceneN, { k: k + 1 }) }))} onChange={pickScene} />
        {phase === 'running' ? (
          <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
        ) : (
          <button type="button" className="sw-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
        )}
        <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
      </div>
      <div className="sw-trained-metrics">
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
        <Metric name="train-loss" label={t.loss} value={loss}>{loss !== null ? loss.toFixed(3) : '—'}</Metric>
        <Metric name="window-accuracy" label={t.accuracy} value={p?.accuracy ?? null}>{p?.accuracy != null ? percent(p.accuracy) : '—'}</Metric>
        <Metric name="max-diff" className="sw-big" label={t.maxDiff} value={c?.maxDiff ?? null}>{c ? c.maxDiff.toExponential(1) : '—'}</Metric>
      </div>
      {p && <p className="sw-hint">{fmt(t.accNote, { n: p.testCrops })}</p>}
      {phase === 'idle' && <p className="sw-hint" role="status">{t.ready}</p>}
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      {c ? (
        <>
          <table className="sw-cost">
            <thead><tr><th scope="col">{t.colWay}</th><th scope="col">{t.colPasses}</th><th scope="col">{t.colMults}</th><th scope="col">{t.colTime}</th></tr></thead>
            <tbody>
              <tr>
                <th scope="row">{t.msCrops}</th>
                <td><Metric name="passes-crops" value={c.windows} /></td>
                <td><Metric name="multiplies-crops" value={c.multipliesCrops}>{count(c.multipliesCrops)}</Metric></td>
                <td><Metric name="ms-crops" value={Number(c.msCrops.toFixed(3))}>{fmt(t.ms, { v: c.msCrops.toFixed(1) })}</Metric></td>
              </tr>
              <tr>
                <th scope="row">{t.msOnePass}</th>
                <td><Metric name="passes-one" value={1} /></td>
                <td><Metric name="multiplies-one-pass" value={c.multipliesOnePass}>{count(c.multipliesOnePass)}</Metric></td>
                <td><Metric name="ms-one-pass" value={Number(c.msOnePass.toFixed(3))}>{fmt(t.ms, { v: c.msOnePass.toFixed(1) })}</Metric></td>
              </tr>
            </tbody>
          </table>
          <p className="sw-hint">{fmt(t.same, { n: c.windows * CLASSES, d: c.maxDiff.toExponential(1) })} {fmt(t.timing, { step: c.step, k: c.scene + 1 })}</p>
        </>
      ) : p && <p className="sw-hint">{t.waiting}</p>}
      <div className="sw-trained-main">
        <figure>
          <SceneBoxes image={img.image} boxes={boxes} label={fmt(t.picture, { k: shownScene + 1, n: dets.length })} em={14} name="sw-scene" />
          <figcaption className="sw-hint">{fmt(t.picture, { k: shownScene + 1, n: dets.length })}</figcaption>
        </figure>
        <figure>
          <svg className="sw-out-grid" viewBox={`0 0 ${m} ${m}`} role="img" aria-label={fmt(t.gridLabel, { cells: cells.map((q) => names[q.best]).join(', ') })} data-grid="one-pass">
            {cells.map((q, i) => (
              <rect key={i} x={i % m} y={Math.floor(i / m)} width={0.94} height={0.94} className={`sw-cls-${q.best}`} opacity={0.25 + 0.75 * q.p} />
            ))}
          </svg>
          <figcaption className="sw-hint">{t.grid}</figcaption>
          <ul className="sw-legend">{names.map((n, k) => <li key={k}><span className={`sw-swatch sw-cls-${k}`} />{n}</li>)}</ul>
        </figure>
        <figure className="sw-acc-chart">
          <LineChart live={curves} toSpec={toAcc} label={t.accChart} heightEm={8} />
          <figcaption className="sw-hint">{t.accChart}</figcaption>
        </figure>
      </div>
    </div>
  );
}
