// Start / pause / reset the unet-lab job in the worker: mean IoU and loss curves for the U-Net
// and the network without skips, the per-class IoU, and the masks both predict for the held-out
// scene the student picks, beside the picture and the true mask. Curves come through a Live
// box; the predicted masks arrive with each snapshot (a few KB).
import { useCallback, useMemo, useRef, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, Select, Toggle, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import { testScenes } from '../../data/detectionScenes';
import type { WorkerError } from '../../worker/protocol';
import { RgbCanvas } from '../shared/RgbCanvas';
import type { WidgetProps } from '../types';
import type { UnetLabProgress, UnetLabSnapshot } from './job/train';
import { SCENE_SIZE, TEST_COUNT, type UnetLabParams } from './params';
import { CLASS_COLOURS, maskToRgb, pixelAccuracy } from './view';
import { unetLabStrings } from './strings';
import './style.css';

const RATES = ['0.001', '0.003', '0.01', '0.03'] as const;
type Rate = (typeof RATES)[number];
const SEED = 1;
const percent = format('.0%');
const PER = SCENE_SIZE * SCENE_SIZE;

function iouSpec(s: UnetLabSnapshot | null, xLabel: string): LineChartSpec {
  const none = new Float32Array(0);
  return {
    x: { min: 0, max: 100, label: xLabel },
    left: { min: 0, max: 1, format: percent, nice: false, guide: { value: 0.8, label: '0.8' } },
    series: [
      { xs: s?.evalSteps ?? none, ys: s?.plainIou ?? none, colour: '--unet-plain', width: 2, dots: true },
      { xs: s?.evalSteps ?? none, ys: s?.unetIou ?? none, colour: '--unet-skip', width: 2, dots: true },
    ],
  };
}

function lossSpec(s: UnetLabSnapshot | null, xLabel: string): LineChartSpec {
  const none = new Float32Array(0);
  return {
    x: { min: 0, max: 100, label: xLabel },
    left: { min: 0, max: 0.5, cap: 2 },
    series: [
      { xs: s?.steps ?? none, ys: s?.plainLoss ?? none, colour: '--unet-plain', width: 2 },
      { xs: s?.steps ?? none, ys: s?.unetLoss ?? none, colour: '--unet-skip', width: 2 },
    ],
  };
}

const sliceOf = (masks: Uint8Array | undefined, k: number) => (masks && masks.length >= (k + 1) * PER ? masks.subarray(k * PER, (k + 1) * PER) : null);

export default function UnetLab({ params }: WidgetProps<UnetLabParams>) {
  const t = useStrings(unetLabStrings);
  const palette = useThemePalette();
  const [compare, setCompare] = useState(params.compare);
  const [scene, setScene] = useState(params.scene);
  const [rate, setRate] = useState<Rate>('0.01');
  const [progress, setProgress] = useState<UnetLabProgress | null>(null);
  const [masks, setMasks] = useState<{ unet: Uint8Array; plain: Uint8Array } | null>(null);
  /** Evaluations shown so far: the masks only change (and re-render) when a new one arrives. */
  const shownEvals = useRef(0);
  const curves = useMemo(() => live<UnetLabSnapshot | null>(null), []);
  const tests = useMemo(() => testScenes(TEST_COUNT, { size: SCENE_SIZE }), []);
  const job = useLongJob('unet-lab', {
    onProgress: (p, snapshot) => {
      setProgress(p);
      if (snapshot) {
        curves.set(snapshot);
        if (snapshot.unetMasks.length && snapshot.evalSteps.length !== shownEvals.current) {
          shownEvals.current = snapshot.evalSteps.length;
          setMasks({ unet: snapshot.unetMasks, plain: snapshot.plainMasks });
        }
      }
    },
  });
  const { phase, error } = job;

  const reset = () => {
    job.cancel();
    setProgress(null);
    setMasks(null);
    shownEvals.current = 0;
    curves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ compare, seed: SEED, learningRate: Number(rate) }, { fps: 10 });
  };

  const toIou = useCallback((s: UnetLabSnapshot | null) => iouSpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps
  const toLoss = useCallback((s: UnetLabSnapshot | null) => lossSpec(s, t.steps), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps

  const errorText = (e: WorkerError) =>
    e.code === 'non-finite-loss'
      ? fmt(t.diverged, { network: e.values?.network === 'plain' ? t.plain : t.unet, loss: String(e.values?.loss ?? '∞'), step: String(e.values?.step ?? '?'), lr: rate })
      : e.code === 'worker-restarted' ? t.restarted
      : fmt(t.failed, { msg: e.message });

  const p = progress;
  const num = (v: number | null | undefined) => (v != null && Number.isFinite(v) ? v : null);
  const status = phase === 'done' && p ? fmt(t.done, { step: p.step }) : phase === 'idle' ? t.ready : '';
  const classNames = t.classes.split('|');
  const truth = tests[scene].mask;
  const unetMask = sliceOf(masks?.unet, scene);
  const plainMask = sliceOf(masks?.plain, scene);
  const showPlain = p ? p.compare : compare;

  const panel = (name: string, label: string, mask: Uint8Array | null) => (
    <figure className="unet-panel" data-panel={name}>
      <RgbCanvas rgb={mask ? maskToRgb(mask) : null} width={SCENE_SIZE} label={`${label}: ${fmt(t.sceneN, { n: scene + 1 })}`} em={9} pixelated name={name} />
      <figcaption>
        {label}
        {mask && name !== 'truth' ? <> · {fmt(t.pixelsRight, { p: percent(pixelAccuracy(mask, truth)) })}</> : !mask ? <> · {t.notYet}</> : null}
      </figcaption>
    </figure>
  );

  return (
    <div className="unet">
      <strong className="unet-title">{t.title}</strong>
      <p className="unet-intro">{t.intro}</p>
      <p className="unet-intro">{t.todo}</p>
      <div className="unet-controls">
        <div data-param="compare">
          <Toggle label={t.compare} checked={compare} onChange={(v) => { setCompare(v); reset(); }} />
        </div>
        <Select label={t.learningRate} value={rate} options={RATES.map((v) => ({ value: v, label: v }))} onChange={(v) => { setRate(v); reset(); }} />
        <div className="unet-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
          ) : (
            <button type="button" className="unet-primary" data-action="start" onClick={start} disabled={phase === 'error' && !job.crashed && error?.code !== 'non-finite-loss'}>
              {phase === 'paused' ? t.resume : t.start}
            </button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
        </div>
      </div>
      <div className="unet-metrics">
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
        <Metric name="images" label={t.images} value={p?.images ?? 0} />
        <Metric name="train-loss" className="unet-m-skip" label={t.unetLoss} value={num(p?.unet.loss)}>{num(p?.unet.loss)?.toFixed(3) ?? '—'}</Metric>
        <Metric name="mean-iou" className="unet-m-skip" label={t.unetIou} value={num(p?.unet.meanIou)}>{num(p?.unet.meanIou) != null ? p!.unet.meanIou!.toFixed(3) : '—'}</Metric>
        {showPlain && (
          <>
            <Metric name="plain-train-loss" className="unet-m-plain" label={t.plainLoss} value={num(p?.plain?.loss)}>{num(p?.plain?.loss)?.toFixed(3) ?? '—'}</Metric>
            <Metric name="plain-mean-iou" className="unet-m-plain" label={t.plainIou} value={num(p?.plain?.meanIou)}>{num(p?.plain?.meanIou) != null ? p!.plain!.meanIou!.toFixed(3) : '—'}</Metric>
          </>
        )}
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <ul className="unet-legend" aria-hidden="true">
        <li><span className="unet-swatch unet-sw-skip" />{t.unet}</li>
        {showPlain && <li><span className="unet-swatch unet-sw-plain" />{t.plain}</li>}
      </ul>
      <div className="unet-charts">
        <figure>
          <LineChart live={curves} toSpec={toIou} label={t.iouChart} heightEm={10} />
          <figcaption>{t.iouChart}</figcaption>
        </figure>
        <figure>
          <LineChart live={curves} toSpec={toLoss} label={t.lossChart} heightEm={10} />
          <figcaption>{t.lossChart}</figcaption>
        </figure>
      </div>
      <fieldset className="unet-picker" data-param="scene">
        <legend>{t.pick}</legend>
        {tests.map((s, k) => (
          <button key={k} type="button" className="unet-thumb" aria-pressed={k === scene} onClick={() => setScene(k)} data-scene={k} title={fmt(t.sceneN, { n: k + 1 })}>
            <RgbCanvas rgb={s.image.data} width={SCENE_SIZE} label={fmt(t.sceneN, { n: k + 1 })} em={3} pixelated />
          </button>
        ))}
      </fieldset>
      <div className="unet-panels">
        <figure className="unet-panel" data-panel="picture">
          <RgbCanvas rgb={tests[scene].image.data} width={SCENE_SIZE} label={`${t.picture}: ${fmt(t.sceneN, { n: scene + 1 })}`} em={9} pixelated name="picture" />
          <figcaption>{t.picture} · {fmt(t.sceneN, { n: scene + 1 })}</figcaption>
        </figure>
        {panel('truth', t.truth, truth)}
        {panel('unet', t.predUnet, unetMask)}
        {showPlain && panel('plain', t.predPlain, plainMask)}
      </div>
      <ul className="unet-classes" aria-hidden="true">
        {classNames.map((name, c) => (
          <li key={name}><span className="unet-swatch-box" style={{ background: `rgb(${CLASS_COLOURS[c].map((v) => Math.round(255 * v)).join(',')})` }} />{name}</li>
        ))}
      </ul>
      <table className="unet-table">
        <caption>{t.perClass}</caption>
        <thead>
          <tr><th scope="col">{t.network}</th>{classNames.map((n) => <th key={n} scope="col">{n}</th>)}<th scope="col">{t.meanCol}</th></tr>
        </thead>
        <tbody>
          {[{ key: 'unet', label: t.unet, net: p?.unet }, ...(showPlain ? [{ key: 'plain', label: t.plain, net: p?.plain ?? undefined }] : [])].map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              {classNames.map((n, c) => <td key={n}>{r.net?.perClass && Number.isFinite(r.net.perClass[c]) ? r.net.perClass[c].toFixed(2) : '—'}</td>)}
              <td>{r.net?.meanIou != null ? r.net.meanIou.toFixed(3) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="unet-setup">{t.setup}</p>
      <p className="unet-status" aria-live="polite">{status}</p>
    </div>
  );
}
