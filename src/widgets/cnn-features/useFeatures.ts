// The widget's link to the worker: one module-level slot for the model job (so presenter mode
// or the next visit remounts the widget and finds the analysis still there) and one for the
// gradient-ascent job. Progress goes through React (a few numbers, ~8 per second); the big
// result and the forming image go into Live boxes that the views subscribe to.
import { useCallback, useEffect, useState } from 'react';
import { computeClient, type JobHandle } from '../../worker/client';
import type { WorkerError } from '../../worker/protocol';
import type { CnnAscentProgress, CnnFeaturesProgress, CnnFeaturesSnapshot } from './job';
import { live, type Live } from '../../ui/live';
import { loadSaved } from '../shared/savedModels';
import { followJob } from '../../ui/useLongJob';

export type ModelPhase = 'idle' | 'running' | 'paused' | 'done';
const SESSION = 'cnn-features';
const FPS = 8;
/** The lab's autosave slots that hold a CNN (the MLP has no conv layer to look at). */
const LAB_SLOTS = ['lenet5', 'tiny'] as const;

interface Slot {
  lab: { file: ArrayBuffer; preset: string } | null | undefined; // undefined = not looked yet
  source: 'lab' | 'quick' | null;
  handle: JobHandle<'cnn-features'> | null;
  phase: ModelPhase;
  progress: CnnFeaturesProgress | null;
  error: WorkerError | null;
  result: Live<CnnFeaturesSnapshot | null>;
  ascent: { handle: JobHandle<'cnn-features-ascent'> | null; key: string; progress: CnnAscentProgress | null; running: boolean; error: WorkerError | null };
  image: Live<Float32Array | null>;
  version: Live<number>;
}

const slot: Slot = {
  lab: undefined, source: null, handle: null, phase: 'idle', progress: null, error: null, result: live(null),
  ascent: { handle: null, key: '', progress: null, running: false, error: null }, image: live(null), version: live(0),
};
const changed = () => slot.version.set(slot.version.get() + 1);

/** Read the lab's autosave again on every mount: the student may have trained since. */
async function lookForLab(): Promise<void> {
  for (const preset of LAB_SLOTS) {
    const file = await loadSaved(`mnist-trainer/${preset}`).catch(() => null);
    if (file) {
      slot.lab = { file, preset };
      changed();
      return;
    }
  }
  slot.lab = null;
  changed();
}

function launch(source: 'lab' | 'quick'): void {
  slot.handle?.cancel();
  slot.ascent.handle?.cancel();
  slot.ascent = { handle: null, key: '', progress: null, running: false, error: null };
  slot.image.set(null);
  slot.result.set(null);
  const dataUrl = new URL('data/', document.baseURI).href;
  // The file is copied (not transferred): the slot keeps it for another run.
  const file = source === 'lab' && slot.lab ? slot.lab.file.slice(0) : undefined;
  const h = computeClient().startJob('cnn-features', { session: SESSION, dataUrl, file, seed: 1 }, { fps: FPS });
  slot.handle = h;
  slot.source = source;
  slot.phase = 'running';
  slot.error = null;
  slot.progress = null;
  changed();
  followJob(h, () => slot.handle === h, {
    progress: (p, snapshot) => {
      slot.progress = p;
      if (snapshot) slot.result.set(snapshot);
    },
    phase: (phase) => {
      if (phase === 'done') {
        slot.phase = 'done';
        slot.handle = null;
      } else if (phase !== 'error') slot.phase = phase;
      changed();
    },
    error: (e) => {
      slot.handle = null;
      slot.error = e;
      slot.phase = 'idle';
      if (e.code === 'bad-file') slot.lab = null;
    },
  });
}

function ascend(layer: number, unit: number, blur: boolean): void {
  slot.ascent.handle?.cancel();
  const h = computeClient().startJob('cnn-features-ascent', { session: SESSION, layer, unit, blur, steps: 150, seed: 1 }, { fps: 15 });
  slot.ascent = { handle: h, key: `${layer}:${unit}`, progress: null, running: true, error: null };
  slot.image.set(null);
  changed();
  followJob(h, () => slot.ascent.handle === h, {
    progress: (p, snapshot) => {
      slot.ascent.progress = p;
      if (snapshot) slot.image.set(snapshot.image);
    },
    phase: (phase) => {
      if (phase === 'done') {
        slot.ascent.running = false;
        slot.ascent.handle = null;
      }
      changed();
    },
    error: (e) => {
      slot.ascent.running = false;
      slot.ascent.handle = null;
      slot.ascent.error = e;
      // The worker restarted: its model is gone, so the analysis must run again.
      if (e.code === 'worker-restarted' || e.code === 'no-model') {
        slot.result.set(null);
        slot.phase = 'idle';
      }
    },
  });
}

export function useFeatures() {
  const [, rerender] = useState(0);
  useEffect(() => {
    const off = slot.version.subscribe((v) => rerender(v));
    void lookForLab().then(() => {
      // The student's own model, when there is one, is analysed at once (about a second).
      if (slot.lab && slot.phase === 'idle' && !slot.result.get() && !slot.error) launch('lab');
    });
    return () => void off();
  }, []);
  const start = useCallback((source: 'lab' | 'quick') => {
    if (slot.handle && slot.phase === 'paused' && slot.source === source) slot.handle.resume();
    else launch(source);
  }, []);
  const pause = useCallback(() => slot.handle?.pause(), []);
  const optimise = useCallback((layer: number, unit: number, blur: boolean) => ascend(layer, unit, blur), []);
  return { slot, start, pause, optimise };
}
