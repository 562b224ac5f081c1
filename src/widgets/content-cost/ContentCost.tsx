// Pick a layer and a G (C plus noise, or another picture): the worker runs both through the
// pretrained stem and returns J_content and the first channels of a[l](C) and a[l](G).
import { useEffect, useState } from 'react';
import { ErrorNote, Metric, PixelGrid, Select, Slider } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { grayScale } from '../../viz/colors';
import { computeClient } from '../../worker/client';
import type { RequestResult } from '../../worker/protocol';
import type { WidgetProps } from '../types';
import { RgbCanvas } from '../style-transfer/RgbCanvas';
import { loadPictures, loadStemModel, STYLE_SIZE, toBytes } from '../style-transfer/shared';
import '../style-transfer/style.css';
import { CC_LAYERS, type ContentCostParams } from './index';
import { contentStrings } from './strings';

type Layer = (typeof CC_LAYERS)[number];
const OTHERS = ['cat', 'swirl', 'stripes'] as const;
type Other = (typeof OTHERS)[number];
const SHOWN = 12;

export default function ContentCost({ params }: WidgetProps<ContentCostParams>) {
  const t = useStrings(contentStrings);
  const [layer, setLayer] = useState<Layer>(params.layer);
  const [source, setSource] = useState<'noise' | 'other'>('noise');
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!inputs) return;
    let live = true;
    setBusy(true);
    const { contents, styles } = inputs.pics;
    const otherPic = other === 'cat' ? contents.cat : styles[other];
    computeClient()
      .request('content-activations', {
        model: inputs.model, content: contents.house, other: source === 'other' ? otherPic : undefined,
        noise, seed: 3, size: STYLE_SIZE, layer, channels: SHOWN,
      }, { latest: 'content-cost' })
      .then((r) => live && (setResult(r), setError(null), setBusy(false)))
      .catch((e: { code?: string; message?: string }) => {
        if (!live || e.code === 'superseded') return;
        setError(fmt(t.failed, { msg: e.message ?? String(e) }));
        setBusy(false);
      });
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputs, layer, source, noise, other]);

  const [, h, w, c] = result?.shape ?? [1, 0, 0, 0];
  const gWhat = source === 'noise' ? fmt(t.gNoiseWhat, { v: noise }) : t[other];
  return (
    <div className="cc">
      <strong className="cc-title">{t.title}</strong>
      <p className="cc-intro">{t.intro}</p>
      {loadError && <ErrorNote alert>{loadError}</ErrorNote>}
      {!loadError && !inputs && <p className="st-wait">{t.loading}</p>}
      <div className="cc-controls">
        <Select label={t.layer} value={layer} options={CC_LAYERS.map((v) => ({ value: v, label: t[v] }))} onChange={(v) => setLayer(v as Layer)} />
        <Select label={t.gSource} value={source} options={[{ value: 'noise' as const, label: t.gNoise }, { value: 'other' as const, label: t.gOther }]} onChange={(v) => setSource(v as 'noise' | 'other')} />
        {source === 'noise' ? (
          <Slider label={fmt(t.noise, { v: noise })} value={noise} min={0} max={128} step={4} onChange={setNoise} />
        ) : (
          <Select label={t.other} value={other} options={OTHERS.map((v) => ({ value: v, label: t[v] }))} onChange={(v) => setOther(v as Other)} />
        )}
      </div>
      <div className="cc-pictures">
        <figure>
          <RgbCanvas rgb={inputs ? toBytes(inputs.pics.contents.house) : null} size={STYLE_SIZE} label={t.picC} em={8} name="content" />
          <figcaption>C</figcaption>
        </figure>
        <figure>
          <RgbCanvas rgb={result?.g ?? null} size={STYLE_SIZE} label={fmt(t.picG, { what: gWhat })} em={8} name="g" />
          <figcaption>G</figcaption>
        </figure>
        <div className="cc-metrics">
          <Metric name="content-cost" label={t.cost} value={result?.cost ?? null}>{result ? result.cost.toExponential(3) : '—'}</Metric>
          <Metric name="layer" label={t.shape} value={result?.layer ?? layer}>
            {result ? fmt(t.shapeText, { h, w, c, n: (h * w * c).toLocaleString() }) : '—'}
          </Metric>
        </div>
      </div>
      {error && <ErrorNote alert>{error}</ErrorNote>}
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
