// Presenter mode: full screen when the browser allows it (it may refuse without a user
// gesture — then the page still switches to large type, high contrast and no chrome).
import { useStore } from '../state/store';

export function enterPresenter(): void {
  useStore.getState().setPresenter(true);
  const el = document.documentElement;
  if (!document.fullscreenElement && typeof el.requestFullscreen === 'function') {
    try {
      el.requestFullscreen().catch(() => {});
    } catch {
      /* not allowed here: presenter styling still applies */
    }
  }
}

export function exitPresenter(): void {
  useStore.getState().setPresenter(false);
  if (document.fullscreenElement && typeof document.exitFullscreen === 'function') {
    document.exitFullscreen().catch(() => {});
  }
}

/** True when a key press belongs to a text field or a widget control, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return type !== 'checkbox' && type !== 'radio' && type !== 'button';
  }
  return false;
}

/**
 * True when the focus is in a field that takes typed text (its arrows and space move the
 * caret). Everything else — buttons, sliders, canvases — gives presenter keys to the slides,
 * so a clicker's PageDown never gets stuck inside a widget.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target.tagName !== 'INPUT') return false;
  return ['text', 'number', 'search', 'email', 'url', 'tel', 'password', ''].includes((target as HTMLInputElement).type);
}

/** Keys a clicker or a presenter uses: forward and back. */
export function slideStep(key: string): 1 | -1 | 0 {
  if (key === 'ArrowRight' || key === ' ' || key === 'PageDown') return 1;
  if (key === 'ArrowLeft' || key === 'PageUp') return -1;
  return 0;
}

/** The 1-based slide number in the address (`#/en/lesson/padding?slide=3`), or null. */
export function slideFromHash(hash: string): number | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const v = new URLSearchParams(hash.slice(q + 1)).get('slide');
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** The same address with the slide number set (n ≥ 1) or removed (null); other parameters kept. */
export function hashWithSlide(hash: string, n: number | null): string {
  const q = hash.indexOf('?');
  const path = q < 0 ? hash : hash.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
  if (n === null) params.delete('slide');
  else params.set('slide', String(n));
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}
