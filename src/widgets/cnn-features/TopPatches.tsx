// The 3×3 grid of a unit's nine most exciting test patches, each with its activation; choosing
// a patch shows the whole test digit it was cut from, with the unit's receptive field marked.
import { useState } from 'react';
import { Metric, PixelGrid } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { activationText, unitField } from './view';
import type { LayerFeatures } from './job/analyse';
import { cnnFeaturesStrings } from './strings';

const PIXELS = 784;

export function TopPatches({ layer, unit }: { layer: LayerFeatures; unit: number }) {
  const t = useStrings(cnnFeaturesStrings);
  const [picked, setPicked] = useState({ key: '', k: 0 });
  const key = `${layer.number}:${unit}`;
  const chosen = picked.key === key ? picked.k : 0;
  const area = layer.rf.size * layer.rf.size;
  const top = layer.values[unit * 9];
  const { size, jump } = layer.rf;
  const c = unit * 9 + chosen;
  const digit = Float32Array.from(layer.digits.subarray(c * PIXELS, (c + 1) * PIXELS), (v) => v / 255);
  return (
    <div className="cf-top">
      <h4>{fmt(t.topTitle, { u: unit + 1 })}</h4>
      <div className="cf-row cf-top-row">
        <div className="cf-grid" data-part="patches">
          {Array.from({ length: 9 }, (_, k) => {
            const slot = unit * 9 + k;
            if (layer.images[slot] < 0) return <div key={k} className="cf-patch" />;
            const v = layer.values[slot];
            const label = fmt(t.patchLabel, { k: k + 1, u: unit + 1, img: layer.images[slot], label: layer.labels[slot], v: activationText(v) });
            return (
              <button type="button" key={k} className={`cf-patch${k === chosen ? ' cf-on' : ''}`} data-patch={k} aria-pressed={k === chosen}
                aria-label={label} onClick={() => setPicked({ key, k })}>
                <PixelGrid rows={size} cols={size} values={layer.patches.subarray(slot * area, (slot + 1) * area)} widthEm={3.9} label={label} />
                <span className="cf-patch-v">{activationText(v)}</span>
              </button>
            );
          })}
        </div>
        {layer.images[c] >= 0 && (
          <figure className="cf-context">
            <PixelGrid rows={28} cols={28} values={digit} widthEm={7.5} highlight={unitField(layer.rf, layer.rows[c], layer.cols[c], 28)}
              label={fmt(t.contextLabel, { k: chosen + 1, img: layer.images[c], label: layer.labels[c] })} />
            <figcaption>{fmt(t.context, { k: chosen + 1, img: layer.images[c], label: layer.labels[c] })}</figcaption>
          </figure>
        )}
      </div>
      <div className="cf-metrics">
        <Metric name="top-activation" value={top} label={t.topActivation}>{activationText(top)}</Metric>
        <Metric name="receptive-field" value={size} label={t.receptiveField}>{`${size}×${size}`}</Metric>
      </div>
      <p className="cf-note">
        {fmt(t.rfNote, { n: layer.number, rf: size, jump })} {layer.number === 1 ? t.rfNote1 : t.rfNote2}
      </p>
    </div>
  );
}
