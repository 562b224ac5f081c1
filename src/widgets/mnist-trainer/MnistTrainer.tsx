// The MNIST training lab: controls and live numbers on top, curves, the draw pad,
// then what the network learned (filters, feature maps, confusion matrix, mistakes).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ConfirmDialog, ErrorNote, Metric, NumberField, Select, Toggle, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import type { WidgetProps } from '../types';
import type { OptimiserKind, TrainSettings } from '../../data/mnistPresets';
import { OPTIMISERS, PRESET_SETTINGS, PRESETS, type Preset } from '../../data/mnistPresets';
import type { MnistTrainerParams } from './params';
import { isLearningRate } from '../../worker/checks';
import { useTrainer } from './useTrainer';
import type { TrainerNote } from './trainEvents';
import { Curves } from './Curves';
import { FeatureMaps, FiltersView } from './LayerViews';
import { Confusion, Mistakes, useEvalView } from './EvalViews';
import { DrawDigit } from './DrawDigit';
import { trainerStrings } from './strings';
import { fileProblemText } from '../shared/fileProblem';
import { fileProblemStrings } from '../shared/strings';
import './style.css';

const BATCHES = ['8', '16', '32', '64', '128'] as const;

export default function MnistTrainer({ params }: WidgetProps<MnistTrainerParams>) {
  const t = useStrings(trainerStrings);
  const tj = useStrings(jobStrings);
  const palette = useThemePalette();
  const [preset, setPreset] = useState<Preset>(params.preset);
  const [seed, setSeed] = useState(1);
  const [settings, setSettings] = useState<TrainSettings>(PRESET_SETTINGS[params.preset]);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const tr = useTrainer(params.preset, settingsRef);
  const p = tr.progress;
  const evalView = useEvalView(tr.snapshot);

  // Adopt the session's own architecture and settings (a resumed or loaded model).
  useEffect(() => {
    if (!p) return;
    setPreset(p.preset);
    setSeed(p.seed);
    setSettings(p.settings);
    // The fields now show the session's values (typed text that was not a number is replaced).
    setBadText({ rate: false, seed: false });
    setBlocked(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per launch (synced), reading the session values of that moment
  }, [tr.synced]);

  const change = (patch: Partial<TrainSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    tr.update(patch);
  };
  const presetPending = p !== null && preset !== p.preset;
  const seedPending = p !== null && seed !== p.seed;
  const doReset = () => tr.reset(preset, seed, settingsRef.current);
  // Reset discards a trained model: ask first (nothing to lose at step 0).
  const [confirming, setConfirming] = useState(false);
  const askReset = () => (p && p.step > 0 ? setConfirming(true) : doReset());
  // A field showing text that is not a valid value: the worker still has the last valid one,
  // so Start / Step / Reset say so in place instead of quietly training with it.
  const [badText, setBadText] = useState<{ rate: boolean; seed: boolean }>({ rate: false, seed: false });
  const [blocked, setBlocked] = useState(false);
  const [stepped, setStepped] = useState(false);
  const stepOnce = () => {
    setStepped(true);
    tr.step();
  };
  const invalidField = badText.rate ? t.learningRate : badText.seed ? t.seed : null;
  const markBad = (field: 'rate' | 'seed', bad: boolean) => {
    setBadText((b) => ({ ...b, [field]: bad }));
    if (!bad) setBlocked(false);
  };
  const guard = (go: () => void) => () => {
    if (invalidField) setBlocked(true);
    else go();
  };
  const changePreset = (v: Preset) => {
    setPreset(v);
    const s = PRESET_SETTINGS[v];
    setSettings(s);
    markBad('rate', false); // the field now shows the preset's rate
    // Nothing trained yet: build the new network at once; else wait for Reset.
    if (!p || p.step === 0) tr.reset(v, seed, s);
  };

  const running = tr.phase === 'running';
  const update = tr.update;
  const pickTest = useCallback((i: number) => update({ viewDigit: i }), [update]);
  const curveLabels = useMemo(() => ({ label: t.curvesLabel, loss: t.legendLoss, train: t.legendTrain, test: t.legendTest, images: t.axisImages }), [t]);
  const shownPreset = p?.preset;
  const layerKey = useMemo(() => (shownPreset ? layerKeyOf(shownPreset) : ''), [shownPreset]);

  const download = async () => {
    const file = await tr.download();
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file], { type: 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `convlab-mnist-${p?.preset ?? preset}-step${p?.step ?? 0}.cvlm`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const fileInput = useRef<HTMLInputElement>(null);
  const loadFile = async (f: File | undefined) => {
    if (!f) return;
    tr.loadFile(await f.arrayBuffer(), f.name);
    if (fileInput.current) fileInput.current.value = '';
  };

  // A paused job reports only after a step: its 'loading' from the start is stale (the digits
  // are attached by the next step), so it counts once the job is running or has been stepped.
  const status = !p ? t.loading : p.status === 'loading' && (running || stepped) ? t.loading : running ? (p.evaluating ? `${t.running} ${t.evaluating}` : t.running) : p.step === 0 ? t.ready : t.paused;

  return (
    <div className="mt" data-phase={tr.phase}>
      <div className="mt-head">
        <strong className="mt-title">{t.title}</strong>
        <p className="mt-hint">{t.intro}</p>
      </div>
      <div className="mt-controls">
        <Select param="preset" label={t.architecture} value={preset} options={PRESETS.map((v) => ({ value: v, label: t[v] }))} onChange={changePreset} />
        <Select label={t.optimiser} value={settings.optimiser} options={OPTIMISERS.map((v) => ({ value: v, label: t[v] }))} onChange={(v: OptimiserKind) => change({ optimiser: v })} />
        <NumberField label={t.learningRate} value={settings.learningRate} size={7} step={0.001}
          validate={(v) => (isLearningRate(v) ? null : t.badRate)}
          onChange={(v) => {
            markBad('rate', !isLearningRate(v));
            if (isLearningRate(v)) change({ learningRate: v });
          }} name="learning-rate" />
        <Select label={t.batchSize} value={String(settings.batchSize) as (typeof BATCHES)[number]} options={BATCHES.map((b) => ({ value: b, label: b }))} onChange={(v) => change({ batchSize: Number(v) })} />
        <Toggle label={t.augment} checked={settings.augment} onChange={(on) => change({ augment: on })} />
        <NumberField label={t.seed} value={seed} integer min={0} max={2 ** 31 - 1} size={6} onChange={(v) => {
          const ok = v !== null && Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1;
          markBad('seed', !ok);
          if (ok) setSeed(v);
        }} name="seed" />
      </div>
      <p className="mt-hint mt-layers" data-layers={preset}>{t[`${preset}Layers`]}</p>
      <p className="mt-hint mt-applies">
        {presetPending ? t.presetPending : seedPending ? t.seedPending : t.appliesNow}
      </p>
      <div className="mt-buttons">
        {running ? (
          <button type="button" className="btn btn-primary" data-action="pause" onClick={tr.pause}>{tj.pause}</button>
        ) : (
          <button type="button" className="btn btn-primary" data-action="start" onClick={guard(tr.start)} disabled={tr.phase === 'stopped' || tr.phase === 'starting'}>
            {p && p.step > 0 ? tj.resume : tj.start}
          </button>
        )}
        <button type="button" className="btn" data-action="step" onClick={guard(stepOnce)} title={t.stepHint} disabled={!p || tr.phase === 'stopped' || tr.phase === 'starting'}>{tj.stepOnce}</button>
        <button type="button" className="btn" data-action="reset" onClick={guard(askReset)} title={t.resetHint}>{tj.reset}</button>
        <span className="mt-status" role="status">{status}</span>
      </div>
      {blocked && invalidField && (
        <div data-blocked="">
          <ErrorNote alert>{fmt(t.startBlocked, { field: invalidField })}</ErrorNote>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t.resetConfirmTitle}
        body={fmt(t.resetConfirmBody, { step: p?.step ?? 0 })}
        confirmLabel={t.confirmReset}
        cancelLabel={tj.cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          doReset();
        }}
      />
      {tr.note && <NoteView note={tr.note} onDismiss={tr.dismissNote} />}
      <div className="mt-metrics">
        <Metric name="step" label={tj.stepCount} value={p?.step ?? 0} />
        <Metric name="epoch" label={t.epoch} value={p?.epoch ?? 0} />
        <Metric name="images" label={t.images} value={p?.images ?? 0}>{(p?.images ?? 0).toLocaleString()}</Metric>
        <Metric name="train-loss" label={t.trainLoss} value={p?.loss ?? null}>{p?.loss != null ? p.loss.toFixed(3) : '—'}</Metric>
        <Metric name="train-accuracy" label={t.trainAccuracy} value={p?.trainAccuracy ?? null}>{pct(p?.trainAccuracy)}</Metric>
        <Metric name="test-accuracy" label={t.testAccuracy} value={p?.testAccuracy ?? null} className="mt-strong">{pct(p?.testAccuracy, 1)}</Metric>
        <Metric name="images-per-second" label={t.imagesPerSecond} value={p ? Math.round(p.imagesPerSecond) : null}>{p && p.imagesPerSecond > 0 ? Math.round(p.imagesPerSecond).toLocaleString() : '—'}</Metric>
        <Metric name="eval-share" label={t.evalShare} value={p?.evalShare ?? null}>{pct(p?.evalShare)}</Metric>
      </div>
      <p className="mt-hint">{t.testNote}</p>
      <div className="mt-main">
        <figure className="mt-panel mt-curve-panel">
          <figcaption><strong>{t.curves}</strong></figcaption>
          <Curves snapshot={tr.snapshot} labels={curveLabels} />
        </figure>
        <DrawDigit snapshot={tr.snapshot} palette={palette} predict={tr.predict} viewDigit={p?.viewDigit ?? 0} onPickTest={pickTest} />
      </div>
      <FiltersView snapshot={tr.snapshot} palette={palette} mlp={p?.preset === 'mlp'} />
      <figure className="mt-panel mt-features">
        <figcaption>
          <strong>{t.features}</strong>
          <span className="mt-hint">{t.featuresHint}</span>
        </figcaption>
        <div className="mt-digit-nav">
          <button type="button" className="btn btn-quiet" aria-label={t.prevDigit} onClick={() => tr.update({ viewDigit: Math.max(0, (p?.viewDigit ?? 0) - 1) })}>←</button>
          <Metric name="view-digit" label={t.digitIndex} value={p?.viewDigit ?? 0} />
          <button type="button" className="btn btn-quiet" aria-label={t.nextDigit} onClick={() => tr.update({ viewDigit: Math.min(1999, (p?.viewDigit ?? 0) + 1) })}>→</button>
        </div>
        <FeatureMaps snapshot={tr.snapshot} palette={palette} layerKey={layerKey} />
      </figure>
      <div className="mt-eval">
        <Confusion view={evalView} palette={palette} />
        <Mistakes view={evalView} palette={palette} />
      </div>
      <div className="mt-keep">
        <strong>{t.keep}</strong>
        <button type="button" className="btn" onClick={download} data-action="download-model">{t.download}</button>
        <label className="btn mt-file">
          {t.loadFile}
          <input ref={fileInput} type="file" accept=".cvlm,application/octet-stream" onChange={(e) => void loadFile(e.target.files?.[0])} data-action="load-model" />
        </label>
        {tr.savedAt !== null && <span className="mt-hint" data-autosaved={tr.savedAt}>{fmt(t.autosaved, { step: tr.savedAt })}</span>}
      </div>
    </div>
  );
}

/** The layers whose maps the worker sends, per preset (one canvas each). */
function layerKeyOf(preset: Preset): string {
  return preset === 'lenet5' ? 'c1,p1,c2,p2,d1,out' : preset === 'tiny' ? 'c1,p1,out' : 'd1,out';
}

function pct(v: number | null | undefined, digits = 0): string {
  return v == null ? '—' : `${(v * 100).toFixed(digits)}%`;
}

function NoteView({ note, onDismiss }: { note: TrainerNote; onDismiss(): void }) {
  const t = useStrings(trainerStrings);
  const tf = useStrings(fileProblemStrings);
  if (note.kind === 'restored' || note.kind === 'loaded') {
    return (
      <p className="mt-note" role="status" data-note={note.kind}>
        {note.kind === 'restored' ? fmt(t.restoredFrom, { step: note.step }) : fmt(t.fileLoaded, { name: note.name ?? '', step: note.step })}{' '}
        <button type="button" className="btn btn-quiet" onClick={onDismiss} aria-label="×">×</button>
      </p>
    );
  }
  const err = (note as Extract<TrainerNote, { error: unknown }>).error;
  const v = err.values ?? {};
  const reason = String(v.reason ?? err.message);
  const fileReason = fileProblemText(tf, v, reason);
  const text =
    note.kind === 'diverged'
      ? fmt(t.diverged, {
          how: v.how === 'nan' ? t.howNan : fmt(t.howExploded, { loss: Number(v.loss).toPrecision(3) }),
          step: String(v.step ?? '?'),
          lr: String(v.lr ?? '?'),
          suggest: String(v.suggest ?? '0.001'),
        })
      : note.kind === 'bad-file'
        ? fmt(t.fileBad, { reason: fileReason })
        : note.kind === 'autosave-bad'
          ? fmt(t.autosaveBad, { reason: fileReason })
          : note.kind === 'restarted'
            ? t.restarted
            : note.kind === 'no-data'
              ? fmt(t.noData, { reason })
              : fmt(t.failed, { msg: err.message });
  return (
    <div data-note={note.kind}>
      <ErrorNote alert>{text}</ErrorNote>
    </div>
  );
}
