// The engine's speed in this browser: the benchmark job's conv2d timings, per shape and overall.
import { useState } from 'react';
import { Card, ErrorNote, Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { useLongJob } from '../../ui/useLongJob';
import type { JobProgress } from '../../worker/protocol';
import { describeJobError } from './jobMessage';
import { systemCheckStrings } from './strings';

const num = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

export function BenchmarkPanel() {
  const t = useStrings(systemCheckStrings);
  const [p, setProgress] = useState<JobProgress<'benchmark'> | null>(null);
  const job = useLongJob('benchmark', { onProgress: setProgress });
  const measure = () => {
    setProgress(null);
    job.start({}, { fps: 10 });
  };
  const running = job.phase === 'running';
  return (
    <Card title={t.benchTitle}>
      <p className="sc-intro">{t.benchIntro}</p>
      <div className="sc-buttons">
        <button type="button" className="sc-primary" data-action="benchmark" disabled={running} onClick={measure}>
          {t.measure}
        </button>
        {running && p && (
          <span className="sc-hint" role="status">
            <progress max={p.total} value={p.step} /> {fmt(t.measuring, { k: p.step, n: p.total })}
          </span>
        )}
      </div>
      <dl className="sc-metrics">
        <div>
          <dt>{t.gflops}</dt>
          <dd>
            <Metric name="gflops" value={p ? p.gflops : null}>
              {p && Number.isFinite(p.gflops) ? fmt(t.gflopsValue, { n: p.gflops.toFixed(2) }) : '—'}
            </Metric>
          </dd>
        </div>
        <div>
          <dt>{t.imagesPerSecond}</dt>
          <dd>
            <Metric name="images-per-second" value={p ? p.imagesPerSecond : null}>
              {p && Number.isFinite(p.imagesPerSecond) ? fmt(t.imagesValue, { n: Math.round(p.imagesPerSecond) }) : '—'}
            </Metric>
          </dd>
        </div>
      </dl>
      {p && p.results.length > 0 && (
        <table className="sc-table">
          <thead>
            <tr>
              <th scope="col">{t.colCase}</th>
              <th scope="col">{t.colMs}</th>
              <th scope="col">{t.colGflops}</th>
              <th scope="col">{t.colImages}</th>
            </tr>
          </thead>
          <tbody>
            {p.results.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{num(r.ms, 2)}</td>
                <td>{num(r.gflops, 2)}</td>
                <td>{num(r.imagesPerSecond, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {job.error && <ErrorNote alert>{describeJobError(job.error, t)}</ErrorNote>}
    </Card>
  );
}
