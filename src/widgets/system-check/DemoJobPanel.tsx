// The demo long job (demo-fit) with start / pause / resume / step / cancel / reset, a live
// learning-rate slider and pace. Step and loss are written straight into the DOM and the
// canvases from the job's progress; React only re-renders when the phase changes.
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { Card, ErrorNote, Row, Select, Slider } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { useLongJob, type LongJobPhase } from '../../ui/useLongJob';
import { drawFit, pushHistory, type LossHistory } from './draw';
import { LineChart } from '../../ui/LineChart';
import { live as liveBox } from '../../ui/live';
import type { LineChartSpec } from '../../viz/lineChart';
import { describeJobError } from './jobMessage';
import { systemCheckStrings } from './strings';

/** The job's phase, or 'cancelled' after Cancel (which, unlike Reset, keeps the last numbers). */
type Phase = LongJobPhase | 'cancelled';

// Both axes logarithmic: gradient descent's fast start and slow tail both stay visible.
const lossSpec = (h: LossHistory): LineChartSpec | null =>
  h.steps.length < 2 ? null : { x: { log: true, nice: false }, left: { log: true }, series: [{ xs: h.steps, ys: h.losses, colour: '--pos', width: 2 }] };
type Pace = 'max' | '60' | '10';

function setLive(el: HTMLElement | null, value: number, text: string) {
  if (!el) return;
  el.dataset.value = Number.isFinite(value) ? String(value) : '';
  el.textContent = Number.isFinite(value) ? text : '—';
}

/** A term and its live number, written by setLive (not React state); — until the first value. */
function LiveMetric({ term, name, out }: { term: string; name: string; out: RefObject<HTMLOutputElement | null> }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <output data-metric={name} data-value="" ref={out} aria-live="off">
          —
        </output>
      </dd>
    </div>
  );
}

export function DemoJobPanel() {
  const t = useStrings(systemCheckStrings);
  const tj = useStrings(jobStrings);
  const [cancelled, setCancelled] = useState(false);
  const [lr, setLr] = useState(0.2);
  const [pace, setPace] = useState<Pace>('max');
  const stepEl = useRef<HTMLOutputElement>(null);
  const lossEl = useRef<HTMLOutputElement>(null);
  const fitCanvas = useRef<HTMLCanvasElement>(null);
  const hist = useRef<LossHistory>({ steps: [], losses: [] });
  const lossLive = useMemo(() => liveBox<LossHistory>(hist.current), []);

  const paceValue = pace === 'max' ? null : Number(pace);

  const clear = useCallback(() => {
    hist.current = { steps: [], losses: [] };
    lossLive.set(hist.current);
    setLive(stepEl.current, NaN, '');
    setLive(lossEl.current, NaN, '');
    const c = fitCanvas.current;
    c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
  }, [lossLive]);

  // Leaving the page stops the job (useLongJob cancels it on unmount).
  const job = useLongJob('demo-fit', {
    onProgress({ step, loss }, snapshot) {
      setLive(stepEl.current, step, String(step));
      setLive(lossEl.current, loss, loss.toPrecision(4));
      pushHistory(hist.current, step, loss);
      lossLive.set(hist.current);
      if (snapshot && fitCanvas.current) drawFit(fitCanvas.current, step > 0 ? snapshot.coeffs : null, snapshot.xs, snapshot.ys);
    },
  });
  const phase: Phase = cancelled ? 'cancelled' : job.phase;
  const live = !cancelled && (job.phase === 'running' || job.phase === 'paused');
  const error = job.error;

  const start = () => {
    clear();
    setCancelled(false);
    job.start({ learningRate: lr }, { stepsPerSecond: paceValue ?? undefined, fps: 20 });
  };

  const reset = () => {
    job.cancel();
    clear();
    setCancelled(false);
  };

  const cancel = () => {
    job.cancel();
    setCancelled(true);
  };

  const changeLr = (v: number) => {
    setLr(v);
    if (live) job.update({ learningRate: v });
  };
  const changePace = (p: Pace) => {
    setPace(p);
    if (live) job.update({}, { stepsPerSecond: p === 'max' ? null : Number(p) });
  };

  return (
    <Card title={t.demoTitle}>
      <p className="sc-intro">{t.demoIntro}</p>
      <Row gap={1} align="center">
        <Slider label={t.learningRate} value={lr} min={0.01} max={1.5} step={0.01} onChange={changeLr} format={(v) => v.toFixed(2)} />
        <Select<Pace>
          label={t.pace}
          value={pace}
          onChange={changePace}
          options={[
            { value: 'max', label: t.paceMax },
            { value: '60', label: fmt(t.pacePerSecond, { n: 60 }) },
            { value: '10', label: fmt(t.pacePerSecond, { n: 10 }) },
          ]}
        />
      </Row>
      <p className="sc-hint">{t.lrHint}</p>
      <div className="sc-buttons" role="group" aria-label={t.demoTitle}>
        <button type="button" className="sc-primary" data-action="start" onClick={start}>
          {phase === 'idle' ? tj.start : t.restart}
        </button>
        <button type="button" data-action="pause" disabled={phase !== 'running'} onClick={job.pause}>
          {tj.pause}
        </button>
        <button type="button" data-action="resume" disabled={phase !== 'paused'} onClick={job.resume}>
          {tj.resume}
        </button>
        <button type="button" data-action="step" disabled={!live} onClick={() => job.step(1)}>
          {tj.stepOnce}
        </button>
        <button type="button" data-action="cancel" disabled={!live} onClick={cancel}>
          {tj.cancel}
        </button>
        <button type="button" data-action="reset" onClick={reset}>
          {tj.reset}
        </button>
      </div>
      <dl className="sc-metrics">
        <div>
          <dt>{t.phase}</dt>
          <dd>
            <output data-metric="job-phase" data-value={phase}>
              {t[`phase.${phase}`]}
            </output>
          </dd>
        </div>
        <LiveMetric term={tj.stepCount} name="step" out={stepEl} />
        <LiveMetric term={t.loss} name="loss" out={lossEl} />
      </dl>
      {error && (
        <ErrorNote alert>
          <span data-job-error={error.code ?? 'error'}>{describeJobError(error, t)}</span>
        </ErrorNote>
      )}
      <div className="sc-canvases">
        <figure>
          <canvas ref={fitCanvas} className="sc-canvas" role="img" aria-label={t.fitCanvas} />
          <figcaption>{t.fitCanvas}</figcaption>
        </figure>
        <figure>
          <LineChart live={lossLive} toSpec={lossSpec} label={t.lossCanvas} heightEm={11} widthEm={20} className="sc-canvas" />
          <figcaption>{t.lossCanvas}</figcaption>
        </figure>
      </div>
    </Card>
  );
}
