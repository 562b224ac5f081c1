// Neural style transfer in the worker: C, S and G side by side, J(G) = α·J_content + β·J_style
// and its two parts live, a strip of intermediate G's, start / pause / reset. Changing the
// balance mid-run updates β in the running job; changing C, S or the start resets it.
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { ErrorNote, Metric, Select, Slider } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { computeClient, type JobHandle } from '../../worker/client';
import type { WorkerError } from '../../worker/protocol';
import type { UploadProblem } from '../shared/upload';
import { followJob } from '../../ui/followJob';
import type { WidgetProps } from '../types';
import { ST_CONTENTS, ST_INITS, ST_STYLES, type StyleTransferParams } from './params';
import { RgbCanvas } from '../shared/RgbCanvas';
import { loadPictures, loadStemModel, readRgbUpload, STYLE_SIZE, toBytes, type Rgb01 } from '../shared/stylePictures';
import { styleStrings } from './strings';
import './style.css';

type Phase = 'idle' | 'running' | 'paused' | 'done' | 'error';
type ContentKey = (typeof ST_CONTENTS)[number] | 'upload';
type StyleKey = (typeof ST_STYLES)[number] | 'upload';
type Init = (typeof ST_INITS)[number];
interface Costs { step: number; total: number; content: number; style: number; msPerStep: number }
/** Steps at which G is kept for the strip of intermediate pictures. */
const KEEP_AT = [1, 5, 15, 40, 100, 200, 400];

