// Verification (1:1): two faces → d = ‖f(x₁) − f(x₂)‖ against τ, and the 128 differences
// |f(x₁)ₖ − f(x₂)ₖ| the §36 logistic unit would weigh.
import { useMemo, useState } from 'react';
import { Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { FaceInput } from './FaceInput';
import type { FaceModels } from './faceModels';
import type { EncodedFace } from './job/findFaces';
import { faceStrings } from './strings';
import { absDifferences, faceDistance, samePerson } from './view';

function DiffBars({ diff, label }: { diff: Float32Array; label: string }) {
  const max = Math.max(...diff, 1e-6);
  return (
    <svg className="fv-bars" viewBox={`0 0 ${diff.length} 40`} preserveAspectRatio="none" role="img" aria-label={label}>
      {Array.from(diff, (v, k) => <rect key={k} x={k + 0.1} width={0.8} y={40 - (40 * v) / max} height={(40 * v) / max} />)}
    </svg>
  );
}

export function Verify({ models, tau, tauSlider }: { models: FaceModels | null; tau: number; tauSlider: React.ReactNode }) {
  const t = useStrings(faceStrings);
  const [a, setA] = useState<EncodedFace | null>(null);
  const [b, setB] = useState<EncodedFace | null>(null);
  const d = a && b ? faceDistance(a.descriptor, b.descriptor) : null;
  const diff = useMemo(() => (a && b ? absDifferences(a.descriptor, b.descriptor) : null), [a, b]);
  const same = d !== null && samePerson(d, tau);
  return (
    <div className="fv-part">
      <div className="fv-pair">
        <FaceInput name="1" title={`${t.photo} x₁`} models={models} onFace={setA} />
        <FaceInput name="2" title={`${t.photo} x₂`} models={models} onFace={setB} />
      </div>
      <div className="fv-decision">
        <Metric name="face-distance" label={t.distance} value={d}>{d === null ? '—' : d.toFixed(3)}</Metric>
        {tauSlider}
        <p className={d === null ? 'fv-verdict' : same ? 'fv-verdict fv-same' : 'fv-verdict fv-different'} data-metric="face-verdict" data-value={d === null ? '' : same ? 'same' : 'different'}>
          {d === null ? t.needTwo : same ? t.same : t.different}
        </p>
      </div>
      <p className="fv-note">{t.distanceNote}</p>
      <h4>{t.logisticTitle}</h4>
      <p className="fv-note">{t.logistic}</p>
      {diff && <DiffBars diff={diff} label={fmt(t.bars, { max: Math.max(...diff).toFixed(3) })} />}
      {diff && <p className="fv-note">{fmt(t.bars, { max: Math.max(...diff).toFixed(3) })}</p>}
    </div>
  );
}
