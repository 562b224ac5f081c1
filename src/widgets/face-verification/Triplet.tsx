// The triplet loss (§35) on three of the reader's faces, with the network held fixed:
// L = max(‖f(A) − f(P)‖² − ‖f(A) − f(N)‖² + α, 0).
import { useState } from 'react';
import { Metric, Slider } from '../../ui';
import { useStrings } from '../../ui/i18n';
import { tripletKind } from '../../geometry/index';
import { FaceInput } from './FaceInput';
import type { FaceModels } from './faceModels';
import type { EncodedFace } from './job/findFaces';
import { faceStrings } from './strings';
import { faceTriplet } from './view';

export function Triplet({ models, alpha0 }: { models: FaceModels | null; alpha0: number }) {
  const t = useStrings(faceStrings);
  const [alpha, setAlpha] = useState(alpha0);
  const [a, setA] = useState<EncodedFace | null>(null);
  const [p, setP] = useState<EncodedFace | null>(null);
  const [n, setN] = useState<EncodedFace | null>(null);
  const r = a && p && n ? faceTriplet(a.descriptor, p.descriptor, n.descriptor, alpha) : null;
  const kind = r ? tripletKind(r.dAP, r.dAN, alpha) : null;
  return (
    <div className="fv-part">
      <div className="fv-pair fv-three">
        <FaceInput name="anchor" title={t.anchor} models={models} onFace={setA} />
        <FaceInput name="positive" title={t.positive} models={models} onFace={setP} />
        <FaceInput name="negative" title={t.negative} models={models} onFace={setN} />
      </div>
      <div className="fv-decision">
        <Slider label={t.alpha} value={alpha} min={0} max={1} step={0.05} onChange={setAlpha} format={(v) => v.toFixed(2)} />
        <Metric name="triplet-d-ap" label={t.dAP} value={r?.dAP}>{r ? r.dAP.toFixed(3) : '—'}</Metric>
        <Metric name="triplet-d-an" label={t.dAN} value={r?.dAN}>{r ? r.dAN.toFixed(3) : '—'}</Metric>
        <Metric name="triplet-loss" label={t.loss} value={r?.loss}>{r ? r.loss.toFixed(3) : '—'}</Metric>
        <p className="fv-verdict">{!r ? t.needThree : kind === 'easy' ? t.easy : kind === 'semi-hard' ? t.semiHard : t.hard}</p>
      </div>
      <p className="fv-note">{t.tripletNote}</p>
    </div>
  );
}
