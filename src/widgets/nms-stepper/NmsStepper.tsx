// Non-max suppression (course §28), stepped: a seeded scene of candidate boxes (from the
// worker's 'nms-scene'), the event list of geometry's nmsTrace (per class: low-score drops,
// then keep the best / discard what overlaps it with IoU ≥ t), StepControls over it, the
// kept and discarded lists with the reason for each, and a large mode in the worker.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WidgetProps } from '../types';
import { nmsTrace } from '../../geometry/nms';
import { fmt, useStrings } from '../../ui/i18n';
import { Card, Metric, Slider, StepControls, useAnimationStep } from '../../ui';
import { boxNumber, buildNmsScene, formatScore, nmsStateAt, reasonValues } from './view';
import { SceneView } from './SceneView';
import { LargeMode } from './LargeMode';
import { nmsStrings } from './strings';
import type { NmsStepperParams } from './params';
import './style.css';

export default function NmsStepper({ params }: WidgetProps<NmsStepperParams>) {
  const t = useStrings(nmsStrings);
  const root = useRef<HTMLDivElement>(null);
  const [seed, setSeed] = useState(2); // scene 2: the lesson's thresholds keep one box per object
  const [iouT, setIouT] = useState(params.iouThreshold);
  const [scoreT, setScoreT] = useState(params.scoreThreshold);
  const [hover, setHover] = useState<number | null>(null);
  const sc = useMemo(() => buildNmsScene({ seed }), [seed]);
  const opts = { iouThreshold: iouT, scoreThreshold: scoreT };
  const events = useMemo(
    () => (sc ? nmsTrace(sc.candidates.map((c) => c.box), sc.candidates.map((c) => c.score), sc.candidates.map((c) => c.classId), opts) : []),
    [sc, iouT, scoreT], // eslint-disable-line react-hooks/exhaustive-deps -- opts is a new object each render; its two thresholds are listed
  );
  const anim = useAnimationStep({ total: events.length, intervalMs: 900 });
  // A new scene or a new threshold is a new run of the algorithm: start it from the top.
  const { reset } = anim;
  useEffect(() => reset(), [events, reset]);

  const n = sc?.candidates.length ?? 0;
  const st = nmsStateAt(events, n, anim.k);
  const cls = (id: number) => t[`class.${id}` as 'class.0'] ?? String(id);
  const tag = (id: number) => t[`tag.${id}` as 'tag.0'] ?? String(id);
  const cur = st.current;
  let narrative = t.start;
  if (sc && cur) {
    const c = sc.candidates[cur.index];
    if (cur.kind === 'keep') narrative = fmt(t.evKeep, { box: boxNumber(cur.index), cls: cls(c.classId), score: formatScore(c.score) });
    else narrative = fmt(cur.kind === 'low-score' ? t.evLow : t.evSuppress, { ...reasonValues(cur, opts), cls: cls(c.classId) });
  }
  const done = sc && anim.atEnd && events.length > 0;
  const objects = sc?.objects.length ?? 0;

  return (
    <div className="w-nms-stepper" ref={root}>
      <Card title={t.title}>
        <div className="nms-controls">
          <Slider param="iouThreshold" label={t.iouThreshold} value={iouT} min={0} max={1} step={0.05} onChange={setIouT} format={formatScore} />
          <Slider param="scoreThreshold" label={t.scoreThreshold} value={scoreT} min={0} max={1} step={0.05} onChange={setScoreT} format={formatScore} />
          <button type="button" className="nms-button" data-action="new-scene" onClick={() => setSeed((s) => s + 1)}>{t.newScene}</button>
          <Metric name="scene-seed" value={seed}>{fmt(t.scene, { seed })}</Metric>
        </div>
        {sc && (
          <>
            <div className="nms-main">
              <figure className="nms-figure">
                <SceneView width={sc.width} height={sc.height} candidates={sc.candidates} states={st.states} current={cur} hover={hover}
                  iouThreshold={iouT} tag={tag}
                  label={fmt(t.sceneLabel, { n, c: new Set(sc.candidates.map((c) => c.classId)).size, o: objects })} />
                <figcaption className="nms-legend">
                  {[0, 1, 2].map((id) => (
                    <span key={id}><i className={`nms-key nms-key-class nms-class-${id}`} aria-hidden="true" /> {tag(id)} = {cls(id)}</span>
                  ))}
                  <span><i className="nms-key nms-key-kept" aria-hidden="true" /> {t.legendKept}</span>
                  <span><i className="nms-key nms-key-pending" aria-hidden="true" /> {t.legendPending}</span>
                  <span><i className="nms-key nms-key-suppressed" aria-hidden="true" /> {t.legendSuppressed}</span>
                  <span><i className="nms-key nms-key-low" aria-hidden="true" /> {t.legendLow}</span>
                </figcaption>
              </figure>
              <div className="nms-side">
                <StepControls anim={anim} keyScope={root} />
                <div className="nms-metrics">
                  <Metric name="kept" value={st.kept.length} label={t.kept} />
                  <Metric name="remaining" value={st.remaining} label={t.remaining} />
                </div>
                <p className="nms-narrative" aria-live="polite">{narrative}</p>
                {done && (
                  <p className="nms-done">
                    <strong>{fmt(t.done, { kept: st.kept.length, objects })}</strong>{' '}
                    {st.kept.length > objects ? t.doneExtra : st.kept.length < objects ? t.doneFewer : t.doneMatch}
                  </p>
                )}
                <h4>{t.keptList}</h4>
                <ol className="nms-list nms-kept-list" data-list="kept" tabIndex={0} aria-label={t.keptList}>
                  {st.kept.length === 0 && <li className="nms-none">{t.none}</li>}
                  {st.kept.map((i) => (
                    <li key={i} data-box={i} onMouseEnter={() => setHover(i)} onMouseLeave={() => setHover(null)}>
                      <i className={`nms-key nms-key-class nms-class-${sc.candidates[i].classId}`} aria-hidden="true" />{' '}
                      {fmt(t.keptItem, { box: boxNumber(i), cls: cls(sc.candidates[i].classId), score: formatScore(sc.candidates[i].score) })}
                    </li>
                  ))}
                </ol>
                <h4>{t.discardedList}</h4>
                <ol className="nms-list nms-discarded-list" data-list="discarded" tabIndex={0} aria-label={t.discardedList}>
                  {st.discarded.length === 0 && <li className="nms-none">{t.none}</li>}
                  {st.discarded.map((e) => (
                    <li key={e.index} data-box={e.index} data-reason={e.kind} onMouseEnter={() => setHover(e.index)} onMouseLeave={() => setHover(null)}>
                      <i className={`nms-key nms-key-class nms-class-${sc.candidates[e.index].classId}`} aria-hidden="true" />{' '}
                      {fmt(t.discardedItem, { box: boxNumber(e.index), cls: cls(sc.candidates[e.index].classId) })}
                      {' — '}
                      <span className="nms-reason">{fmt(e.kind === 'low-score' ? t.lowScore : t.suppressed, reasonValues(e, opts))}</span>
                    </li>
                  ))}
                </ol>
              </div>
            </div>
          </>
        )}
        <LargeMode iouThreshold={iouT} scoreThreshold={scoreT} />
      </Card>
    </div>
  );
}
