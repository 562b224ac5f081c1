// Is the compute worker up? A ping round trip, the restart count, the notice after a crash,
// and buttons to restart the worker or make it crash on purpose.
import { useEffect, useState } from 'react';
import { Card, Metric } from '../../ui';
import { fmt, useStrings } from '../../ui/i18n';
import { useStore } from '../../state/store';
import { computeClient } from '../../worker/client';
import { systemCheckStrings } from './strings';

type Ping = { kind: 'checking' } | { kind: 'ok'; ms: number; inWorker: boolean; backend: 'wasm' | 'js' } | { kind: 'failed'; msg: string };

export function WorkerPanel() {
  const t = useStrings(systemCheckStrings);
  const worker = useStore((s) => s.worker);
  const acknowledge = useStore((s) => s.acknowledgeRestart);
  const [ping, setPing] = useState<Ping>({ kind: 'checking' });

  // Ping on arrival and again after every restart: the proof that a new worker answers.
  useEffect(() => {
    let alive = true;
    setPing({ kind: 'checking' });
    const client = computeClient();
    // The first ping also waits for the worker to load; time the second, a plain round trip.
    client
      .request('ping', {})
      .then(() => {
        const t0 = performance.now();
        return client.request('ping', {}).then((r) => ({ ms: performance.now() - t0, inWorker: r.inWorker, backend: r.backend }));
      })
      .then(
        (r) => alive && setPing({ kind: 'ok', ...r }),
        (e: Error) => alive && setPing({ kind: 'failed', msg: e.message }),
      );
    return () => {
      alive = false;
    };
  }, [worker.restarts]);

  const stateText = { idle: t.workerIdle, ready: t.workerReady, restarted: t.workerRestarted, failed: t.workerFailed }[worker.state];

  return (
    <Card title={t.workerTitle}>
      {worker.state === 'restarted' && (
        <div className="sc-notice" role="alert" data-worker-notice="">
          <p>{t.restartedNotice}</p>
          <p className="sc-hint">{fmt(t.restartedReason, { reason: worker.reason })}</p>
          <button type="button" onClick={acknowledge}>
            {t.dismiss}
          </button>
        </div>
      )}
      {worker.state === 'failed' && (
        <div className="sc-notice" role="alert" data-worker-notice="failed">
          <p>{fmt(t.workerFailedNotice, { reason: worker.reason })}</p>
        </div>
      )}
      <dl className="sc-metrics">
        <div>
          <dt>{t.workerState}</dt>
          <dd>
            <Metric name="worker-state" value={worker.state}>
              {stateText}
            </Metric>
          </dd>
        </div>
        <div>
          <dt>{t.restarts}</dt>
          <dd>
            <Metric name="worker-restarts" value={worker.restarts} />
          </dd>
        </div>
        <div>
          <dt>{t.pingMs}</dt>
          <dd>
            {ping.kind === 'ok' ? (
              <Metric name="ping-ms" value={Math.round(ping.ms * 100) / 100}>
                {fmt(t.ms, { n: ping.ms.toFixed(2) })}
              </Metric>
            ) : ping.kind === 'checking' ? (
              <Metric name="ping-ms" value={null}>
                {t.checking}
              </Metric>
            ) : (
              <span className="ui-error" data-error="">
                {fmt(t.pingFailed, { msg: ping.msg })}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.offMainThread}</dt>
          <dd>
            <Metric name="in-worker" value={ping.kind === 'ok' ? String(ping.inWorker) : null}>
              {ping.kind === 'ok' ? (ping.inWorker ? t.yes : t.no) : '—'}
            </Metric>
          </dd>
        </div>
        <div>
          <dt>{t.backend}</dt>
          <dd>
            <Metric name="engine-backend" value={ping.kind === 'ok' ? ping.backend : null}>
              {ping.kind === 'ok' ? (ping.backend === 'wasm' ? t.backendWasm : t.backendJs) : '—'}
            </Metric>
          </dd>
        </div>
      </dl>
      <div className="sc-buttons">
        <button type="button" data-action="restart-worker" onClick={() => computeClient().restart('restarted from the system check')}>
          {t.restartWorker}
        </button>
        <button type="button" data-action="crash" onClick={() => computeClient().simulateCrash()}>
          {t.simulateCrash}
        </button>
      </div>
      <p className="sc-hint">{t.crashHint}</p>
    </Card>
  );
}
