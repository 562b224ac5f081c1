// Triplet loss (course §35) on a 2-D embedding plane: drag anchor, positive and negative; the two
// squared distances, the margin α, L = max(d(A,P) − d(A,N) + α, 0) with live numbers, and the
// regions where a negative would be hard, semi-hard or easy.
import { useState } from 'react';
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { Callout, Card, Formula, Metric, Slider } from '../../ui';
import { formatCell } from '../../viz/format';
import { TRIPLET_START, tripletView, type Pt } from '../../viz/tripletView';
import { TripletPlane, type Role } from './TripletPlane';
import { tripletLossStrings } from './strings';
import type { TripletLossParams } from './params';
import './style.css';

export default function TripletLoss({ params }: WidgetProps<TripletLossParams>) {
  const t = useStrings(tripletLossStrings);
  const [alpha, setAlpha] = useState(params.alpha);
  const [pts, setPts] = useState<Record<Role, Pt>>(() => ({ ...TRIPLET_START }));
  const v = tripletView(pts.a, pts.p, pts.n, alpha);
  const c = (x: number) => formatCell(x, 3);
  const names = { a: t.A, p: t.P, n: t.N };
  return (
    <div className="w-triplet-loss">
      <Card title={t.title}>
        <div className="tl-main">
          <figure className="tl-figure">
            <TripletPlane pts={pts} view={v} onMove={(role, pt) => setPts((ps) => ({ ...ps, [role]: pt }))}
              labels={{ plane: t.plane, point: t.point, names }} />
            <figcaption className="tl-legend">
              <span><i className="tl-key tl-key-hard" aria-hidden="true" /> {t.regionHard}</span>
              <span><i className="tl-key tl-key-semi" aria-hidden="true" /> {t.regionSemi}</span>
              <span><i className="tl-key tl-key-easy" aria-hidden="true" /> {t.regionEasy}</span>
            </figcaption>
            <p className="tl-hint">{t.hint} {t.ringNote}</p>
          </figure>
          <div className="tl-side">
            <Slider param="alpha" label={t.alpha} value={alpha} min={0} max={2} step={0.05} onChange={setAlpha} format={(x) => x.toFixed(2)} />
            <div className="tl-metrics">
              <Metric name="d-ap" value={v.dAP} label={t.dAP}>{c(v.dAP)}</Metric>
              <Metric name="d-an" value={v.dAN} label={t.dAN}>{c(v.dAN)}</Metric>
              <Metric name="triplet-loss" value={v.loss} label={t.loss} className="tl-loss">{c(v.loss)}</Metric>
            </div>
            <p className={`tl-kind tl-kind-${v.kind}`} data-kind={v.kind}>
              {fmt(t[`kind.${v.kind}`], { dap: c(v.dAP), dan: c(v.dAN), gap: c(v.dAN - v.dAP), alpha: c(alpha) })}
            </p>
            <button type="button" className="tl-reset" onClick={() => setPts({ ...TRIPLET_START })}>{t.reset}</button>
          </div>
        </div>
        <div className="tl-formula"><Formula display tex={v.tex} /></div>
        {alpha === 0 && <Callout kind="mistake">{t.alphaZero}</Callout>}
      </Card>
    </div>
  );
}
