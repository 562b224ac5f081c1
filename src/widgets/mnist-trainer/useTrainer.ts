// The trainer's link to the worker. One session per trainer slot (the widget's preset param)
// lives in the worker; this hook keeps one long job attached to it (paused or running),
// relaunches it after a stop (a diverged loss, a bad file, a worker restart), autosaves the
// model file, and hands snapshots to canvases through a Live box (not React state).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { computeClient, type JobHandle } from '../../worker/client';
import { prepareEvaluator } from './evaluator';
import type { WorkerError } from '../../worker/protocol';
import type { TrainMnistArgs, TrainMnistProgress, TrainMnistSnapshot } from './job/train';
import type { Preset, TrainSettings } from '../../data/mnistPresets';
import { live, type Live } from '../../ui/live';
import { loadSaved } from '../shared/savedModels';
import { useAutosave } from './useAutosave';
import { trainerRequests } from './trainerRequests';
import { trainEvents, type TrainerNote, type TrainerPhase } from './trainEvents';

/** Snapshots per second: plenty for curves and maps, little work for either thread. */
const FPS = 5;

export interface Trainer {
  phase: TrainerPhase;
  progress: TrainMnistProgress | null;
  note: TrainerNote | null;
  snapshot: Live<TrainMnistSnapshot | null>;
  savedAt: number | null;
  synced: number;
  start(): void;
  pause(): void;
  step(): void;
  reset(preset: Preset, seed: number, settings: TrainSettings): void;
  update(patch: Partial<TrainSettings> & { viewDigit?: number }): void;
  predict(ink: Uint8Array, side: number): Promise<{ pixels: Float32Array | null; probs: Float32Array | null } | null>;
  download(): Promise<ArrayBuffer | null>;
  loadFile(file: ArrayBuffer, name: string): void;
  dismissNote(): void;
}

