// useAnimationStep({ total, intervalMs?, autoPlay?, initial? }) → AnimationStep
// A step counter k in 0..total (k = number of steps done: 0 = nothing yet, total = finished)
// with play / pause / speed. Playing advances k every intervalMs / speed and stops at total;
// play at the end starts again from 0. autoPlay is ignored under prefers-reduced-motion.
// When total changes (new sizes), k is clamped into range — the step count never lies.
import { useCallback, useEffect, useState } from 'react';
import { prefersReducedMotion } from './useReducedMotion';

export const SPEEDS = [0.5, 1, 2, 4] as const;

export interface AnimationStep {
  k: number;
  total: number;
  playing: boolean;
  speed: number;
  atEnd: boolean;
  setK(k: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  step(delta: number): void;
  reset(): void;
  setSpeed(speed: number): void;
}

export interface AnimationOptions {
  total: number;
  intervalMs?: number;
  autoPlay?: boolean;
  initial?: number;
}

export function useAnimationStep({ total, intervalMs = 700, autoPlay = false, initial = 0 }: AnimationOptions): AnimationStep {
  const safeTotal = Math.max(0, Math.floor(Number.isFinite(total) ? total : 0));
  const [kRaw, setKRaw] = useState(initial);
  const [playing, setPlaying] = useState(() => autoPlay && !prefersReducedMotion());
  const [speed, setSpeed] = useState(1);
  const k = Math.min(Math.max(0, kRaw), safeTotal);

  const setK = useCallback((v: number) => setKRaw(Math.min(Math.max(0, Math.round(v)), safeTotal)), [safeTotal]);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      setKRaw((prev) => {
        const next = Math.min(prev, safeTotal) + 1;
        if (next >= safeTotal) setPlaying(false);
        return Math.min(next, safeTotal);
      });
    }, Math.max(16, intervalMs / speed));
    return () => clearInterval(id);
  }, [playing, speed, intervalMs, safeTotal]);

  const play = useCallback(() => {
    if (safeTotal === 0) return;
    setKRaw((prev) => (prev >= safeTotal ? 0 : prev));
    setPlaying(true);
  }, [safeTotal]);
  const pause = useCallback(() => setPlaying(false), []);
  const step = useCallback(
    (delta: number) => {
      setPlaying(false);
      setKRaw((prev) => Math.min(Math.max(0, Math.min(prev, safeTotal) + delta), safeTotal));
    },
    [safeTotal],
  );
  const reset = useCallback(() => {
    setPlaying(false);
    setKRaw(0);
  }, []);

  return {
    k, total: safeTotal, playing, speed, atEnd: k >= safeTotal,
    setK, play, pause, step, reset, setSpeed,
    toggle: () => (playing ? pause() : play()),
  };
}
