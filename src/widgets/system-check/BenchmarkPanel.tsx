// The engine's speed in this browser: the benchmark job's conv2d timings, per shape and overall.
import { useEffect, useRef, useState } from 'react';
import { Card, ErrorNote, Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { computeClient, type JobHandle } from '../../worker/client';
import type { JobProgress, WorkerError } from '../../worker/protocol';
import { describeJobError } from './jobMessage';
import { systemCheckStrings } from './strings';

type Bench = { phase: JobHandle<'benchmark'>['last']['phase'] | 'idle'; progress?: JobProgress<'benchmark'>; error?: WorkerError };

const num = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

export function BenchmarkPanel() {
  const t = useStrings(systemCheckStrings);
  const [bench, setBench] = useState<Bench>({ phase: 'idle' });
  const handle = useRef<JobHandle<'benchmark'> | null>(null);
  useEffect(() => () => handle.current?.cancel(), []);

  const measure = () => {
    handle.current?.cancel();
    const h = computeClient().startJob('benchmark', {}, { fps: 10 });
    handle.current = h;
    setBench({ phase: 'running' });
    h.subscribe(() => {
      if (handle.current === h) setBench({ phase: h.last.phase, progress: h.last.progress, error: h.last.error });
    });
  };

  const p = bench.progress;
  const running = bench.phase === 'running';
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
      {bench.error && <ErrorNote alert>{describeJobError(bench.error, t)}</ErrorNote>}
    </Card>
  );
}
