// Verification mode (1:1): the accuracy at τ over balanced pairs of never-seen digits, the two
// distance histograms, and one pair at a time with its decision and the §36 probability.
import { useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { Metric } from '../../ui';
import { formatCell } from '../../viz/format';
import { beforeAfter, pairFeatures, verificationScore, type VerificationPairs } from './view';
import type { OneShotSet } from '../shared/job/embedding/oneShot';
import { ComponentBars, Digit, DistanceHistogram } from './parts';
import { oneShotStrings } from './strings';

export function Verification({ set, pairs, tau, best }: { set: OneShotSet; pairs: VerificationPairs; tau: number; best: number }) {
  const t = useStrings(oneShotStrings);
  const score = verificationScore(pairs, tau);
  const { same, diff, max } = useMemo(() => {
    const s: number[] = [], d: number[] = [];
    pairs.d.forEach((v, k) => (pairs.same[k] ? s : d).push(v));
    return { same: s, diff: d, max: Math.max(0.5, Math.ceil(Math.max(...pairs.d) * 2) / 2) };
  }, [pairs]);
  // the §36 unit's own accuracy on the same pairs (ŷ > 0.5 means "same"), for comparison
  const logisticAccuracy = useMemo(() => {
    let ok = 0;
    for (let q = 0; q < pairs.d.length; q++) if ((pairFeatures(set, pairs.i[q], pairs.j[q], set.w, set.b).probability > 0.5) === (pairs.same[q] === 1)) ok++;
    return pairs.d.length ? ok / pairs.d.length : 0;
  }, [set, pairs]);
  const ba = useMemo(() => beforeAfter(set), [set]);
  const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
  const [pick, setPick] = useState({ same: 0, diff: 0, which: 1 });
  const k = useMemo(() => {
    // the pick-th pair of the wanted kind (evenly spread over the list)
    const want = pick.which;
    const list: number[] = [];
    pairs.same.forEach((s, q) => s === want && list.push(q));
    const n = want ? pick.same : pick.diff;
    return list[(n * 37) % list.length];
  }, [pairs, pick]);
  const i = pairs.i[k], j = pairs.j[k], d = pairs.d[k];
  const saysSame = d <= tau;
  const right = saysSame === (pairs.same[k] === 1);
  const lf = pairFeatures(set, i, j, set.w, set.b);
  const c = (x: number) => formatCell(x, 3);
  return (
    <div className="os-verify">
      <div className="os-score">
        <Metric name="verification-accuracy" value={score.accuracy} label={t.accuracy} className="os-acc">{`${(score.accuracy * 100).toFixed(1)}%`}</Metric>
        <p className="os-note">{fmt(t.accuracyNote, { n: score.total, best: c(best) })}. {fmt(t.errors, { fr: score.falseRejections, fa: score.falseAcceptances })}</p>
      </div>
      <DistanceHistogram same={same} diff={diff} tau={tau} max={max} label={t.histogram} sameLabel={t.histSame} diffLabel={t.histDiff} />
      <div className="os-pair" aria-label={t.pair}>
        <div className="os-pair-images">
          <Digit set={set} i={i} label={fmt(t.image, { label: set.labels[i] })} />
          <Digit set={set} i={j} label={fmt(t.image, { label: set.labels[j] })} />
        </div>
        <div className="os-pair-text">
          <Metric name="pair-distance" value={d} label={t.distance}>{c(d)}</Metric>
          <p data-decision={saysSame ? 'same' : 'different'}>{fmt(saysSame ? t.decideSame : t.decideDiff, { d: c(d), tau: c(tau) })}</p>
          <p className={right ? 'os-right' : 'os-wrong'}>{right ? '✓ ' : '✗ '}{fmt(pairs.same[k] ? t.truthSame : t.truthDiff, { verdict: right ? t.right : t.wrong })}</p>
          <div className="os-pair-buttons">
            <button type="button" onClick={() => setPick((p) => ({ ...p, same: p.same + 1, which: 1 }))}>{t.samePair}</button>
            <button type="button" onClick={() => setPick((p) => ({ ...p, diff: p.diff + 1, which: 0 }))}>{t.diffPair}</button>
          </div>
        </div>
      </div>
      <table className="os-compare">
        <caption>{t.compareTitle}</caption>
        <thead>
          <tr><th scope="col" /><th scope="col">{t.before}</th><th scope="col">{t.after}</th></tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.newClasses}</th>
            <td><Metric name="new-untrained-accuracy" value={ba.newBefore}>{pc(ba.newBefore)}</Metric></td>
            <td><Metric name="new-trained-accuracy" value={ba.newAfter}>{pc(ba.newAfter)}</Metric></td>
          </tr>
          <tr>
            <th scope="row">{t.knownClasses}</th>
            <td><Metric name="known-untrained-accuracy" value={ba.knownBefore}>{pc(ba.knownBefore)}</Metric></td>
            <td><Metric name="known-trained-accuracy" value={ba.knownAfter}>{pc(ba.knownAfter)}</Metric></td>
          </tr>
        </tbody>
      </table>
      <p className="os-note">{t.compareNote}</p>
      <div className="os-logistic">
        <p><strong>{fmt(t.logistic, { p: lf.probability.toFixed(3) })}</strong> → {lf.probability > 0.5 ? t.saysSame : t.saysDiff}</p>
        <ComponentBars features={lf.features} w={set.w} label={t.components} />
        <Metric name="logistic-accuracy" value={logisticAccuracy} label={t.logisticAccuracy}>{`${(logisticAccuracy * 100).toFixed(1)}%`}</Metric>
        <p className="os-note">{t.logisticNote}</p>
      </div>
    </div>
  );
}
