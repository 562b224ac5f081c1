// Counted vs measured: times two forms of the same computation in the worker (the
// conv-timing request) and shows each form's milliseconds, the measured ratio beside the
// counted one, and — when they differ — the widget's explanation of why.
import { useState } from 'react';
import { ErrorNote, Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { computeClient } from '../../worker/client';
import type { FormTiming, TimedLayer } from './job/convTiming';
import { compareTimings } from './view/timing';
import { measuredCostStrings } from './strings';
import './measured-cost.css';

export interface MeasuredCostProps {
  n: number;
  c: number;
  forms: [TimedLayer[], TimedLayer[]];
  names: [string, string];
  /** Why the measured saving can fall short of the counted one, for this comparison. */
  why: string;
}

const ratio = (v: number) => (v >= 10 ? v.toFixed(1) : v.toFixed(2));

export function MeasuredCost({ n, c, forms, names, why }: MeasuredCostProps) {
  const t = useStrings(measuredCostStrings);
  const key = JSON.stringify({ n, c, forms });
  const [result, setResult] = useState<{ key: string; timings: FormTiming[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const timings = await computeClient().request('conv-timing', { n, c, forms });
      setResult({ key, timings });
    } catch (e) {
      setError(fmt(t.failed, { msg: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const fresh = result && result.key === key ? result.timings : null;
  const cmp = fresh ? compareTimings(fresh[0], fresh[1]) : null;
  return (
    <section className="measured-cost" aria-label={t.title}>
      <strong>{t.title}</strong>
      <p>{t.intro}</p>
      <button type="button" data-action="time" onClick={run} disabled={busy}>{busy ? t.timing : t.time}</button>
      {result && !fresh && <p className="mc-note">{t.stale}</p>}
      {error && <ErrorNote alert>{error}</ErrorNote>}
      {fresh && cmp && (
        <>
          <ul className="mc-forms">
            {fresh.map((f, i) => (
              <li key={i}>
                <span className="mc-name">{names[i]}: </span>
                <Metric name={i === 0 ? 'measured-ms-a' : 'measured-ms-b'} value={f.ms}>
                  {fmt(t.ms, { ms: f.ms.toFixed(f.ms < 10 ? 2 : 1), rate: (i === 0 ? cmp.rateA : cmp.rateB).toFixed(1), runs: f.runs })}
                </Metric>
              </li>
            ))}
          </ul>
          <div className="mc-ratios">
            <Metric name="measured-ratio" label={t.measured} value={cmp.measuredRatio}>{`${ratio(cmp.measuredRatio)}×`}</Metric>
            <Metric name="counted-ratio" label={t.counted} value={cmp.countedRatio}>{`${ratio(cmp.countedRatio)}×`}</Metric>
          </div>
          <p data-agree={cmp.agree ? 'yes' : 'no'}>
            {cmp.agree
              ? t.agree
              : `${fmt(t.differ, { measured: ratio(cmp.measuredRatio), counted: ratio(cmp.countedRatio), a: names[0], b: names[1], rateA: cmp.rateA.toFixed(1), rateB: cmp.rateB.toFixed(1) })} ${cmp.agreement > 1 ? t.more : why}`}
          </p>
          <p className="mc-note">{t.noisy}</p>
        </>
      )}
    </section>
  );
}
