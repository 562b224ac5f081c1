// <StepControls anim={useAnimationStep(...)} keyScope?={rootRef} label? />
// Buttons: reset (data-action="reset"), step back, play/pause (data-action="start"/"pause"),
// step, a speed select, and "step k of total" (data-metric="step", data-value=k).
// Keyboard, inside keyScope (default: the controls themselves): space = play/pause,
// ← / → = step. Keys typed into inputs/selects are left alone.
import { useEffect, useRef, type RefObject } from 'react';
import { fmt, useStrings } from './i18n';
import { uiStrings } from './strings';
import { SPEEDS, type AnimationStep } from './useAnimationStep';
import { Metric } from './Metric';

export interface StepControlsProps {
  anim: AnimationStep;
  /** Element whose keydown events drive the animation (usually the widget root). */
  keyScope?: RefObject<HTMLElement | null>;
  /** Show the "step k of total" counter (default true). */
  showCounter?: boolean;
}

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof Element)) return false;
  const tag = t.tagName;
  // Grids (data-own-keys) use the arrows themselves to move between cells.
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (t instanceof HTMLElement && t.isContentEditable) || t.closest('[data-own-keys]') !== null;
}

/** Two bars, drawn (the ⏸ glyph is missing from many fonts). */
function PauseIcon() {
  return (
    <svg viewBox="0 0 10 10" width="0.8em" height="0.8em" aria-hidden="true" style={{ verticalAlign: '-0.05em' }}>
      <rect x="1.5" y="1" width="2.5" height="8" fill="currentColor" />
      <rect x="6" y="1" width="2.5" height="8" fill="currentColor" />
    </svg>
  );
}

export function StepControls({ anim, keyScope, showCounter = true }: StepControlsProps) {
  const t = useStrings(uiStrings);
  const own = useRef<HTMLDivElement>(null);
  const animRef = useRef(anim);
  animRef.current = anim;

  useEffect(() => {
    const el = keyScope?.current ?? own.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const a = animRef.current;
      if (e.key === ' ' || e.key === 'Spacebar') {
        e.preventDefault(); // also tells the presenter's slide keys to stay out
        // On a focused button, space presses that button (we prevented the native press).
        if (e.target instanceof HTMLButtonElement) e.target.click();
        else a.toggle();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        a.step(1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        a.step(-1);
      }
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [keyScope]);

  return (
    <div className="ui-steps" role="group" aria-label={t.controls} ref={own} title={t.keysHint}>
      <button type="button" data-action="reset" onClick={anim.reset} aria-label={t.reset} title={t.reset}>↺</button>
      <button type="button" onClick={() => anim.step(-1)} disabled={anim.k <= 0} aria-label={t.stepBack} title={t.stepBack}>◀</button>
      {anim.playing ? (
        <button type="button" data-action="pause" className="ui-primary" onClick={anim.pause} aria-label={t.pause} title={t.pause}><PauseIcon /> {t.pause}</button>
      ) : (
        <button type="button" data-action="start" className="ui-primary" onClick={anim.play} disabled={anim.total === 0} aria-label={t.play} title={t.play}>▶ {t.play}</button>
      )}
      <button type="button" data-action="step" onClick={() => anim.step(1)} disabled={anim.atEnd} aria-label={t.step} title={t.step}>▶|</button>
      <label className="ui-steps-speed">
        <span>{t.speed}</span>
        <select value={anim.speed} onChange={(e) => anim.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s}×</option>
          ))}
        </select>
      </label>
      {showCounter && (
        <Metric name="step" value={anim.k}>{fmt(t.stepOf, { k: anim.k, total: anim.total })}</Metric>
      )}
    </div>
  );
}
