// One-shot learning on digits (course §32–36), the "why many identities" experiment: train the encoder in the worker on digits 0–6 (triplet loss,
// 16-number encodings on the unit sphere), then verify pairs and recognise inputs of the classes
// 7, 8, 9 that it never saw, with a distance threshold τ; plus the §36 logistic form.
import { useEffect, useMemo, useState } from 'react';
import { fmt, useStrings } from '../../ui/i18n';
import { jobStrings } from '../../ui/strings';
import { Card, ErrorNote, Metric, Slider } from '../../ui';
import { bestTau, verificationPairs } from './view';
import type { OneShotSet } from '../shared/job/embedding/oneShot';
import { useEmbeddingJob } from '../shared/useEmbeddingJob';
import { Verification } from './Verification';
import { Recognition } from './Recognition';
import { oneShotStrings } from './strings';

/** Measured in Node on the real digits: ~63–66 % verification accuracy on 7/8/9 after 150–200 steps. */
const STEPS = 200;
const JOB = { mining: 'semi-hard', dim: 16, classes: [0, 1, 2, 3, 4, 5, 6], maxSteps: STEPS, oneShot: true, testCount: 100, learningRate: 0.002 } as const;

export function DigitOneShot() {
  const t = useStrings(oneShotStrings);
  const tj = useStrings(jobStrings);
  // one slot for every one-shot block: the encoder trained in lesson 35 serves 36 and 39 too
  const job = useEmbeddingJob('one-shot', { ...JOB, classes: [...JOB.classes] });
  const [set, setSet] = useState<OneShotSet | null>(null);
  const [mode, setMode] = useState<'verification' | 'recognition'>('verification');
  const [tau, setTau] = useState<number | null>(null);
  useEffect(() => {
    setSet(job.snapshot.get()?.oneShot ?? null);
    return job.snapshot.subscribe((s) => setSet(s?.oneShot ?? null));
  }, [job.snapshot]);
  const pairs = useMemo(() => (set ? verificationPairs(set) : null), [set]);
  const best = useMemo(() => (pairs ? bestTau(pairs) : 0), [pairs]);
  useEffect(() => {
    if (pairs) setTau(Math.round(best * 100) / 100);
  }, [pairs, best]);
  const p = job.progress;
  const busy = job.phase === 'running' || job.phase === 'paused';
  const status = !p ? t.untrained : p.status === 'loading' ? t.loading : p.status === 'evaluating' ? t.evaluating : p.status === 'finished' ? fmt(t.trained, { steps: p.step }) : fmt(t.progress, { step: p.step, max: STEPS });
  const restart = () => {
    job.reset();
    setSet(null);
    job.start();
  };
  return (
    <>
      <Card title={t.title}>
        <p className="os-intro">{t.intro}</p>
        <div className="os-train">
          <button type="button" data-action="start" className="os-primary" disabled={busy} onClick={set ? restart : job.start}>{set ? t.retrain : t.train}</button>
          <button type="button" data-action="reset" disabled={!busy && !set} onClick={() => (job.reset(), setSet(null))}>{tj.reset}</button>
          <progress max={STEPS} value={p?.step ?? 0} aria-label={status} />
          <span className="os-status" role="status">{status}</span>
        </div>
        {job.error && <ErrorNote alert>{fmt(t.error, { message: job.error.message })}</ErrorNote>}
        {set && pairs && tau !== null && (
          <>
            <div className="os-controls">
              <div className="os-modes" role="radiogroup" aria-label={t.mode}>
                {(['verification', 'recognition'] as const).map((m) => (
                  <button type="button" role="radio" aria-checked={mode === m} key={m} data-mode={m} className={mode === m ? 'os-on' : ''} onClick={() => setMode(m)}>
                    {t[m]}
                  </button>
                ))}
              </div>
              <Slider label={t.tau} value={tau} min={0} max={4} step={0.01} onChange={setTau} format={(v) => v.toFixed(2)} />
              <Metric name="tau" value={tau} label="τ">{tau.toFixed(2)}</Metric>
            </div>
            {mode === 'verification' ? <Verification set={set} pairs={pairs} tau={tau} best={best} /> : <Recognition set={set} tau={tau} />}
          </>
        )}
      </Card>
    </>
  );
}
