// The localizer trained live (params.show = 'train'): start / pause / reset the train-localizer
// job in the worker; the loss and the held-out box IoU as curves; six held-out scenes with the
// true box and the network's box. The scenes are pure functions of their seeds, so the page
// draws them itself and only the predictions come from the worker.
import { useCallback, useMemo, useState } from 'react';
import { format } from 'd3';
import { ErrorNote, Metric, useThemePalette } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { live } from '../../ui/live';
import { LineChart } from '../../ui/LineChart';
import { useLongJob } from '../../ui/useLongJob';
import type { LineChartSpec } from '../../viz/lineChart';
import type { WorkerError } from '../../worker/protocol';
import { iou } from '../../geometry/iou';
import { SceneBoxes, type DrawnBox } from '../shared/detection/SceneBoxes';
import { detectionClassName, detectionClassStrings } from '../shared/detection/strings';
import { LOC_SHOWN, type LocalizerProgress, type LocalizerSnapshot } from './job/train';
import { localizationTestScenes } from './job/localizer';
import { localizerStrings } from './trainStrings';

const percent = format('.0%');
const two = format('.2f');
const none = new Float32Array(0);

export function LocalizerLab() {
  const t = useStrings(localizerStrings);
  const tc = useStrings(detectionClassStrings);
  const palette = useThemePalette();
  const scenes = useMemo(() => localizationTestScenes(LOC_SHOWN), []);
  const [progress, setProgress] = useState<LocalizerProgress | null>(null);
  const [shown, setShown] = useState<Float32Array>(none);
  const curves = useMemo(() => live<LocalizerSnapshot | null>(null), []);
  const job = useLongJob('train-localizer', {
    onProgress: (p, s) => {
      setProgress(p);
      if (s) {
        curves.set(s);
        if (s.shown.length) setShown(s.shown);
      }
    },
  });
  const { phase, error } = job;
  const reset = () => {
    job.cancel();
    setProgress(null);
    setShown(none);
    curves.set(null);
  };
  const start = () => {
    if (phase === 'paused') return job.resume();
    reset();
    job.start({ seed: 1 }, { fps: 8 });
  };

  const toLoss = useCallback((s: LocalizerSnapshot | null): LineChartSpec => ({
    x: { min: 0, max: 100, label: t.steps },
    left: { min: 0, max: 2, cap: 6 },
    series: [{ xs: s?.steps ?? none, ys: s?.losses ?? none, colour: '--loc-loss', width: 2 }],
  }), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps
  const toIou = useCallback((s: LocalizerSnapshot | null): LineChartSpec => ({
    x: { min: 0, max: 100, label: t.steps },
    left: { min: 0, max: 1, nice: false },
    series: [{ xs: s?.testSteps ?? none, ys: s?.ious ?? none, colour: '--loc-iou', width: 2, dots: true }],
  }), [t.steps, palette]); // eslint-disable-line react-hooks/exhaustive-deps

  const errorText = (e: WorkerError) =>
    e.code === 'non-finite-loss' ? fmt(t.diverged, { loss: String(e.values?.loss ?? '∞'), step: String(e.values?.step ?? '?') })
    : e.code === 'worker-restarted' ? t.restarted
    : fmt(t.failed, { msg: e.message });
  const p = progress;
  const loss = p && Number.isFinite(p.loss) ? p.loss : null;
  const status = phase === 'done' && p ? fmt(t.done, { step: p.step }) : phase === 'idle' ? t.ready : '';

  return (
    <div className="loc-lab">
      <strong className="loc-lab-title">{t.title}</strong>
      <p className="loc-lab-intro">{t.intro}</p>
      <p className="loc-lab-net">{t.net}</p>
      <div className="loc-lab-buttons">
        {phase === 'running' ? (
          <button type="button" data-action="pause" onClick={job.pause}>{t.pause}</button>
        ) : (
          <button type="button" className="loc-lab-primary" data-action="start" onClick={start}>{phase === 'paused' ? t.resume : t.start}</button>
        )}
        <button type="button" data-action="reset" onClick={reset}>{t.reset}</button>
      </div>
      <div className="loc-lab-metrics">
        <Metric name="step" label={t.step} value={p?.step ?? 0} />
        <Metric name="train-loss" label={t.loss} value={loss}>{loss !== null ? loss.toFixed(3) : '—'}</Metric>
        <Metric name="box-iou" className="loc-lab-big" label={t.boxIou} value={p?.boxIou ?? null}>{p?.boxIou != null ? two(p.boxIou) : '—'}</Metric>
        <Metric name="class-accuracy" label={t.classAcc} value={p?.classAccuracy ?? null}>{p?.classAccuracy != null ? percent(p.classAccuracy) : '—'}</Metric>
        <Metric name="pc-accuracy" label={t.pcAcc} value={p?.pcAccuracy ?? null}>{p?.pcAccuracy != null ? percent(p.pcAccuracy) : '—'}</Metric>
      </div>
      {p && <p className="loc-lab-note">{fmt(t.iouNote, { objects: p.testObjects, scenes: p.testScenes })}</p>}
      <p className="loc-lab-status" role="status">{status}</p>
      {error && <ErrorNote alert>{errorText(error)}</ErrorNote>}
      <div className="loc-lab-charts">
        <figure>
          <LineChart live={curves} toSpec={toLoss} label={t.lossChart} heightEm={8} />
          <figcaption>{t.lossChart}</figcaption>
        </figure>
        <figure>
          <LineChart live={curves} toSpec={toIou} label={t.iouChart} heightEm={8} />
          <figcaption>{t.iouChart}</figcaption>
        </figure>
      </div>
      <p className="loc-lab-note">{t.shown}</p>
      <div className="loc-lab-scenes">
        {scenes.map((scene, k) => {
          const o = scene.objects[0];
          const boxes: DrawnBox[] = o ? [{ box: o.box, kind: 'truth', classId: -1 }] : [];
          let pred = t.noPred;
          if (shown.length >= (k + 1) * 7) {
            const [pc, x1, y1, x2, y2, cls, prob] = shown.subarray(k * 7, k * 7 + 7);
            const box = { x1, y1, x2, y2 };
            if (pc > 0.5) {
              const name = detectionClassName(tc, cls);
              pred = fmt(t.predBox, { cls: name, p: two(prob), pc: two(pc), iou: o ? two(iou(box, o.box)) : '—' });
              boxes.push({ box, kind: 'pred', classId: cls, label: name });
            } else pred = fmt(t.predNone, { pc: two(pc) });
          }
          const truth = o ? detectionClassName(tc, o.classId) : t.truthNone;
          return (
            <figure key={scene.seed} className="loc-lab-scene">
              <SceneBoxes image={scene.image} boxes={boxes} label={fmt(t.sceneLabel, { k: k + 1, truth, pred })} em={9} name={`test-${k}`} />
              <figcaption>{truth}<br />{pred}</figcaption>
            </figure>
          );
        })}
      </div>
    </div>
  );
}
