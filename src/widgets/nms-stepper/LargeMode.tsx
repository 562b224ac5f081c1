// Large mode: NMS on 10,000 random boxes in the worker (job 'nms-large'). The time is
// measured inside the worker around NMS itself; meanwhile the page counts the animation
// frames it drew, which shows that the main thread stayed free.
import { useEffect, useRef, useState } from 'react';
import { computeClient } from '../../worker/client';
import type { NmsLargeResult } from './job';
import { fmt, useStrings } from '../../ui/i18n';
import { ErrorNote, Metric } from '../../ui';
import { formatCount } from '../../viz/format';
import { nmsStrings } from './strings';

const N = 10_000;

export function LargeMode({ iouThreshold, scoreThreshold }: { iouThreshold: number; scoreThreshold: number }) {
  const t = useStrings(nmsStrings);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<NmsLargeResult | null>(null);
  const [frames, setFrames] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const raf = useRef<number | null>(null);
  const alive = useRef(true);
  const runs = useRef(0); // each run draws a new seeded set of boxes: 1, 2, 3, …
  // Set on every mount: StrictMode (and a remount) runs cleanup then setup again on one ref.
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      if (raf.current !== null) cancelAnimationFrame(raf.current);
    };
  }, []);

  const run = async () => {
    setRunning(true);
    setError(null);
    let count = 0;
    const tick = () => {
      count++;
      raf.current = requestAnimationFrame(tick);
    };
    raf.current = requestAnimationFrame(tick);
    try {
      const seed = ++runs.current;
      const r = await computeClient().request('nms-large', { n: N, seed, iouThreshold, scoreThreshold });
      if (alive.current) setResult(r);
    } catch (e) {
      if (alive.current) setError(fmt(t.largeError, { msg: e instanceof Error ? e.message : String(e) }));
    } finally {
      if (raf.current !== null) cancelAnimationFrame(raf.current);
      raf.current = null;
      if (alive.current) {
        setFrames(count);
        setRunning(false);
      }
    }
  };

  return (
    <section className="nms-large" aria-label={t.large}>
      <h4>{t.large}</h4>
      <p className="nms-hint">{fmt(t.largeIntro, { n: formatCount(N) })}</p>
      <div className="nms-large-row">
        <button type="button" className="nms-button nms-primary" data-action="start" data-job="nms-large" onClick={run} disabled={running}>
          {fmt(t.runLarge, { n: formatCount(N) })}
        </button>
        {running && <span className="nms-running" role="status"><span className="nms-spinner" aria-hidden="true" /> {t.running}</span>}
      </div>
      {result && (
        <div className="nms-large-metrics">
          <Metric name="nms-ms" value={result.ms} label={t.nmsMs}>{`${result.ms.toFixed(1)} ms`}</Metric>
          <Metric name="nms-large-kept" value={result.kept} label={t.largeKept}>{formatCount(result.kept)}</Metric>
          <Metric name="nms-large-candidates" value={result.candidates} label={t.largeCandidates}>{formatCount(result.candidates)}</Metric>
        </div>
      )}
      {result && frames !== null && <p className="nms-hint">{fmt(t.frames, { f: frames })}</p>}
      {error && <ErrorNote alert>{error}</ErrorNote>}
    </section>
  );
}
