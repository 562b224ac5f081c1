// One run of the style-transfer job: its costs, the current G and a strip of intermediate G's
// kept at a few steps; `stale` says a run was thrown away because C, S or the start changed.
import { useState } from 'react';
import { useLongJob } from '../../ui/useLongJob';
import type { JobArgs } from '../../worker/protocol';

export interface Costs { step: number; total: number; content: number; style: number; msPerStep: number }
/** Steps at which G is kept for the strip of intermediate pictures. */
const KEEP_AT = [1, 5, 15, 40, 100, 200, 400];

export function useStyleRun() {
  const [costs, setCosts] = useState<Costs | null>(null);
  const [g, setG] = useState<Uint8ClampedArray | null>(null);
  const [history, setHistory] = useState<{ step: number; rgb: Uint8ClampedArray }[]>([]);
  const [stale, setStale] = useState(false);
  const job = useLongJob('style-transfer', {
    onProgress: (p, snapshot) => {
      if (p.step > 0) setCosts(p);
      if (snapshot) {
        const rgb = snapshot.image;
        setG(rgb);
        setHistory((hs) => {
          const due = KEEP_AT.find((k) => p.step >= k && !hs.some((x) => x.step >= k && x.step < (KEEP_AT[KEEP_AT.indexOf(k) + 1] ?? Infinity)));
          return due !== undefined && p.step > 0 ? [...hs, { step: p.step, rgb }] : hs;
        });
      }
    },
  });

  const reset = () => {
    job.cancel();
    setCosts(null);
    setG(null);
    setHistory([]);
    setStale(false);
  };
  const invalidate = () => {
    if (job.handle() || costs) {
      reset();
      setStale(true);
    }
  };
  const start = (args: JobArgs<'style-transfer'>) => {
    if (job.phase === 'paused') return job.resume();
    reset();
    job.start(args, { fps: 8 });
  };

  return { phase: job.phase, error: job.error, costs, g, history, stale, start, pause: job.pause, update: job.update, reset, invalidate };
}
