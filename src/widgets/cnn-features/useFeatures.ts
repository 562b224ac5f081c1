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
  h.subscribe((e) => {
    if (slot.handle !== h) return;
    if (e.type === 'progress' || e.type === 'done') {
      slot.progress = e.progress;
      if (e.snapshot) slot.result.set(e.snapshot);
      if (e.type === 'done') {
        slot.phase = 'done';
        slot.handle = null;
      } else slot.phase = e.phase === 'paused' ? 'paused' : 'running';
    } else if (e.type === 'phase') slot.phase = e.phase === 'paused' ? 'paused' : 'running';
    else if (e.type === 'error') {
      slot.handle = null;
      slot.error = e.error;
      slot.phase = 'idle';
      if (e.error.code === 'bad-file') slot.lab = null;
    }
    changed();
  });
}

function ascend(layer: number, unit: number, blur: boolean): void {
  slot.ascent.handle?.cancel();
  const h = computeClient().startJob('cnn-features-ascent', { session: SESSION, layer, unit, blur, steps: 150, seed: 1 }, { fps: 15 });
  slot.ascent = { handle: h, key: `${layer}:${unit}`, progress: null, running: true, error: null };
  slot.image.set(null);
  changed();
  h.subscribe((e) => {
    if (slot.ascent.handle !== h) return;
    if (e.type === 'progress' || e.type === 'done') {
      slot.ascent.progress = e.progress;
      if (e.snapshot) slot.image.set(e.snapshot.image);
      if (e.type === 'done') {
        slot.ascent.running = false;
        slot.ascent.handle = null;
      }
    } else if (e.type === 'error') {
      slot.ascent.running = false;
      slot.ascent.handle = null;
      slot.ascent.error = e.error;
      // The worker restarted: its model is gone, so the analysis must run again.
      if (e.error.code === 'worker-restarted' || e.error.code === 'no-model') {
        slot.result.set(null);
        slot.phase = 'idle';
      }
    }
    changed();
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
