// Pick a layer and a G (C plus noise, or another picture): the worker runs both through the
// pretrained stem and returns J_content and the first channels of a[l](C) and a[l](G).
import { useEffect, useMemo, useState } from 'react';
import { ErrorNote, Metric, PixelGrid, Select, Slider } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { grayScale } from '../../viz/colors';
import { computeClient } from '../../worker/client';
import type { RequestResult } from '../../worker/protocol';
import type { WidgetProps } from '../types';
import { RgbCanvas } from '../shared/RgbCanvas';
import { loadPictures, loadStemModel, STYLE_SIZE, toBytes } from '../shared/stylePictures';
import '../style-transfer/style.css';
import { CC_LAYERS, type ContentCostParams } from './params';
import { contentStrings } from './strings';
import { useReconstruct } from './useReconstruct';

type Layer = (typeof CC_LAYERS)[number];
const OTHERS = ['cat', 'swirl', 'stripes'] as const;
type Other = (typeof OTHERS)[number];
const SHOWN = 12;

export default function ContentCost({ params }: WidgetProps<ContentCostParams>) {
  const t = useStrings(contentStrings);
  const tj = useStrings(jobStrings);
  const [layer, setLayer] = useState<Layer>(params.layer);
  const [source, setSource] = useState<'noise' | 'other' | 'optimise'>('noise');
  const rec = useReconstruct();
  const [noise, setNoise] = useState(40);
  const [other, setOther] = useState<Other>('cat');
  const [inputs, setInputs] = useState<{ model: Awaited<ReturnType<typeof loadStemModel>>; pics: Awaited<ReturnType<typeof loadPictures>> } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [result, setResult] = useState<RequestResult<'content-activations'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([loadStemModel(), loadPictures()])
      .then(([model, pics]) => live && setInputs({ model, pics }))
      .catch((e: unknown) => live && setLoadError(fmt(t.loadFailed, { msg: e instanceof Error ? e.message : String(e) })));
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the model and pictures load once per mount
  }, []);

  // While G is optimised, refresh the maps every 20 steps and when it pauses or finishes.
  const recKey = source === 'optimise' ? `${rec.phase === 'running' ? Math.floor(rec.step / 20) : rec.step}:${rec.phase}` : '';
  useEffect(() => {
    if (!inputs) return;
    let live = true;
    const { contents, styles } = inputs.pics;
    let otherPic = other === 'cat' ? contents.cat : styles[other];
    if (source === 'optimise') {
      if (!rec.g) return void setResult(null);
      otherPic = { width: STYLE_SIZE, height: STYLE_SIZE, data: Float32Array.from(rec.g, (v) => v / 255) };
    }
    setBusy(true);
    computeClient()
      .request('content-activations', {
        model: inputs.model, content: contents.house, other: source === 'noise' ? undefined : otherPic,
        noise, seed: 3, size: STYLE_SIZE, layer, channels: SHOWN,
      }, { latest: 'content-cost' })
      .then((r) => live && (setResult(r), setError(null), setBusy(false)))
      .catch((e: { code?: string; message?: string }) => {
        if (!live || e.code === 'superseded') return;
        setError(fmt(t.failed, { msg: e.message ?? String(e) }));
        setBusy(false);
      });
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes with the language only; a language switch must not recompute the cost
  }, [inputs, layer, source, noise, other, recKey]);

  const contentBytes = useMemo(() => (inputs ? toBytes(inputs.pics.contents.house) : null), [inputs]);
  const [, h, w, c] = result?.shape ?? [1, 0, 0, 0];
  const gWhat = source === 'noise' ? fmt(t.gNoiseWhat, { v: noise }) : source === 'other' ? t[other] : fmt(t.gOptimisedWhat, { step: rec.step });
  const chooseLayer = (v: Layer) => (setLayer(v), rec.reset());
  const chooseSource = (v: 'noise' | 'other' | 'optimise') => (setSource(v), rec.reset(), setResult(null));
  const liveCost = source === 'optimise' && rec.phase === 'running' && rec.cost !== null ? rec.cost : result?.cost ?? null;
  return (
    <div className="cc">
      <strong className="cc-title">{t.title}</strong>
      <p className="cc-intro">{t.intro}</p>
      {loadError && <ErrorNote alert>{loadError}</ErrorNote>}
      {!loadError && !inputs && <p className="st-wait">{t.loading}</p>}
      <div className="cc-controls">
        <Select param="layer" label={t.layer} value={layer} options={CC_LAYERS.map((v) => ({ value: v, label: t[v] }))} onChange={(v) => chooseLayer(v as Layer)} />
        <Select label={t.gSource} value={source}
          options={[{ value: 'noise' as const, label: t.gNoise }, { value: 'other' as const, label: t.gOther }, { value: 'optimise' as const, label: t.gOptimise }]}
          onChange={(v) => chooseSource(v as 'noise' | 'other' | 'optimise')} />
        {source === 'noise' && <Slider label={fmt(t.noise, { v: noise })} value={noise} min={0} max={128} step={4} onChange={setNoise} />}
        {source === 'other' && <Select label={t.other} value={other} options={OTHERS.map((v) => ({ value: v, label: t[v] }))} onChange={(v) => setOther(v as Other)} />}
        {source === 'optimise' && (
          <div className="st-buttons">
            {rec.phase === 'running' ? (
              <button type="button" data-action="pause" onClick={rec.pause}>{tj.pause}</button>
            ) : (
              <button type="button" className="st-primary" data-action="start" disabled={!inputs || rec.phase === 'done'}
                onClick={() => inputs && rec.start(inputs.model, inputs.pics.contents.house, layer)}>
                {rec.phase === 'paused' ? tj.resume : tj.start}
              </button>
            )}
            <button type="button" data-action="reset" onClick={rec.reset}>{tj.reset}</button>
          </div>
        )}
      </div>
      <div className="cc-pictures">
        <figure>
          <RgbCanvas rgb={contentBytes} width={STYLE_SIZE} label={t.picC} em={8} name="content" />
          <figcaption>C</figcaption>
        </figure>
        <figure>
          <RgbCanvas rgb={source === 'optimise' ? rec.g : result?.g ?? null} width={STYLE_SIZE} label={fmt(t.picG, { what: gWhat })} em={8} name="g" />
          <figcaption>G</figcaption>
        </figure>
        <div className="cc-metrics">
          <Metric name="content-cost" label={t.cost} value={liveCost}>{liveCost !== null ? liveCost.toExponential(3) : '—'}</Metric>
          {source === 'optimise' && <Metric name="step" label={tj.stepCount} value={rec.step} />}
          <Metric name="layer" label={t.shape} value={result?.layer ?? layer}>
            {result ? fmt(t.shapeText, { h, w, c, n: (h * w * c).toLocaleString() }) : '—'}
          </Metric>
        </div>
      </div>
      {error && <ErrorNote alert>{error}</ErrorNote>}
      {rec.error && <ErrorNote alert>{fmt(t.failed, { msg: rec.error.message })}</ErrorNote>}
      {source === 'optimise' && <p className="cc-legend">{t.optimiseNote}</p>}
      <p className="cc-legend" aria-live="polite">{busy ? t.computing : result ? fmt(t.legend, { shown: result.shown, c }) : ''}</p>
      {result && (
        <div className="cc-maps">
          {Array.from({ length: result.shown }, (_, k) => {
            const a = result.aC.subarray(k * h * w, (k + 1) * h * w), b = result.aG.subarray(k * h * w, (k + 1) * h * w);
            let mx = 0;
            for (let i = 0; i < a.length; i++) mx = Math.max(mx, a[i], b[i]);
            const scale = grayScale(0, mx || 1);
            const v = result.perChannel[k].toPrecision(3);
            return (
              <figure className="cc-pair" key={k}>
                <div className="cc-pair-maps" role="img" aria-label={fmt(t.mapsLabel, { k: k + 1, v })}>
                  <PixelGrid rows={h} cols={w} values={a} label={`C ${k + 1}`} color={scale} widthEm={3.6} />
                  <PixelGrid rows={h} cols={w} values={b} label={`G ${k + 1}`} color={scale} widthEm={3.6} />
                </div>
                <figcaption>{fmt(t.channel, { k: k + 1, v })}</figcaption>
              </figure>
            );
          })}
        </div>
      )}
      <p className="cc-note">{t.note}</p>
    </div>
  );
}
