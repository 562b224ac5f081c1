// Start / pause / reset the transfer-learning job: the training pictures (drawn here, the
// same seeded draw the worker trains on), what is frozen and what is trained, and the two
// learners' loss and held-out accuracy curves, drawn from a Live box.
import { useCallback, useMemo, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, Select, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import { TEXTURE_CLASSES, textureSet } from '../../data/textureClasses';
import { RgbCanvas } from '../shared/RgbCanvas';
import { loadStemModel } from '../shared/stylePictures';
import type { WidgetProps } from '../types';
import type { TransferProgress, TransferSnapshot } from './job/train';
import { PER_CLASS_CHOICES, PICTURE_SIZE, TRAIN_SEED, type TransferLearningParams } from './params';
import { transferLearningStrings } from './strings';
import './style.css';

type PerClass = TransferLearningParams['perClass'];
const percent = format('.0%');
const whole = format(',');
const none = new Float32Array(0);

function lossSpec(s: TransferSnapshot | null, xLabel: string): LineChartSpec {
  return {
    x: { min: 0, max: 200, label: xLabel },
    left: { min: 0, max: 1.5, cap: 3, guide: { value: Math.log(4), label: 'ln 4' } },
    series: [
      { xs: s?.steps ?? none, ys: s?.scratchLoss ?? none, colour: '--tl-scratch', width: 2 },
      { xs: s?.steps ?? none, ys: s?.pretrainedLoss ?? none, colour: '--tl-pretrained', width: 2 },
    ],
  };
}

function accuracySpec(s: TransferSnapshot | null, xLabel: string): LineChartSpec {
  return {
    x: { min: 0, max: 200, label: xLabel },
    left: { min: 0, max: 1, format: percent, nice: false, guide: { value: 0.25, label: '25%' } },
    series: [
      { xs: s?.evalSteps ?? none, ys: s?.scratchAccuracy ?? none, colour: '--tl-scratch', width: 2, dots: true },
      { xs: s?.evalSteps ?? none, ys: s?.pretrainedAccuracy ?? none, colour: '--tl-pretrained', width: 2, dots: true },
    ],
  };
}

export default function TransferLearning({ params }: WidgetProps<TransferLearningParams>) {
  const t = useStrings(transferLearningStrings);
  const palette = useThemePalette();
  const [perClass, setPerClass] = useState<PerClass>(params.perClass);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const curves = useMemo(() => live<TransferSnapshot | null>(null), []);
  const pictures = useMemo(() => textureSet(Number(perClass), PICTURE_SIZE, TRAIN_SEED), [perClass]);
  const classNames = t.classes.split('|');
  const job = useLongJob('transfer-learning', {
    onProgress: (p, snapshot) => {
      setProgress(p);
      if (snapshot) curves.set(snapshot);
    },
  });
  const { phase, error } = job;

  const reset = () => {
    job.cancel();
    setProgress(null);
    setLoadError(null);
    curves.set(null);
  };
  const start = async () => {
    if (phase === 'paused') return job.resume();
    reset();
    setLoading(true);
    try {
      const model = await loadStemModel();
      job.start({ model, perClass: Number(perClass) }, { fps: 8 });
    } catch (e) {
      setLoadError(fmt(t.noModel, { msg: (e as Error).message }));
    } finally {
      setLoading(false);
    }
  };

  // a new theme is a new function, so the charts re-read their colours
  const toLoss = useCallback((s: TransferSnapshot | null) => lossSpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps
  const toAccuracy = useCallback((s: TransferSnapshot | null) => accuracySpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps

  const errorText = (e: WorkerError) =>
    e.code === 'worker-restarted' ? t.restarted
    : e.code === 'no-model' ? fmt(t.noModel, { msg: e.message })
    : fmt(t.failed, { msg: e.message });

  const p = progress;
  const acc = (v: number | null | undefined) => (v != null ? percent(v) : '—');
  const status =
    loading ? t.loading
    : phase === 'done' && p ? fmt(t.done, { step: p.step, pre: acc(p.pretrained.testAccuracy), scr: acc(p.scratch.testAccuracy) })
    : phase === 'running' && p?.phase === 'features' ? fmt(t.computing, { i: p.featuresDone + 1, n: p.featuresTotal })
    : phase === 'idle' ? t.ready : '';
  const count = (n: number | undefined) => (n !== undefined ? whole(n) : '…');

  return (
    <div className="tl">
      <strong className="tl-title">{t.title}</strong>
      <p className="tl-intro">{t.intro}</p>
      <p className="tl-intro">{t.todo}</p>
      <section className="tl-what" aria-label={t.whatTitle}>
        <strong>{t.whatTitle}</strong>
        <ul>
          <li>{fmt(t.frozen, { n: count(p?.frozenParams) })}</li>
          <li className="tl-li-pretrained">{fmt(t.head, { n: count(p?.pretrained.params) })}</li>
          <li className="tl-li-scratch">{fmt(t.scratch, { n: count(p?.scratch.params) })}</li>
        </ul>
        <p className="tl-local">{t.local}</p>
      </section>
      <figure className="tl-pictures">
        <figcaption>{fmt(t.trainingSet, { n: perClass })}</figcaption>
        <div className="tl-classes">
          {TEXTURE_CLASSES.map((name, k) => (
            <div className="tl-class" key={name} data-class={name}>
              <span className="tl-class-name">{classNames[k]}</span>
              <div className="tl-class-row">
                {pictures.images.filter((_, i) => pictures.labels[i] === k).slice(0, 5).map((im, i) => (
                  <RgbCanvas key={i} rgb={im.data} width={PICTURE_SIZE} label={`${classNames[k]} ${i + 1}`} em={3.2} />
                ))}
              </div>
            </div>
          ))}
        </div>
      </figure>
      <div className="tl-controls">
        <Select label={t.perClass} value={perClass} param="perClass" options={PER_CLASS_CHOICES.map((v) => ({ value: v, label: v }))} onChange={(v) => { setPerClass(v); reset(); }} />
        <div className="tl-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
          ) : (
            <button type="button" className="tl-primary" data-action="start" onClick={start} disabled={loading}>
              {phase === 'paused' ? t.resume : t.start}
            </button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
        </div>
      </div>
      <div className="tl-metrics">
        <Metric name="examples-per-class" label={t.perClass} value={Number(perClass)} />
        <Metric name="features-done" label={t.features} value={p?.featuresDone ?? 0}>{p ? `${p.featuresDone} / ${p.featuresTotal}` : '0'}</Metric>
        <Metric name="feature-ms" label={t.featureMs} value={p && p.featuresDone ? p.featureMs / p.featuresDone : null}>{p && p.featuresDone ? `${(p.featureMs / p.featuresDone).toFixed(0)} ms` : '—'}</Metric>
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
      </div>
      <div className="tl-metrics">
        <Metric name="pretrained-test-accuracy" className="tl-m-pretrained" label={t.preTest} value={p?.pretrained.testAccuracy ?? null}>{acc(p?.pretrained.testAccuracy)}</Metric>
        <Metric name="scratch-test-accuracy" className="tl-m-scratch" label={t.scrTest} value={p?.scratch.testAccuracy ?? null}>{acc(p?.scratch.testAccuracy)}</Metric>
        <Metric name="pretrained-train-accuracy" label={t.preTrain} value={p?.pretrained.trainAccuracy ?? null}>{acc(p?.pretrained.trainAccuracy)}</Metric>
        <Metric name="scratch-train-accuracy" label={t.scrTrain} value={p?.scratch.trainAccuracy ?? null}>{acc(p?.scratch.trainAccuracy)}</Metric>
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      {loadError && <ErrorNote alert>{loadError}</ErrorNote>}
      <ul className="tl-legend" aria-hidden="true">
        <li><span className="tl-swatch tl-sw-pretrained" />{t.pretrained}</li>
        <li><span className="tl-swatch tl-sw-scratch" />{t.scratchName}</li>
      </ul>
      <div className="tl-charts">
        <figure>
          <LineChart live={curves} toSpec={toLoss} label={t.lossChart} heightEm={10} />
          <figcaption>{t.lossChart}</figcaption>
        </figure>
        <figure>
          <LineChart live={curves} toSpec={toAccuracy} label={t.accChart} heightEm={10} />
          <figcaption>{t.accChart}</figcaption>
        </figure>
      </div>
      <p className="tl-status" aria-live="polite">{status}</p>
    </div>
  );
}
