// The 3×3 grid of a unit's nine most exciting test patches, each with its activation.
import { Metric, PixelGrid } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { activationText } from '../../viz/cnnFeatures';
import type { LayerFeatures } from '../../worker/jobs/features/analyse';
import { cnnFeaturesStrings } from './strings';

export function TopPatches({ layer, unit }: { layer: LayerFeatures; unit: number }) {
  const t = useStrings(cnnFeaturesStrings);
  const area = layer.rf.size * layer.rf.size;
  const top = layer.values[unit * 9];
  const { size, jump } = layer.rf;
  return (
    <div className="cf-top">
      <h4>{fmt(t.topTitle, { u: unit + 1 })}</h4>
      <div className="cf-grid" data-part="patches">
        {Array.from({ length: 9 }, (_, k) => {
          const slot = unit * 9 + k;
          if (layer.images[slot] < 0) return <div key={k} className="cf-patch" />;
          const v = layer.values[slot];
          return (
            <figure key={k} className="cf-patch" data-patch={k}>
              <PixelGrid rows={size} cols={size} values={layer.patches.subarray(slot * area, (slot + 1) * area)} widthEm={4.4}
                label={fmt(t.patchLabel, { k: k + 1, u: unit + 1, img: layer.images[slot], label: layer.labels[slot], v: activationText(v) })} />
              <figcaption>{activationText(v)}</figcaption>
            </figure>
          );
        })}
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
