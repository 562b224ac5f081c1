// The link between an embedding widget and the worker's triplet-embedding job: start (or resume),
// pause, reset (cancel + forget), mining changes mid-run, and a worker restart reported to the
// page. Progress goes through React state (a few numbers, ~8 per second); snapshots (embedding
// arrays) go into a Live box that canvases subscribe to, not through React renders.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { computeClient, type JobHandle } from '../../worker/client';
import type { WorkerError } from '../../worker/protocol';
import type { TripletEmbeddingArgs, TripletEmbeddingProgress, TripletEmbeddingSnapshot } from '../../worker/jobs/tripletEmbedding';
import type { Mining } from '../../worker/jobs/embedding/mining';
import { live, type Live } from '../mnist-trainer/live';

export type EmbeddingPhase = 'idle' | 'running' | 'paused' | 'finished';

export interface EmbeddingJob {
  phase: EmbeddingPhase;
  progress: TripletEmbeddingProgress | null;
  snapshot: Live<TripletEmbeddingSnapshot | null>;
  error: WorkerError | null;
  start(): void;
  pause(): void;
  reset(): void;
  setMining(m: Mining): void;
}

const FPS = 8;

export function useEmbeddingJob(args: Omit<TripletEmbeddingArgs, 'dataUrl'>): EmbeddingJob {
  const [phase, setPhase] = useState<EmbeddingPhase>('idle');
  const [progress, setProgress] = useState<TripletEmbeddingProgress | null>(null);
  const [error, setError] = useState<WorkerError | null>(null);
  const snapshot = useMemo(() => live<TripletEmbeddingSnapshot | null>(null), []);
  const job = useRef<JobHandle<'triplet-embedding'> | null>(null);
  const argsRef = useRef(args);
  argsRef.current = args;

  const launch = useCallback(() => {
    const dataUrl = new URL('data/', document.baseURI).href;
    const h = computeClient().startJob('triplet-embedding', { ...argsRef.current, dataUrl }, { fps: FPS });
    job.current = h;
    setError(null);
    setPhase('running');
    h.subscribe((e) => {
      if (job.current !== h) return;
      if (e.type === 'progress' || e.type === 'done') {
        if (e.snapshot) snapshot.set(e.snapshot);
        setProgress(e.progress);
        if (e.type === 'done') {
          setPhase('finished');
          job.current = null;
        } else setPhase(e.phase);
      } else if (e.type === 'phase') setPhase(e.phase);
      else if (e.type === 'error') {
        job.current = null;
        setError(e.error);
        setPhase('idle');
      }
    });
  }, [snapshot]);

  const start = useCallback(() => {
    if (job.current) job.current.resume();
    else launch();
  }, [launch]);
  const pause = useCallback(() => job.current?.pause(), []);
  const reset = useCallback(() => {
    job.current?.cancel();
    job.current = null;
    snapshot.set(null);
    setProgress(null);
    setError(null);
    setPhase('idle');
  }, [snapshot]);
  const setMining = useCallback((m: Mining) => {
    argsRef.current = { ...argsRef.current, mining: m };
    job.current?.update({ mining: m });
  }, []);

  useEffect(() => () => job.current?.cancel(), []);
  return { phase, progress, snapshot, error, start, pause, reset, setMining };
}