export default function StyleTransfer({ params }: WidgetProps<StyleTransferParams>) {
  const t = useStrings(styleStrings);
  const [builtIn, setBuiltIn] = useState<{ contents: Record<string, Rgb01>; styles: Record<string, Rgb01> } | null>(null);
  const [weights, setWeights] = useState<Awaited<ReturnType<typeof loadStemModel>> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [contentKey, setContentKey] = useState<ContentKey>(params.content);
  const [styleKey, setStyleKey] = useState<StyleKey>(params.style);
  const [uploads, setUploads] = useState<{ content?: Rgb01; style?: Rgb01 }>({});
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [init, setInit] = useState<Init>(params.init);
  const [balance, setBalance] = useState(params.balance);
  const [phase, setPhase] = useState<Phase>('idle');
  const [costs, setCosts] = useState<Costs | null>(null);
  const [g, setG] = useState<Uint8ClampedArray | null>(null);
  const [history, setHistory] = useState<{ step: number; rgb: Uint8ClampedArray }[]>([]);
  const [error, setError] = useState<WorkerError | null>(null);
  const [stale, setStale] = useState(false);
  const job = useRef<JobHandle<'style-transfer'> | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([loadStemModel(), loadPictures()])
      .then(([w, p]) => live && (setWeights(w), setBuiltIn(p)))
      .catch((e: unknown) => live && setLoadError(fmt(t.loadFailed, { msg: e instanceof Error ? e.message : String(e) })));
    return () => {
      live = false;
      job.current?.cancel();
      job.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const contentPic = contentKey === 'upload' ? uploads.content : builtIn?.contents[contentKey];
  const stylePic = styleKey === 'upload' ? uploads.style : builtIn?.styles[styleKey];
  // bytes for the C and S canvases, made once per picture (not on every progress event)
  const contentBytes = useMemo(() => (contentPic ? toBytes(contentPic) : null), [contentPic]);
  const styleBytes = useMemo(() => (stylePic ? toBytes(stylePic) : null), [stylePic]);

  const stop = () => {
    job.current?.cancel();
    job.current = null;
  };
  const reset = () => {
    stop();
    setPhase('idle');
    setCosts(null);
    setG(null);
    setHistory([]);
    setError(null);
    setStale(false);
  };
  const invalidate = () => {
    if (job.current || costs) {
      reset();
      setStale(true);
    }
  };

  const start = () => {
    if (job.current && phase === 'paused') {
      job.current.resume();
      return;
    }
    if (!weights || !contentPic || !stylePic) return;
    reset();
    const h = computeClient().startJob(
      'style-transfer',
      { model: weights, content: contentPic, style: stylePic, size: STYLE_SIZE, init, balance, seed: 1 },
      { fps: 8 },
    );
    job.current = h;
    setPhase('running');
    followJob(h, () => job.current === h, {
      progress: (p, snapshot) => {
        if (p.step > 0) setCosts(p);
        if (snapshot) {
          const rgb = snapshot.image;
          setG(rgb);
          setHistory((hs) => {
            const due = KEEP_AT.find((k) => p.step >= k && !hs.some((x) => x.step >= k && x.step < (KEEP_AT[KEEP_AT.indexOf(k) + 1] ?? Infinity)));
            return due !== undefined && p.step > 0 ? [...hs, { step: p.step, rgb }] : hs;
          });
        }
      },
      phase: setPhase,
      error: setError,
    });
  };

  const changeBalance = (b: number) => {
    setBalance(b);
    job.current?.update({ balance: b });
  };

  const problemText = (p: UploadProblem, name: string) =>
    p.code === 'too-big' ? fmt(t.tooBig, { name, mb: p.mb }) : p.code === 'too-small' ? fmt(t.tooSmall, { name, w: p.w, h: p.h }) : fmt(t.notImage, { name });
  const onFile = (which: 'content' | 'style') => async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    ev.target.value = '';
    if (!file) return;
    const r = await readRgbUpload(file);
    if (!r.ok) {
      setUploadError(problemText(r.problem, file.name));
      return;
    }
    setUploadError(null);
    setUploads((u) => ({ ...u, [which]: r.picture }));
    if (which === 'content') setContentKey('upload');
    else setStyleKey('upload');
    invalidate();
  };

  const contentOptions = [...ST_CONTENTS, ...(uploads.content ? (['upload'] as const) : [])].map((v) => ({ value: v as ContentKey, label: t[v] }));
  const styleOptions = [...ST_STYLES, ...(uploads.style ? (['upload'] as const) : [])].map((v) => ({ value: v as StyleKey, label: t[v] }));
  const ready = !!weights && !!contentPic && !!stylePic;
  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v >= 1e4 || v < 1e-2 ? v.toExponential(2) : v.toPrecision(3));

  return (
    <div className="st">
      <strong className="st-title">{t.title}</strong>
      <p className="st-intro">{fmt(t.intro, { size: STYLE_SIZE })}</p>
      {loadError && <ErrorNote alert>{loadError}</ErrorNote>}
      {!loadError && !ready && <p className="st-wait">{t.loading}</p>}
      <div className="st-pictures">
        <figure>
          <RgbCanvas rgb={contentBytes} size={STYLE_SIZE} label={fmt(t.picC, { name: t[contentKey] })} em={9} name="content" />
          <figcaption>
            <Select label={t.content} value={contentKey} options={contentOptions} onChange={(v) => (setContentKey(v), invalidate())} />
            <label className="st-file">{t.chooseContent}<input type="file" accept="image/*" onChange={onFile('content')} /></label>
          </figcaption>
        </figure>
        <figure>
          <RgbCanvas rgb={styleBytes} size={STYLE_SIZE} label={fmt(t.picS, { name: t[styleKey] })} em={9} name="style" />
          <figcaption>
            <Select label={t.style} value={styleKey} options={styleOptions} onChange={(v) => (setStyleKey(v), invalidate())} />
            <label className="st-file">{t.chooseStyle}<input type="file" accept="image/*" onChange={onFile('style')} /></label>
          </figcaption>
        </figure>
        <figure className="st-g">
          <RgbCanvas rgb={g} size={STYLE_SIZE} label={costs ? fmt(t.picG, { step: costs.step }) : t.picGIdle} em={15} name="generated" />
          <figcaption>G{!g && <span className="st-wait st-g-idle">{t.gIdle}</span>}</figcaption>
        </figure>
      </div>
      {uploadError && <ErrorNote alert>{uploadError}</ErrorNote>}
      <div className="st-controls">
        <Select label={t.init} value={init} options={[{ value: 'content' as Init, label: t.initContent }, { value: 'noise' as Init, label: t.initNoise }]} onChange={(v) => (setInit(v), invalidate())} />
        <Slider label={t.balance} value={balance} min={2} max={7} step={0.5} onChange={changeBalance} format={(v) => `10^${v}`} />
        <div className="st-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={() => job.current?.pause()}>{t.pause}</button>
          ) : (
            <button type="button" className="st-primary" data-action="start" onClick={start} disabled={!ready}>
              {phase === 'paused' ? t.resume : t.start}
            </button>
          )}
          <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
        </div>
      </div>
      <div className="st-metrics">
        <Metric name="step" label={t.step} value={costs?.step ?? 0} />
        <Metric name="total-cost" label={t.total} value={costs?.total ?? null}>{num(costs?.total)}</Metric>
        <Metric name="content-cost" label={t.contentCost} value={costs?.content ?? null}>{num(costs?.content)}</Metric>
        <Metric name="style-cost" label={t.styleCost} value={costs?.style ?? null}>{num(costs?.style)}</Metric>
        <Metric name="ms-per-step" label={t.msPerStep} value={costs?.msPerStep ?? null}>{costs ? Math.round(costs.msPerStep) : '—'}</Metric>
      </div>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      {history.length > 0 && (
        <figure className="st-history">
          <figcaption>{t.history}</figcaption>
          <div className="st-strip">
            {history.map((hItem) => (
              <figure key={hItem.step}>
                <RgbCanvas rgb={hItem.rgb} size={STYLE_SIZE} label={fmt(t.historyItem, { step: hItem.step })} em={5} />
                <figcaption>{hItem.step}</figcaption>
              </figure>
            ))}
          </div>
        </figure>
      )}
      <p className="st-note">{t.layers}</p>
      <p className="st-status" aria-live="polite">
        {phase === 'done' && costs ? fmt(t.done, { step: costs.step }) : stale ? t.changed : phase === 'idle' && ready ? t.ready : ''}
      </p>
    </div>
  );
}
