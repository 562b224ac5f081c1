// Neural style transfer in the worker: C, S and G side by side, J(G) = α·J_content + β·J_style
// and its two parts live, a strip of intermediate G's, start / pause / reset. Changing the
// balance mid-run updates β in the running job; changing C, S or the start resets it.
import { useState } from 'react';
import { ErrorNote, Metric, Select, Slider } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import type { WorkerError } from '../../worker/protocol';
import type { WidgetProps } from '../types';
import { ST_CONTENT_LAYERS, ST_FITS, ST_INITS, ST_SIZES, type StyleContentLayer, type StyleFit, type StyleSize, type StyleTransferParams } from './params';
import { CONTENT_NAMES, STYLE_NAMES } from '../../data/stylePictures';
import { RgbCanvas } from '../shared/RgbCanvas';
import { useStylePictures, type ContentKey, type StyleKey } from './useStylePictures';
import { useStyleRun } from './useStyleRun';
import { downloadPng } from './downloadPng';
import { styleStrings } from './strings';
import './style.css';

type Init = (typeof ST_INITS)[number];

export default function StyleTransfer({ params }: WidgetProps<StyleTransferParams>) {
  const t = useStrings(styleStrings);
  const tj = useStrings(jobStrings);
  const run = useStyleRun();
  const [size, setSize] = useState<StyleSize>(params.size);
  const [contentLayer, setContentLayer] = useState<StyleContentLayer>(params.contentLayer);
  const [fit, setFit] = useState<StyleFit>(params.fit);
  const deep = contentLayer.startsWith('res3');
  const pics = useStylePictures(params, size, deep, fit, t, run.invalidate);
  const [init, setInit] = useState<Init>(params.init);
  const [balance, setBalance] = useState(params.balance);
  const { phase, costs, g, history, error, stale } = run;
  const { weights, contentPic, stylePic, contentKey, styleKey, uploads, ready } = pics;

  const start = () => {
    if (phase !== 'paused' && (!weights || !contentPic || !stylePic)) return;
    run.start({ model: weights!, content: contentPic!, style: stylePic!, size, init, balance, contentLayer, seed: 1 });
  };
  const changeBalance = (b: number) => {
    setBalance(b);
    run.update({ balance: b });
  };

  const contentOptions = [...CONTENT_NAMES, ...(uploads.content ? (['upload'] as const) : [])].map((v) => ({ value: v as ContentKey, label: t[v] }));
  const styleOptions = [...STYLE_NAMES, ...(uploads.style ? (['upload'] as const) : [])].map((v) => ({ value: v as StyleKey, label: t[v] }));
  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v >= 1e4 || v < 1e-2 ? v.toExponential(2) : v.toPrecision(3));

  return (
    <div className="st">
      <strong className="st-title">{t.title}</strong>
      <p className="st-intro">{fmt(t.intro, { size })}</p>
      {pics.loadError && <ErrorNote alert>{pics.loadError}</ErrorNote>}
      {!pics.loadError && !ready && <p className="st-wait">{t.loading}</p>}
      <div className="st-pictures">
        <figure>
          <RgbCanvas rgb={pics.contentBytes} width={size} label={fmt(t.picC, { name: t[contentKey] })} em={9} name="content" />
          <figcaption>
            <Select param="content" label={t.content} value={contentKey} options={contentOptions} onChange={pics.chooseContent} />
            <label className="st-file">{t.chooseContent}<input type="file" accept="image/*" onChange={pics.onFile('content')} /></label>
          </figcaption>
        </figure>
        <figure>
          <RgbCanvas rgb={pics.styleBytes} width={size} label={fmt(t.picS, { name: t[styleKey] })} em={9} name="style" />
          <figcaption>
            <Select param="style" label={t.style} value={styleKey} options={styleOptions} onChange={pics.chooseStyle} />
            <label className="st-file">{t.chooseStyle}<input type="file" accept="image/*" onChange={pics.onFile('style')} /></label>
          </figcaption>
        </figure>
        <figure className="st-g">
          <RgbCanvas rgb={g} width={size} label={costs ? fmt(t.picG, { step: costs.step }) : t.picGIdle} em={15} name="generated" />
          <figcaption>
            G{!g && <span className="st-wait st-g-idle">{t.gIdle}</span>}
            {g && <button type="button" className="st-download" data-action="download" onClick={() => downloadPng(g, size, `G-${contentKey}-${styleKey}-step${costs?.step ?? 0}.png`)}>{t.download}</button>}
          </figcaption>
        </figure>
      </div>
      {pics.uploadError && <ErrorNote alert>{pics.uploadError}</ErrorNote>}
      <div className="st-controls">
        <Select label={t.size} param="size" value={String(size)} options={ST_SIZES.map((v) => ({ value: String(v), label: fmt(v === ST_SIZES[0] ? t.sizeFast : t.sizeSlow, { size: v }) }))} onChange={(v) => (setSize(Number(v) as StyleSize), run.invalidate())} />
        <Select label={t.contentLayer} param="contentLayer" value={contentLayer} options={ST_CONTENT_LAYERS.map((l) => ({ value: l, label: fmt(l.startsWith('res3') ? t.contentLayerDeep : t.contentLayerOption, { layer: l }) }))} onChange={(v) => (setContentLayer(v), run.invalidate())} />
        <Select<StyleFit> label={t.fit} param="fit" value={fit} options={ST_FITS.map((f) => ({ value: f, label: f === 'crop' ? t.fitCrop : t.fitLetterbox }))} onChange={setFit} />
        <Select param="init" label={t.init} value={init} options={[{ value: 'content' as Init, label: t.initContent }, { value: 'noise' as Init, label: t.initNoise }]} onChange={(v) => (setInit(v), run.invalidate())} />
        <Slider param="balance" label={t.balance} value={balance} min={2} max={7} step={0.5} onChange={changeBalance} format={(v) => `10^${v}`} />
        <div className="st-buttons">
          {phase === 'running' ? (
            <button type="button" data-action="pause" onClick={run.pause}>{tj.pause}</button>
          ) : (
            <button type="button" className="st-primary" data-action="start" onClick={start} disabled={!ready}>
              {phase === 'paused' ? tj.resume : tj.start}
            </button>
          )}
          <button type="button" data-action="reset" onClick={run.reset}>{tj.reset}</button>
        </div>
      </div>
      <div className="st-metrics">
        <Metric name="step" label={tj.stepCount} value={costs?.step ?? 0} />
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
                <RgbCanvas rgb={hItem.rgb} width={size} label={fmt(t.historyItem, { step: hItem.step })} em={5} />
                <figcaption>{hItem.step}</figcaption>
              </figure>
            ))}
          </div>
        </figure>
      )}
      <p className="st-note">{fmt(t.layers, { layer: contentLayer })}</p>
      <p className="st-status" aria-live="polite">
        {phase === 'done' && costs ? fmt(t.done, { step: costs.step }) : stale ? t.changed : phase === 'idle' && ready ? t.ready : ''}
      </p>
    </div>
  );
}
