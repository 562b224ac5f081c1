// yolo-lab: start / pause / reset the detector's training in the worker; the anchors' k-means,
// the loss and mAP@0.5 curves, the precision–recall curves, and the inference pipeline on a
// held-out scene the student picks. Curves are drawn from a Live box; the held-out raw outputs
// arrive once per held-out pass and the pipeline is recomputed here (a few hundred boxes).
import { useCallback, useMemo, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, Select, Slider, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import { detectionScene, DETECTION_CLASSES, TEST_SEED_BASE } from '../../data/detectionScenes';
import type { WidgetProps } from '../types';
import type { YoloLabProgress, YoloLabSnapshot } from './job/train';
import { ANCHOR_CHOICES, GRID, TEST_COUNT, type YoloLabParams } from './params';
import { AnchorView } from './AnchorView';
import { PipelineView } from './PipelineView';
import { yoloLabStrings } from './strings';
import './style.css';

const SEED = 1;
const percent = format('.0%');
const none = new Float32Array(0);
const CLASS_COLOURS = ['--yl-c0', '--yl-c1', '--yl-c2'];

const lossSpec = (s: YoloLabSnapshot | null, xLabel: string): LineChartSpec => ({
  x: { min: 0, max: 50, label: xLabel },
  left: { min: 0, max: 2, cap: 8 },
  series: [{ xs: s?.lossSteps ?? none, ys: s?.loss ?? none, colour: '--accent', width: 2 }],
});

const mapSpec = (s: YoloLabSnapshot | null, xLabel: string): LineChartSpec => ({
  x: { min: 0, max: 50, label: xLabel },
  left: { min: 0, max: 1, format: percent, nice: false, guide: { value: 0.8, label: '0.8' } },
  series: [{ xs: s?.mapSteps ?? none, ys: s?.map ?? none, colour: '--pos', width: 2, dots: true }],
});

const prSpec = (s: YoloLabSnapshot | null, xLabel: string): LineChartSpec => ({
  x: { min: 0, max: 1, label: xLabel, nice: false },
  left: { min: 0, max: 1, nice: false },
  series: (s?.prRecall ?? []).map((r, c) => ({ xs: r, ys: s!.prPrecision[c], colour: CLASS_COLOURS[c % 3], width: 2 })),
});

export default function YoloLab({ params }: WidgetProps<YoloLabParams>) {
  const t = useStrings(yoloLabStrings);
  const palette = useThemePalette();
  const [anchors, setAnchors] = useState(params.anchors);
  const [progress, setProgress] = useState<YoloLabProgress | null>(null);
  const [snap, setSnap] = useState<YoloLabSnapshot | null>(null);
  const [testRaw, setTestRaw] = useState<Float32Array | null>(null);
  const [sceneIndex, setSceneIndex] = useState(0);
  const [threshold, setThreshold] = useState(0.5);
  // two Live boxes so each chart repaints only when its data changed: the loss per step, the
  // mAP and precision–recall curves once per held-out pass
  const lossCurve = useMemo(() => live<YoloLabSnapshot | null>(null), []);
  const passCurves = useMemo(() => live<YoloLabSnapshot | null>(null), []);
  // only the picked held-out scene is drawn here (the same seed as the worker's k-th test scene)
  const scene = useMemo(() => detectionScene(TEST_SEED_BASE + sceneIndex), [sceneIndex]);
  const sceneOptions = useMemo(() => Array.from({ length: TEST_COUNT }, (_, k) => ({ value: String(k + 1), label: String(k + 1) })), []);
  const job = useLongJob('yolo-lab', {
    onProgress: (p, snapshot) => {
      setProgress(p);
      if (!snapshot) return;
      if (lossCurve.get()?.lossSteps.length !== snapshot.lossSteps.length) lossCurve.set(snapshot);
      if (passCurves.get()?.testedAt !== snapshot.testedAt) passCurves.set(snapshot);
      // the pictures, anchors and PR curves change only once per held-out pass
      setSnap((prev) => (prev && prev.testedAt === snapshot.testedAt && prev.anchors.length === snapshot.anchors.length ? prev : snapshot));
      if (snapshot.testRaw.length) setTestRaw(snapshot.testRaw);
    },
  });
  const { phase, error } = job;

  const reset = () => {
    job.cancel();
    setProgress(null);
    setSnap(null);
    setTestRaw(null);
    lossCurve.set(null);
    passCurves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ anchors: Number(anchors), seed: SEED }, { fps: 4 });
  };

  const toLoss = useCallback((s: YoloLabSnapshot | null) => lossSpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps
  const toMap = useCallback((s: YoloLabSnapshot | null) => mapSpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps
  const toPr = useCallback((s: YoloLabSnapshot | null) => prSpec(s, t.recall), [t.recall, palette]); // eslint-disable-line react-hooks/exhaustive-deps

  const errorText = (e: WorkerError) =>
    e.code === 'non-finite-loss' ? fmt(t.diverged, { loss: String(e.values?.loss ?? '∞'), step: String(e.values?.step ?? '?') })
    : e.code === 'worker-restarted' ? t.restarted
    : fmt(t.failed, { msg: e.message });

  const p = progress;
  const loss = p?.loss && Number.isFinite(p.loss.total) ? p.loss : null;
  const classNames = useMemo(() => DETECTION_CLASSES.map((c) => t[c]), [t]);
  const status =
    phase === 'done' && p ? fmt(t.done, { step: p.step })
    : (phase === 'running' || phase === 'paused') && p?.status === 'preparing' ? fmt(t.preparing, { p: percent(p.prepared) })
    : phase === 'idle' ? t.ready : '';

  return (
    <div className="yl">
      <strong className="yl-title">{t.title}</strong>
      <p className="yl-p">{fmt(t.intro, { S: GRID, B: anchors })}</p>
      <p className="yl-p">{fmt(t.todo, { n: TEST_COUNT })}</p>
      <div className="yl-controls">
        <Select label={t.anchors} param="anchors" value={anchors} options={ANCHOR_CHOICES.map((v) => ({ value: v, label: v }))} onChange={(v) => { setAnchors(v); reset(); }} />
        <div className="yl-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
          ) : (
            <button type="button" className="yl-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
        </div>
      </div>
      <div className="yl-metrics">
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
        <Metric name="train-seconds" label={t.seconds} value={p ? Number(p.seconds.toFixed(1)) : null}>{p ? p.seconds.toFixed(1) : '—'}</Metric>
        <Metric name="test-seconds" label={t.testSeconds} value={p ? Number(p.testSeconds.toFixed(1)) : null}>{p ? p.testSeconds.toFixed(1) : '—'}</Metric>
        <Metric name="train-loss" label={t.trainLoss} value={loss?.total ?? null}>{loss ? loss.total.toFixed(3) : '—'}</Metric>
        <Metric name="map50" className="yl-strong" label={t.map50} value={p?.map50 ?? null}>{p?.map50 != null ? p.map50.toFixed(3) : '—'}</Metric>
      </div>
      {loss && <p className="yl-note" data-loss-parts="">{fmt(t.lossParts, { box: loss.box.toFixed(3), obj: loss.objectness.toFixed(3), noobj: loss.noObject.toFixed(3), cls: loss.classes.toFixed(3) })}</p>}
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <p className="yl-status" aria-live="polite">{status}</p>
      <div className="yl-grid">
        <AnchorView snapshot={snap} t={t} />
        <figure className="yl-chart">
          <LineChart live={lossCurve} toSpec={toLoss} label={t.lossChart} heightEm={8} />
          <figcaption>{t.lossChart}</figcaption>
          <LineChart live={passCurves} toSpec={toMap} label={t.mapChart} heightEm={8} />
          <figcaption>{t.mapChart}</figcaption>
        </figure>
        <figure className="yl-chart">
          <LineChart live={passCurves} toSpec={toPr} label={t.prChart} heightEm={12} />
          <figcaption>{t.prChart}</figcaption>
          <ul className="yl-ap">
            {DETECTION_CLASSES.map((c, k) => (
              <li key={c} className={`yl-c${k}`}>
                <span className="yl-swatch" />
                <Metric name={`ap-${c}`} label={fmt(t.apOf, { name: classNames[k] })} value={snap?.ap.length ? snap.ap[k] : null}>{snap?.ap.length ? snap.ap[k].toFixed(3) : '—'}</Metric>
              </li>
            ))}
          </ul>
          <p className="yl-note">{t.prCaption}</p>
        </figure>
      </div>
      <section className="yl-inference">
        <div className="yl-controls">
          <strong className="yl-h">{t.pipelineTitle}</strong>
          <button type="button" aria-label={t.previous} onClick={() => setSceneIndex((k) => (k + TEST_COUNT - 1) % TEST_COUNT)}>←</button>
          <Select label={t.scene} param="scene" value={String(sceneIndex + 1)} options={sceneOptions} onChange={(v) => setSceneIndex(Number(v) - 1)} />
          <button type="button" aria-label={t.next} onClick={() => setSceneIndex((k) => (k + 1) % TEST_COUNT)}>→</button>
          <Slider label={t.threshold} value={threshold} min={0.05} max={0.95} step={0.05} onChange={setThreshold} format={(v) => v.toFixed(2)} />
        </div>
        <PipelineView scene={scene} index={sceneIndex} testRaw={testRaw} anchors={snap?.anchors ?? null} threshold={threshold} classNames={classNames} t={t} />
      </section>
      <p className="yl-note">{t.setup}</p>
    </div>
  );
}
