// The link between an embedding widget and the worker's triplet-embedding job: start (or resume),
// pause, reset (cancel + forget), mining changes mid-run, and errors (a worker restart included)
// reported to the page. Progress goes through React state (a few numbers, ~8 per second);
// snapshots (embedding arrays) go into a Live box that canvases subscribe to.
//
// The job lives in a module-level slot keyed by the widget instance (`key`), not in the
// component: entering presenter mode or visiting the next lesson remounts the widget, and the
// training (or the trained one-shot encoder, shared by lessons 35, 36 and 39) is still there.
// A slot that no mounted widget shows for a second is paused, so hidden training stops.
// (So the job is not useLongJob's, which ends with its component; its events are followed
// with the same followJob.)
import { useCallback, useEffect, useState } from 'react';
import { computeClient, type JobHandle } from '../../worker/client';
import type { WorkerError } from '../../worker/protocol';
import type { TripletEmbeddingArgs, TripletEmbeddingProgress, TripletEmbeddingSnapshot } from './job/embedding/tripletEmbedding';
import type { Mining } from './job/embedding/mining';
import { live, type Live } from '../../ui/live';
import { followJob } from '../../ui/useLongJob';

export type EmbeddingPhase = 'idle' | 'running' | 'paused' | 'finished';

export interface EmbeddingJob {
  phase: EmbeddingPhase;
  progress: TripletEmbeddingProgress | null;
  snapshot: Live<TripletEmbeddingSnapshot | null>;
  error: WorkerError | null;
  /** The mining the job uses (kept across remounts). */
  mining: Mining;
  start(): void;
  pause(): void;
  reset(): void;
  setMining(m: Mining): void;
}

type Args = Omit<TripletEmbeddingArgs, 'dataUrl'>;

interface Slot {
  args: Args;
  handle: JobHandle<'triplet-embedding'> | null;
  phase: EmbeddingPhase;
  progress: TripletEmbeddingProgress | null;
  error: WorkerError | null;
  snapshot: Live<TripletEmbeddingSnapshot | null>;
  /** Bumped on every change; components re-render on it. */
  version: Live<number>;
  mounted: number;
}

const FPS = 8;
const slots = new Map<string, Slot>();

function slotFor(key: string, args: Args): Slot {
  let s = slots.get(key);
  if (!s) {
    s = { args, handle: null, phase: 'idle', progress: null, error: null, snapshot: live(null), version: live(0), mounted: 0 };
    slots.set(key, s);
  }
  return s;
}

const changed = (s: Slot) => s.version.set(s.version.get() + 1);

function launch(s: Slot): void {
  const dataUrl = new URL('data/', document.baseURI).href;
  const h = computeClient().startJob('triplet-embedding', { ...s.args, dataUrl }, { fps: FPS });
  s.handle = h;
  s.error = null;
  s.phase = 'running';
  changed(s);
  followJob(h, () => s.handle === h, {
    progress(p, snapshot) {
      if (snapshot) s.snapshot.set(snapshot);
      s.progress = p;
    },
    phase(phase) {
      if (phase === 'done' || phase === 'error') s.handle = null;
      s.phase = phase === 'done' ? 'finished' : phase === 'error' ? 'idle' : phase;
      changed(s);
    },
    error(e) {
      s.error = e;
    },
  });
}

export function useEmbeddingJob(key: string, args: Args): EmbeddingJob {
  const slot = slotFor(key, args);
  const [, rerender] = useState(0);
  useEffect(() => {
    slot.mounted++;
    const off = slot.version.subscribe((v) => rerender(v));
    return () => {
      off();
      slot.mounted--;
      setTimeout(() => {
        if (slot.mounted === 0 && slot.phase === 'running') slot.handle?.pause();
      }, 1000);
    };
  }, [slot]);

  const start = useCallback(() => {
    if (slot.handle) slot.handle.resume();
    else launch(slot);
  }, [slot]);
  const pause = useCallback(() => slot.handle?.pause(), [slot]);
  const reset = useCallback(() => {
    slot.handle?.cancel();
    slot.handle = null;
    slot.snapshot.set(null);
    slot.progress = null;
    slot.error = null;
    slot.phase = 'idle';
    changed(slot);
  }, [slot]);
  const setMining = useCallback(
    (m: Mining) => {
      slot.args = { ...slot.args, mining: m };
      slot.handle?.update({ mining: m });
      changed(slot);
    },
    [slot],
  );
  return { phase: slot.phase, progress: slot.progress, snapshot: slot.snapshot, error: slot.error, mining: slot.args.mining, start, pause, reset, setMining };
}