export function useTrainer(slot: Preset, settingsRef: { current: TrainSettings }): Trainer {
  const session = useMemo(() => `mnist-trainer:${slot}`, [slot]);
  const storageKey = `mnist-trainer/${slot}`;
  const [phase, setPhase] = useState<TrainerPhase>('starting');
  const [progress, setProgress] = useState<TrainMnistProgress | null>(null);
  const [note, setNote] = useState<TrainerNote | null>(null);
  /** Bumped by the first progress of every launch: the page adopts the session's settings. */
  const [synced, setSynced] = useState(0);
  const snapshot = useMemo(() => live<TrainMnistSnapshot | null>(null), []);
  const job = useRef<JobHandle<'train-mnist'> | null>(null);
  /** Ends the wait of a step taken while the digits load (see step). */
  const stepWait = useRef<(() => void) | null>(null);
  const endStepWait = useCallback(() => {
    stepWait.current?.();
    stepWait.current = null;
  }, []);
  const last = useRef<{ progress: TrainMnistProgress | null; savedStep: number; savedTime: number; preset: Preset; seed: number }>({
    progress: null,
    savedStep: -1,
    savedTime: 0,
    preset: slot,
    seed: 1,
  });
  const alive = useRef(true);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | 0>(0);
  const flushProgress = useCallback(() => {
    if (flushTimer.current) clearTimeout(flushTimer.current);
    flushTimer.current = 0;
    if (alive.current) setProgress(last.current.progress);
  }, []);

  const { savedAt, autosave } = useAutosave(session, storageKey, last, alive);

  const launch = useCallback(
    (
      args: Omit<TrainMnistArgs, 'session' | 'dataUrl'>,
      paused: boolean,
      onBadFile?: (e: WorkerError) => void,
      announce?: (p: TrainMnistProgress) => TrainerNote | null,
    ) => {
      endStepWait();
      job.current?.cancel();
      const dataUrl = new URL('data/', document.baseURI).href;
      const h = computeClient().startJob('train-mnist', { ...args, session, dataUrl, externalEval: true }, { paused, fps: FPS });
      job.current = h;
      setPhase(paused ? 'paused' : 'running');
      h.subscribe(
        trainEvents(h, {
          isCurrent: () => job.current === h && alive.current,
          isAttached: () => job.current === h,
          detach: () => {
            job.current = null;
          },
          snapshot, last: last.current, flushProgress, flushTimer,
          synced: () => setSynced((v) => v + 1),
          setNote, setPhase, autosave, onBadFile, announce,
          restart: () =>
            void loadSaved(storageKey).then((file) => alive.current && launch(file ? { mode: 'continue', preset: last.current.preset, seed: last.current.seed, file } : { mode: 'new', preset: last.current.preset, seed: last.current.seed, settings: settingsRef.current }, true)),
          keepPaused: () => launch({ mode: 'continue', preset: last.current.preset, seed: last.current.seed, settings: settingsRef.current }, true),
        }),
      );
      return h;
    },
    [session, snapshot, autosave, storageKey, settingsRef, flushProgress, endStepWait],
  );

  useEffect(() => {
    alive.current = true;
    let cancelled = false;
    // Compile the training step and the test pass before Start (both workers, throwaway weights).
    void computeClient().request('mnist-warm-up', { preset: slot, train: true }).catch(() => undefined);
    prepareEvaluator(slot);
    // Resume the worker's live session, else the autosaved file, else a fresh network.
    void loadSaved(storageKey).then((file) => {
      if (cancelled) return;
      const base = { preset: slot, seed: 1 } as const;
      if (!file) {
        launch({ mode: 'continue', ...base }, true);
        return;
      }
      launch(
        { mode: 'continue', ...base, file },
        true,
        (err) => {
          setNote({ kind: 'autosave-bad', error: err });
          launch({ mode: 'new', ...base }, true);
        },
        (p) => (p.step > 0 ? { kind: 'restored', step: p.step } : null),
      );
    });
    const hide = () => {
      if (document.visibilityState === 'hidden') void autosave(true);
    };
    document.addEventListener('visibilitychange', hide);
    return () => {
      cancelled = true;
      alive.current = false;
      document.removeEventListener('visibilitychange', hide);
      void autosave(true);
      endStepWait();
      job.current?.cancel();
      job.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- attach once per trainer slot; launch and autosave are stable for a slot
  }, [slot]);

  const start = useCallback(() => {
    endStepWait();
    setNote((n) => (n && (n.kind === 'diverged' || n.kind === 'bad-file') ? null : n));
    if (job.current) job.current.resume();
    else launch({ mode: 'continue', preset: last.current.preset, seed: last.current.seed, settings: settingsRef.current }, false);
  }, [launch, settingsRef, endStepWait]);

  const pause = useCallback(() => job.current?.pause(), []);

  // A step taken while the digits are still loading has nothing to train on (the worker answers
  // with the same step count): keep asking, a few times a second, until the steps asked for have
  // trained, so each click is one step. Start, Reset and a loaded file end the wait.
  const stepTarget = useRef(0);
  const step = useCallback(() => {
    const h = job.current;
    if (!h) return;
    if (stepWait.current) {
      stepTarget.current++; // taken once the digits are there
      return;
    }
    stepTarget.current = (last.current.progress?.step ?? 0) + 1;
    let timer: ReturnType<typeof setTimeout> | 0 = 0;
    const off = h.subscribe((e) => {
      if (e.type !== 'progress') {
        if (e.type !== 'phase') endStepWait();
        return;
      }
      const left = stepTarget.current - e.progress.step;
      if (left <= 0 || e.phase === 'running') return endStepWait();
      if (e.progress.status === 'ready') return h.step(left);
      if (!timer) timer = setTimeout(() => {
        timer = 0;
        if (job.current === h && alive.current) h.step(1);
      }, 250);
    });
    stepWait.current = () => {
      off();
      if (timer) clearTimeout(timer);
    };
    h.step(1);
  }, [endStepWait]);

  const reset = useCallback(
    (preset: Preset, seed: number, settings: TrainSettings) => {
      setNote(null);
      snapshot.set(null);
      last.current.savedStep = -1;
      launch({ mode: 'new', preset, seed, settings }, true);
    },
    [launch, snapshot],
  );

  const update = useCallback((patch: Partial<TrainSettings> & { viewDigit?: number }) => job.current?.update(patch), []);

  const { predict, download } = useMemo(() => trainerRequests(session), [session]);

  const loadFile = useCallback(
    (file: ArrayBuffer, name: string) => {
      const p = last.current;
      launch(
        { mode: 'restore', preset: p.preset, seed: p.seed, file },
        true,
        (err) => {
          setNote({ kind: 'bad-file', error: err });
          launch({ mode: 'continue', preset: p.preset, seed: p.seed }, true);
        },
        (q) => ({ kind: 'loaded', step: q.step, name }),
      );
    },
    [launch],
  );

  return { phase, progress, note, snapshot, savedAt, synced, start, pause, step, reset, update, predict, download, loadFile, dismissNote: () => setNote(null) };
}
