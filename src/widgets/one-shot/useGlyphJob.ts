// The link between the glyph one-shot view and the worker's glyph-one-shot job: start (or
// resume), pause, reset, errors (a worker restart included). The job lives in a module-level
// slot per training setting (many / few identities), not in the component: a lesson that shows
// the widget twice, presenter mode or a remount finds the run (or its result) still there. A slot
// that no mounted widget shows for a second is paused, so hidden training stops.
import { useCallback, useEffect, useState } from 'react';
import { computeClient, type JobHandle } from '../../worker/client';
import type { WorkerError } from '../../worker/protocol';
import { followJob } from '../../ui/useLongJob';
import { live, type Live } from '../../ui/live';
import type { GlyphOneShotArgs, GlyphOneShotProgress, GlyphOneShotSnapshot } from './job/glyphOneShot';

export type GlyphPhase = 'idle' | 'running' | 'paused' | 'finished';

interface Slot {
  args: Omit<GlyphOneShotArgs, 'dataUrl'>;
  handle: JobHandle<'glyph-one-shot'> | null;
  phase: GlyphPhase;
  progress: GlyphOneShotProgress | null;
  error: WorkerError | null;
  snapshot: Live<GlyphOneShotSnapshot | null>;
  version: Live<number>;
  mounted: number;
}

const slots = new Map<string, Slot>();
const FPS = 4;
const changed = (s: Slot) => s.version.set(s.version.get() + 1);

/** Every slot's latest progress (the comparison table reads the other setting's result). */
export function glyphProgress(key: string): GlyphOneShotProgress | null {
  return slots.get(key)?.progress ?? null;
}

function slotFor(key: string, args: Slot['args']): Slot {
  let s = slots.get(key);
  if (!s) slots.set(key, (s = { args, handle: null, phase: 'idle', progress: null, error: null, snapshot: live(null), version: live(0), mounted: 0 }));
  return s;
}

function launch(s: Slot): void {
  const h = computeClient().startJob('glyph-one-shot', { ...s.args, dataUrl: new URL('data/', document.baseURI).href }, { fps: FPS });
  s.handle = h;
  s.error = null;
  s.phase = 'running';
  changed(s);
  followJob(h, () => s.handle === h, {
    progress(p, snap) {
      if (snap) s.snapshot.set(snap);
      s.progress = p;
      changed(s);
    },
    phase(ph) {
      if (ph === 'done' || ph === 'error') {
        s.phase = ph === 'done' ? 'finished' : 'idle';
        s.handle = null;
      } else s.phase = ph;
      changed(s);
    },
    error(e) {
      s.error = e;
      changed(s);
    },
  });
}

export interface GlyphJob {
  phase: GlyphPhase;
  progress: GlyphOneShotProgress | null;
  snapshot: Live<GlyphOneShotSnapshot | null>;
  error: WorkerError | null;
  start(): void;
  pause(): void;
  reset(): void;
}

export function useGlyphJob(key: string, args: Slot['args']): GlyphJob {
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
  return { phase: slot.phase, progress: slot.progress, snapshot: slot.snapshot, error: slot.error, start, pause, reset };
}
