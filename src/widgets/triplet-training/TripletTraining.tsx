// Train an embedding live (course §34–35): a small CNN maps MNIST digits to the unit circle,
// trained with the triplet loss in the worker; the test digits' embeddings move as it learns.
// Mining (random / semi-hard / hard) can be switched while it runs; the share of zero-loss
// triplets per batch shows why random triplets teach little.
import type { WidgetProps } from '../types';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { Callout, Card, ErrorNote, Metric, Select } from '../../ui';
import { formatCell } from '../../viz/format';
import type { Mining } from '../shared/job/embedding/mining';
import { useEmbeddingJob } from '../shared/useEmbeddingJob';
import { ClassLegend, EmbeddingScatter } from './EmbeddingScatter';
import { LossCurve } from './LossCurve';
import { tripletTrainingStrings } from './strings';
import type { TripletTrainingParams } from './params';
import './style.css';

const MININGS: Mining[] = ['random', 'semi-hard', 'hard'];

export default function TripletTraining({ params }: WidgetProps<TripletTrainingParams>) {
  const t = useStrings(tripletTrainingStrings);
  const tj = useStrings(jobStrings);
  // one slot per lesson block (lesson 37 uses semi-hard, lesson 38 random): it survives remounts
  const job = useEmbeddingJob(`triplet-training:${params.mining}`, { mining: params.mining });
  const mining = job.mining;
  const p = job.progress;
  const running = job.phase === 'running';
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`);
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatCell(v, 3));
  const ratio = p && p.sameDistance !== null && p.differentDistance !== null && p.sameDistance > 0 ? p.differentDistance / p.sameDistance : null;
  const choose = (m: Mining) => job.setMining(m);
  return (
    <div className="w-triplet-training">
      <Card title={t.title}>
        <p className="tt-intro">{t.intro}</p>
        <div className="tt-controls">
          <Select param="mining" label={t.mining} value={mining} onChange={choose} options={MININGS.map((m) => ({ value: m, label: t[`mining.${m}`] }))} />
          <div className="tt-buttons">
            {running ? (
              <button type="button" data-action="pause" onClick={job.pause}>{tj.pause}</button>
            ) : (
              <button type="button" data-action="start" className="tt-primary" onClick={job.start}>{job.phase === 'paused' ? tj.resume : tj.start}</button>
            )}
            <button type="button" data-action="reset" onClick={job.reset} disabled={job.phase === 'idle' && !p}>{tj.reset}</button>
          </div>
        </div>
        {job.error && <ErrorNote alert>{fmt(t.error, { message: job.error.message })}</ErrorNote>}
        <div className="tt-main">
          <figure className="tt-figure">
            <EmbeddingScatter snapshot={job.snapshot} label={t.scatter} empty={p?.status === 'loading' ? t.loading : t.scatterEmpty} />
            <ClassLegend label={t.legend} />
            <figcaption className="tt-caption">{t.band}</figcaption>
          </figure>
          <div className="tt-side">
            <div className="tt-metrics">
              <Metric name="step" value={p?.step ?? 0} label={t.step}>{p?.step ?? 0}</Metric>
              <Metric name="triplet-loss" value={p?.testLoss} label={t.testLoss} className="tt-test-loss">{num(p?.testLoss)}</Metric>
              <Metric name="batch-loss" value={p?.smoothLoss} label={t.loss}>{num(p?.smoothLoss)}</Metric>
              <Metric name="easy-fraction" value={p?.smoothEasy} label={t.easy} className="tt-easy">{pct(p?.smoothEasy)}</Metric>
              <Metric name="same-class-distance" value={p?.sameDistance} label={t.same}>{num(p?.sameDistance)}</Metric>
              <Metric name="different-class-distance" value={p?.differentDistance} label={t.different}>{num(p?.differentDistance)}</Metric>
            </div>
            {ratio !== null && ratio > 1.5 && <p className="tt-separated">{fmt(t.separated, { ratio: ratio.toFixed(1) })}</p>}
            <LossCurve snapshot={job.snapshot} label={t.curve} lossLabel={t.curveLoss} testLabel={t.curveTest} easyLabel={t.curveEasy} />
            <Callout kind={mining === 'hard' ? 'mistake' : 'note'}>{t[`note.${mining}`]}</Callout>
          </div>
        </div>
        <Callout kind="mistake">{t.mistake}</Callout>
        <p className="tt-normalise">{t.normalise}</p>
      </Card>
    </div>
  );
}
