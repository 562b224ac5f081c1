// The input optimised by gradient ascent to excite the chosen unit, forming live.
import { useEffect, useState } from 'react';
import { Metric, PixelGrid, Toggle, ErrorNote } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { activationText, centreField, cropSquare } from './view';
import type { LayerFeatures } from './job/analyse';
import type { useFeatures } from './useFeatures';
import { cnnFeaturesStrings } from './strings';

type Features = ReturnType<typeof useFeatures>;

export function Ascent({ f, layer, unit }: { f: Features; layer: LayerFeatures; unit: number }) {
  const t = useStrings(cnnFeaturesStrings);
  const [blur, setBlur] = useState(true);
  const [image, setImage] = useState<Float32Array | null>(f.slot.image.get());
  useEffect(() => f.slot.image.subscribe(setImage), [f.slot.image]);
  const a = f.slot.ascent;
  const mine = a.key === `${layer.number}:${unit}`;
  const p = mine ? a.progress : null;
  const top = layer.values[unit * 9];
  const square = centreField(layer.rf, layer.side, 28);
  return (
    <div className="cf-ascent" data-part="ascent">
      <h4>{fmt(t.ascentTitle, { u: unit + 1 })}</h4>
      <p className="cf-note">{t.ascentIntro}</p>
      <div className="cf-row">
        <button type="button" data-action="start" className="cf-primary" disabled={mine && a.running}
          onClick={() => f.optimise(layer.number, unit, blur)}>{p ? t.again : t.optimise}</button>
        <Toggle label={t.blur} checked={blur} onChange={setBlur} />
      </div>
      {mine && a.error && <ErrorNote alert>{fmt(t.error, { message: a.error.message })}</ErrorNote>}
      <div className="cf-row">
        {mine && image ? (
          <>
            <PixelGrid rows={28} cols={28} values={image} widthEm={8} highlight={square}
              label={fmt(t.ascentImage, { u: unit + 1, n: layer.number, step: p?.step ?? 0, v: activationText(p?.activation ?? NaN) })} />
            <figure>
              <PixelGrid rows={square.rows} cols={square.cols} values={cropSquare(image, 28, square)} widthEm={8}
                label={fmt(t.ascentCrop, { rf: square.rows, u: unit + 1 })} />
              <figcaption>{fmt(t.ascentCropCaption, { rf: square.rows })}</figcaption>
            </figure>
          </>
        ) : (
          <div className="cf-empty" style={{ width: '16.5em', height: '8em' }}><span>{t.ascentEmpty}</span></div>
        )}
        <div className="cf-ascent-metrics">
          <Metric name="step" value={p?.step ?? null} label={t.step}>{p ? `${p.step} / ${p.steps}` : '—'}</Metric>
          <Metric name="ascent-activation" value={p?.activation ?? null} label={t.ascentActivation}>{p ? activationText(p.activation) : '—'}</Metric>
          {p && <p className="cf-note">{fmt(t.ascentCompare, { start: activationText(p.startActivation), top: activationText(top) })}</p>}
          {p && !a.running && p.activation > top && <p className="cf-good">{t.ascentBeats}</p>}
        </div>
      </div>
    </div>
  );
}
