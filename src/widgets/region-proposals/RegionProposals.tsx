// Region proposals (course §31): one seeded scene (worker job 'region-proposals'), three tabs.
//   R-CNN        — segmentation proposes N regions; the ConvNet runs once per region (N passes)
//   Fast R-CNN   — same proposals; one ConvNet pass, every region read from the shared feature map
//   Faster R-CNN — a region proposal network proposes 300 regions; one pass, no segmentation
// The proposals are drawn (a sample of them), the detections left after classification and
// NMS on top; the forward passes and a relative cost bar for all three (viz/regionProposals).
// trained: real proposals and a trained classifier instead (ProposalsLab).
import { useRef, useState, type KeyboardEvent } from 'react';
import type { WidgetProps } from '../types';
import { computeClient } from '../../worker/client';
import { fmt, useLang, useStrings } from '../../ui/i18n';
import { Callout, Card, ErrorNote, Metric, Slider, Toggle, useAsync } from '../../ui';
import { compareCosts, PIPELINES, RPN_PROPOSALS, sampleIndices, type Pipeline } from './view';
import { SceneView } from './SceneView';
import { CostTable } from './CostTable';
import { rpStrings } from './strings';
import type { RegionProposalsParams } from './params';
import { ProposalsLab } from './ProposalsLab';
import './style.css';

const DRAWN = 50;

export default function RegionProposals({ params }: WidgetProps<RegionProposalsParams>) {
  return params.trained ? <ProposalsLab /> : <Pipelines />;
}

function Pipelines() {
  const t = useStrings(rpStrings);
  const lang = useLang();
  const [tab, setTab] = useState<Pipeline>('rcnn');
  const [n, setN] = useState(2000);
  const [seed, setSeed] = useState(3);
  const [seg, setSeg] = useState(false);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const job = useAsync(() => computeClient().request('region-proposals', { seed, proposals: n, rpnKeep: RPN_PROPOSALS }), [seed, n]);
  const r = job.value;
  const nf = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');

  const costs = compareCosts(n, r?.rpn.boxes.length ?? RPN_PROPOSALS);
  const cost = costs[PIPELINES.indexOf(tab)];
  const faster = tab === 'faster';
  const stage = r ? (faster ? r.rpn : r.segmentation) : null;
  const drawn = stage ? sampleIndices(stage.boxes.length, DRAWN).map((i) => stage.boxes[i]) : [];
  const cls = (id: number) => t[`class.${id % 3}` as 'class.0'];
  const d = stage?.detections.length ?? 0;

  const stages: string[] = faster
    ? [t['stage.image'], t['stage.convOnce'], fmt(t['stage.rpn'], { n: nf(cost.proposals) }), t['stage.roi'], fmt(t['stage.heads'], { n: nf(cost.proposals) }), fmt(t['stage.nms'], { d })]
    : tab === 'fast'
      ? [t['stage.image'], fmt(t['stage.segment'], { n: nf(n) }), t['stage.convOnce'], t['stage.roi'], fmt(t['stage.heads'], { n: nf(n) }), fmt(t['stage.nms'], { d })]
      : [t['stage.image'], fmt(t['stage.segment'], { n: nf(n) }), t['stage.crop'], fmt(t['stage.convEach'], { n: nf(n) }), t['stage.classify'], fmt(t['stage.nms'], { d })];
  const convStage = (s: string) => s === t['stage.convOnce'] || s.startsWith(t['stage.convEach'].split('{')[0]) || s.startsWith(t['stage.rpn'].split('{')[0]);
  const slowStage = (s: string) => s.startsWith(t['stage.segment'].split('{')[0]);

  const tabKey = (e: KeyboardEvent) => {
    const i = PIPELINES.indexOf(tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % 3 : e.key === 'ArrowLeft' ? (i + 2) % 3 : e.key === 'Home' ? 0 : e.key === 'End' ? 2 : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(PIPELINES[next]);
    tabs.current[next]?.focus();
  };

  return (
    <div className="w-region-proposals">
      <Card title={t.title}>
        <div className="rp-tabs" role="tablist" aria-label={t.tabs} onKeyDown={tabKey}>
          {PIPELINES.map((p, i) => (
            <button key={p} ref={(el) => void (tabs.current[i] = el)} type="button" role="tab" id={`rp-tab-${p}`} aria-selected={tab === p}
              aria-controls="rp-panel" tabIndex={tab === p ? 0 : -1} data-tab={p} className="rp-tab" onClick={() => setTab(p)}>
              {t[`tab.${p}`]}
            </button>
          ))}
        </div>
        <div id="rp-panel" role="tabpanel" aria-labelledby={`rp-tab-${tab}`} className="rp-panel">
          <p className="rp-summary">{fmt(t[`summary.${tab}`], { n: nf(n) })}</p>
          <ol className="rp-stages">
            {stages.map((s, i) => (
              <li key={i} className={`rp-stage${convStage(s) ? ' rp-conv' : ''}${slowStage(s) ? ' rp-slow' : ''}`}>{s}</li>
            ))}
          </ol>
          <div className="rp-controls">
            <Slider label={t.proposalsSlider} value={n} min={100} max={2000} step={100} onChange={setN} format={nf} disabled={faster} />
            <Toggle label={t.segView} checked={seg && !faster} disabled={faster} onChange={setSeg} />
            <button type="button" className="rp-button" data-action="new-scene" onClick={() => setSeed((s) => s + 1)}>{t.newScene}</button>
            <span className="rp-muted">{fmt(t.scene, { seed })}</span>
          </div>
          <div className="rp-metrics">
            <Metric name="proposals" value={cost.proposals} label={t.proposals}>{nf(cost.proposals)}</Metric>
            <Metric name="forward-passes" value={cost.forwardPasses} label={t.forwardPasses}>{nf(cost.forwardPasses)}</Metric>
            <Metric name="detections" value={stage ? d : null} label={t.detections}>{stage ? d : '—'}</Metric>
          </div>
          {job.error && <ErrorNote>{job.error}</ErrorNote>}
          {!r && !job.error && <p className="rp-muted">{t.loading}</p>}
          {r && stage && (
            <figure className="rp-figure" aria-busy={job.pending}>
              <SceneView scene={r.scene} segmentation={seg && !faster} proposals={drawn} detections={stage.detections} className={cls}
                label={fmt(t.sceneLabel, { o: r.scene.objects.length, drawn: drawn.length, n: nf(stage.boxes.length), d })} />
              <figcaption className="rp-legend">
                <span><i className="rp-key rp-key-proposal" aria-hidden="true" /> {t.legendProposal}</span>
                {[0, 1, 2].map((c) => <span key={c}><i className={`rp-key rp-key-det rp-class-${c}`} aria-hidden="true" /> {cls(c)}</span>)}
                <span className="rp-muted">{fmt(t.drawn, { drawn: drawn.length, n: nf(stage.boxes.length) })} · {fmt(t.candidates, { c: stage.candidates })}</span>
              </figcaption>
            </figure>
          )}
          {faster && r && <p className="rp-note">{fmt(t.segOff, { anchors: nf(r.rpn.anchors), m: nf(r.rpn.boxes.length) })}</p>}
        </div>
        <CostTable costs={costs} active={tab} t={t} nf={nf} />
        <Callout kind="note">{t.stand}</Callout>
      </Card>
    </div>
  );
}
