// Region proposals for real (trained: true): the train-region-proposals job trains the window
// classifier, then on a held-out scene classifies selective-search proposals R-CNN style and in
// one pass. The page shows the segmentation (recomputed here: pure and cheap on 28×28), the
// proposals and detections, the counts and the measured times.
import { useMemo, useState } from 'react';
import { ErrorNote, Metric, Select } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { useLongJob } from '../../ui/useLongJob';
import type { WorkerError } from '../../worker/protocol';
import { graphSegmentation } from '../../data/graphSegmentation';
import { SceneBoxes, type DrawnBox } from '../shared/detection/SceneBoxes';
import { detectionClassName, detectionClassStrings } from '../shared/detection/strings';
import { RgbCanvas } from '../shared/RgbCanvas';
import { windowTestScene } from '../shared/job/windowTraining';
import { RP_SCENES, RP_SEGMENT_K, RP_TRAIN_STEPS, type RpTrainProgress } from './job/train';
import { rpLabStrings } from './trainStrings';

/** Segment colours: a fixed pseudo-random colour per segment id. */
function segmentPicture(labels: Int32Array): Float32Array {
  const out = new Float32Array(labels.length * 3);
  labels.forEach((l, i) => {
    const h = (l * 0.618034) % 1;
    out.set([0.35 + 0.6 * Math.abs(Math.sin(6.283 * h)), 0.35 + 0.6 * Math.abs(Math.sin(6.283 * (h + 0.33))), 0.35 + 0.6 * Math.abs(Math.sin(6.283 * (h + 0.66)))], 3 * i);
  });
  return out;
}

export function ProposalsLab() {
  const t = useStrings(rpLabStrings);
  const tc = useStrings(detectionClassStrings);
  const [scene, setScene] = useState(0);
  const [p, setP] = useState<RpTrainProgress | null>(null);
  const job = useLongJob('train-region-proposals', {
    onProgress: (q) => {
      setP(q);
      // trained and classified: pause, keeping the trained network in the worker for other scenes
      if (q.result && q.step >= q.trainSteps) job.handle()?.pause();
    },
  });
  const { phase, error } = job;
  const reset = () => {
    job.cancel();
    setP(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ seed: 1, scene }, { fps: 8 });
  };
  const pick = (v: string) => {
    const k = Number(v);
    setScene(k);
    job.update({ scene: k });
    if (job.phase === 'paused') job.step(1);
  };
  const r = p?.result ?? null;
  const k = r ? r.scene : scene;
  const img = useMemo(() => windowTestScene(k), [k]);
  const seg = useMemo(() => graphSegmentation(img.image, { k: RP_SEGMENT_K }), [img]);
  const segRgb = useMemo(() => segmentPicture(seg.labels), [seg]);
  const boxes: DrawnBox[] = [
    ...(r?.proposals ?? []).map((box) => ({ box, kind: 'faint' as const, classId: -1 })),
    ...img.objects.map((o) => ({ box: o.box, kind: 'truth' as const, classId: -1 })),
    ...(r?.detections ?? []).map((d) => ({ box: d.box, kind: 'pred' as const, classId: d.classId, label: `${detectionClassName(tc, d.classId)} ${d.score.toFixed(2)}` })),
  ];
  const errorText = (e: WorkerError) => (e.code === 'worker-restarted' ? t.restarted : fmt(t.failed, { msg: e.message }));
  const training = p && p.step < p.trainSteps;

  return (
    <div className="rp-lab">
      <strong>{t.title}</strong>
      <p className="rp-lab-note">{t.intro}</p>
      <div className="rp-lab-controls">
        <Select label={t.scene} value={String(scene)} options={Array.from({ length: RP_SCENES }, (_, i) => ({ value: String(i), label: fmt(t.sceneN, { k: i + 1 }) }))} onChange={pick} />
        {phase === 'running' ? (
          <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
        ) : (
          <button type="button" className="rp-lab-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
        )}
        <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
      </div>
      {phase === 'idle' && !p && <p className="rp-lab-note" role="status">{fmt(t.ready, { steps: RP_TRAIN_STEPS })}</p>}
      {training && <p className="rp-lab-note" role="status"><Metric name="step" value={p.step}>{fmt(t.training, { step: p.step, of: p.trainSteps, loss: Number.isFinite(p.loss) ? p.loss.toFixed(3) : '—' })}</Metric></p>}
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <div className="rp-lab-metrics">
        <Metric name="segments" label={t.segments} value={r?.segments ?? null} />
        <Metric name="proposals" label={t.proposals} value={r?.all.length ?? null} />
        <Metric name="classified" label={t.classified} value={r?.proposals.length ?? null} />
        <Metric name="detections" label={t.detections} value={r?.detections.length ?? null} />
        <Metric name="max-diff" label={t.maxDiff} value={r?.maxDiff ?? null}>{r ? r.maxDiff.toExponential(1) : '—'}</Metric>
      </div>
      {r && (
        <>
          <table className="rp-lab-cost">
            <thead><tr><th scope="col">{t.colWay}</th><th scope="col">{t.colConv}</th><th scope="col">{t.colHead}</th><th scope="col">{t.colTime}</th></tr></thead>
            <tbody>
              <tr>
                <th scope="row">{t.rcnn}</th>
                <td><Metric name="rcnn-passes" value={r.proposals.length} /></td>
                <td>{r.proposals.length}</td>
                <td><Metric name="ms-rcnn" value={Number(r.msRcnn.toFixed(3))}>{fmt(t.ms, { v: r.msRcnn.toFixed(1) })}</Metric></td>
              </tr>
              <tr>
                <th scope="row">{t.onePass}</th>
                <td><Metric name="one-pass-passes" value={1} /></td>
                <td>{r.proposals.length}</td>
                <td><Metric name="ms-one-pass" value={Number(r.msOnePass.toFixed(3))}>{fmt(t.ms, { v: r.msOnePass.toFixed(1) })}</Metric></td>
              </tr>
            </tbody>
          </table>
          <p className="rp-lab-note">{fmt(t.ssTime, { v: r.msProposals.toFixed(1) })} {fmt(t.timing, { step: r.step, k: r.scene + 1, n: r.proposals.length * 4, d: r.maxDiff.toExponential(1) })}</p>
        </>
      )}
      <div className="rp-lab-pics">
        <figure>
          <SceneBoxes image={img.image} boxes={boxes} label={fmt(t.picture, { k: k + 1, p: r?.proposals.length ?? 0, d: r?.detections.length ?? 0 })} em={15} name="rp-scene" />
          <figcaption className="rp-lab-note">{fmt(t.picture, { k: k + 1, p: r?.proposals.length ?? 0, d: r?.detections.length ?? 0 })}</figcaption>
        </figure>
        <figure>
          <RgbCanvas rgb={segRgb} width={img.image.width} label={fmt(t.segPicture, { k: k + 1, s: seg.count })} em={10} pixelated name="rp-segments" />
          <figcaption className="rp-lab-note">{fmt(t.segPicture, { k: k + 1, s: seg.count })}</figcaption>
        </figure>
      </div>
    </div>
  );
}
