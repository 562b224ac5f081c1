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
