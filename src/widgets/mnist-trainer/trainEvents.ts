// What the lab does with each event of its training job: hand snapshots to the canvases (a
// Live box), test due weights on the evaluator worker, throttle the live numbers, autosave,
// and after an error keep a paused job on the session (it holds the last good weights) or,
// after a worker crash, relaunch from the autosave.
import type { Dispatch, SetStateAction } from 'react';
import type { JobEvent, JobHandle } from '../../worker/client';
import type { Live } from '../../ui/live';
import type { WorkerError } from '../../worker/protocol';
import type { Preset } from '../../data/mnistPresets';
import type { TrainMnistProgress, TrainMnistSnapshot } from './job/train';
import { runTestPass } from './evaluator';

export type TrainerPhase = 'starting' | 'running' | 'paused' | 'stopped';

export type TrainerNote =
  | { kind: 'diverged' | 'bad-file' | 'autosave-bad' | 'restarted' | 'no-data' | 'failed'; error: WorkerError }
  | { kind: 'restored' | 'loaded'; step: number; name?: string };

/** The live numbers (React state) update at most this often while training. */
const PROGRESS_MS = 200;

export interface TrainEventContext {
  /** This job is still the trainer's and the widget is mounted. */
  isCurrent(): boolean;
  /** This job is still the trainer's. */
  isAttached(): boolean;
  detach(): void;
  snapshot: Live<TrainMnistSnapshot | null>;
  last: { progress: TrainMnistProgress | null; preset: Preset; seed: number };
  flushProgress(): void;
  flushTimer: { current: ReturnType<typeof setTimeout> | 0 };
  synced(): void;
  setNote: Dispatch<SetStateAction<TrainerNote | null>>;
  setPhase(p: TrainerPhase): void;
  autosave(force?: boolean): Promise<void>;
  onBadFile?: (e: WorkerError) => void;
  /** A note for the first progress of this job (a restored or loaded model), if any. */
  announce?: (p: TrainMnistProgress) => TrainerNote | null;
  restart(): void;
  keepPaused(): void;
}

export function trainEvents(h: JobHandle<'train-mnist'>, c: TrainEventContext): (e: JobEvent<'train-mnist'>) => void {
  let first = true;
  let announce = c.announce;
  return (e) => {
    if (!c.isCurrent()) return;
    if (e.type === 'progress' || e.type === 'done') {
      const due = e.snapshot?.evalModel;
      if (due) {
        // Test these weights on the other core; the result goes back into the session.
        void runTestPass(due.file).then((r) => {
          if (!c.isAttached()) return;
          if (r) h.update({ testResult: { ...r, images: due.images } });
          else h.update({ externalEval: false });
        });
      }
      if (e.snapshot) c.snapshot.set(e.snapshot);
      c.last.progress = e.progress;
      c.last.preset = e.progress.preset;
      c.last.seed = e.progress.seed;
      // React re-renders the numbers at most ~5 times a second while training (the
      // canvases repaint from the snapshot box on their own); at once otherwise.
      if (e.type === 'done' || e.phase !== 'running' || first) c.flushProgress();
      else if (!c.flushTimer.current) c.flushTimer.current = setTimeout(c.flushProgress, PROGRESS_MS);
      if (first) {
        first = false;
        c.synced();
      }
      if (announce) {
        const n = announce(e.progress);
        announce = undefined;
        if (n) c.setNote(n);
      }
      if (e.type === 'progress') {
        c.setPhase(e.phase);
        void c.autosave(e.phase === 'paused');
      }
    } else if (e.type === 'phase') c.setPhase(e.phase);
    else if (e.type === 'error') {
      c.detach();
      const code = e.error.code;
      if (code === 'bad-file' && c.onBadFile) return c.onBadFile(e.error);
      if (code === 'worker-restarted') {
        c.setNote({ kind: 'restarted', error: e.error });
        return c.restart();
      }
      c.setNote({ kind: code === 'diverged' ? 'diverged' : code === 'no-data' ? 'no-data' : 'failed', error: e.error });
      if (code === 'no-data') return c.setPhase('stopped');
      c.keepPaused();
    }
  };
}
